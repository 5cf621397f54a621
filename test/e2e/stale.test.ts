/**
 * Stale reports (SPEC §7, issue 11): a build of every report removes what
 * earlier builds wrote and the year no longer produces, says so, and never
 * removes a file it did not write. HTML builds: no browser needed, and the
 * rule is the same for PDFs (test/unit/stale.test.ts covers the extension).
 */
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { FIXTURES } from '../helpers.js';
import { BIN } from '../cli/spawn.js';

let root: string;
let data: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-stale-'));
  data = path.join(root, 'data');
  out = path.join(root, 'output');
  await cp(path.join(FIXTURES, 'minimal'), data, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const options = (extra: BuildOptions = {}): BuildOptions => ({
  data,
  out,
  htmlOnly: true,
  asOf: '2026-12-31',
  ...extra,
});
const reps = async () => (await readdir(path.join(out, '2026', 'reps'))).sort();
const teams = async () => (await readdir(path.join(out, '2026', 'teams'))).sort();

describe('a build of every report', () => {
  it('removes the report of a rep whose file was renamed, and says which and why', async () => {
    await build(options());
    expect(await reps()).toEqual(['ann-lee.html', 'bo-chen.html']);
    await rename(path.join(data, '2026', 'bo-chen.yaml'), path.join(data, '2026', 'bo-chan.yaml'));
    const again = await build(options());
    expect(await reps()).toEqual(['ann-lee.html', 'bo-chan.html']);
    expect(again.removed).toEqual([
      { file: path.join(out, '2026', 'reps', 'bo-chen.html'), kind: 'rep', id: 'bo-chen' },
    ]);
    // The manifest no longer names it.
    expect(await readFile(path.join(out, '2026', '.revue-manifest.json'), 'utf8')).not.toContain('bo-chen.html');
  });

  it('does so with --force too, and for a team that disappeared', async () => {
    await build(options());
    expect(await teams()).toEqual(['north.html']);
    for (const file of ['ann-lee.yaml', 'bo-chen.yaml']) {
      const text = await readFile(path.join(data, '2026', file), 'utf8');
      await writeFile(path.join(data, '2026', file), text.replace('team: North', 'team: South'));
    }
    const again = await build(options({ force: true }));
    expect(await teams()).toEqual(['south.html']);
    expect(again.removed.map((r) => `${r.kind} ${r.id}`)).toEqual(['team north']);
  });

  it('never removes a file it did not write, nor one changed since it wrote it', async () => {
    await build(options());
    await writeFile(path.join(out, '2026', 'reps', 'notes.html'), 'mine');
    await appendFile(path.join(out, '2026', 'reps', 'bo-chen.html'), '<!-- annotated by hand -->');
    await rm(path.join(data, '2026', 'bo-chen.yaml'));
    const again = await build(options());
    expect(again.removed).toEqual([]);
    expect(await reps()).toEqual(['ann-lee.html', 'bo-chen.html', 'notes.html']);
  });

  it('removes nothing on a build of some reps (--rep)', async () => {
    await build(options());
    await rm(path.join(data, '2026', 'bo-chen.yaml'));
    const partial = await build(options({ reps: ['ann-lee'] }));
    expect(partial.removed).toEqual([]);
    expect(await reps()).toEqual(['ann-lee.html', 'bo-chen.html']);
    // The next build of every report does.
    expect((await build(options())).removed.map((r) => r.id)).toEqual(['bo-chen']);
  });

  it('says so in the summary of the command line', async () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, 'build', '--data', data, '--out', out, '--html-only', ...args], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1798675200' },
      });
    expect(run([]).status).toBe(0);
    await rm(path.join(data, '2026', 'bo-chen.yaml'));
    const second = run([]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(
      `removed ${path.relative(process.cwd(), path.join(out, '2026', 'reps', 'bo-chen.html'))}: no such rep in 2026`,
    );
  });
});
