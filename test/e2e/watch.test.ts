/**
 * `revue build --watch` (src/watch.ts): the report follows a saved file, an
 * invalid intermediate state is reported and the previous report kept, and
 * aborting stops the watch.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { watchBuild } from '../../src/watch.js';
import { FIXTURES } from '../helpers.js';

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'revue-watch-'));
  await cp(path.join(FIXTURES, 'minimal'), path.join(ws, 'data'), { recursive: true });
});
afterAll(async () => rm(ws, { recursive: true, force: true }));

/** Resolves when `predicate` holds, polling; fails after `ms`. */
async function until(predicate: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('watchBuild', () => {
  it('rebuilds on save, keeps the last good report through an invalid file, and stops on abort', async () => {
    const data = path.join(ws, 'data');
    const out = path.join(ws, 'output');
    const repFile = path.join(data, '2026', 'ann-lee.yaml');
    const html = path.join(out, '2026', 'reps', 'ann-lee.html');
    const builds: BuildResult[] = [];
    const errors: unknown[] = [];
    const changes: string[][] = [];
    const controller = new AbortController();

    const watching = watchBuild(
      { data, out, htmlOnly: true, reps: ['ann-lee'], signal: controller.signal, debounceMs: 100 },
      {
        onBuild: (result) => builds.push(result),
        onError: (error) => errors.push(error),
        onChange: (files) => changes.push(files),
      },
    );
    let stopped = false;
    void watching.then(() => (stopped = true));

    await until(() => builds.length >= 1, 'the first build');
    expect(builds[0]?.ok).toBe(true);
    expect(await readFile(html, 'utf8')).toContain('Ann Lee');

    // a save: the report follows
    const original = await readFile(repFile, 'utf8');
    await writeFile(repFile, original.replace('name: Ann Lee', 'name: Ann Lee-Watson'));
    await until(() => builds.some((b, i) => i > 0 && b.ok), 'the rebuild after the save');
    expect(changes.flat()).toContain(repFile);
    expect(await readFile(html, 'utf8')).toContain('Ann Lee-Watson');

    // a half-typed file: diagnostics, and the previous report stays
    const before = builds.length;
    await writeFile(repFile, original.replace('role: junior', 'role: junor'));
    await until(() => builds.slice(before).some((b) => !b.ok), 'the build of the invalid file');
    const invalid = builds.slice(before).find((b) => !b.ok);
    expect(invalid?.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toContain(
      'error: role: unknown role "junor"',
    );
    expect(await readFile(html, 'utf8')).toContain('Ann Lee-Watson');
    expect(errors).toEqual([]);

    controller.abort();
    await until(() => stopped, 'the watch to stop', 15_000);
    await expect(watching).resolves.toBeUndefined();
  }, 90_000);
});
