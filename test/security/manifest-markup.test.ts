/**
 * Nothing read back from the output folder reaches a page as markup (issue
 * 13). The manifest (`.revue-manifest.json`), the reports on disk and an old
 * index are written by revue, but anyone who can write to the output folder
 * can change them: script planted in each is never in the index or a report
 * of the next build, and the build still works (a manifest it cannot read is
 * ignored, and every report is built again).
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { build, type BuildOptions } from '../../src/build.js';
import { FIXTURES } from '../helpers.js';

let root: string;
let data: string;
let out: string;
let year: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-manifest-markup-'));
  data = path.join(root, 'data');
  out = path.join(root, 'output');
  year = path.join(out, '2026');
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

/** Markup that would run, or show, if it reached a page unescaped; each planted once, with its own number. */
const planted = (n: number) => `<script>alert(${n})</script><img src=x onerror=alert(${n})>`;
const PLANTED = /alert\(|onerror|<script>/;

const manifestSchema = z.object({
  format: z.unknown(),
  tool: z.string(),
  shard: z.unknown(),
  reports: z.record(z.string(), z.object({ kind: z.string(), id: z.string(), inputs: z.string(), output: z.string() })),
});

/** Every HTML file of the year's output, by name, with its text. */
async function pages(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(year, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(year, file), await readFile(file, 'utf8'));
  }
  return found;
}

describe('what the output folder holds is never markup in the next build', () => {
  it('script in every field of the manifest, in a stale report and in the old index', async () => {
    expect((await build(options())).ok).toBe(true);
    const manifestFile = path.join(year, '.revue-manifest.json');
    const manifest = manifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')));
    let n = 0;
    manifest.tool = planted(++n);
    for (const entry of Object.values(manifest.reports)) {
      entry.kind = planted(++n);
      entry.id = planted(++n);
    }
    // A report the manifest says revue wrote, that this build no longer produces: it is removed, named from the manifest.
    const stale = `reps/${planted(++n).replaceAll('/', '')}.html`;
    const staleText = `<!doctype html>${planted(++n)}`;
    await writeFile(path.join(year, stale), staleText);
    manifest.reports[stale] = {
      kind: planted(++n),
      id: planted(++n),
      inputs: planted(++n),
      output: createHash('sha256').update(staleText).digest('hex'),
    };
    await writeFile(manifestFile, JSON.stringify(manifest));
    await writeFile(path.join(year, 'index.html'), `<!doctype html>${planted(++n)}`);

    const again = await build(options());
    expect(again.ok).toBe(true);
    expect(again.errors).toEqual([]);
    expect(again.reports.map((r) => r.status).every((s) => s === 'written' || s === 'skipped')).toBe(true);
    expect(again.removed.map((r) => path.relative(year, r.file))).toEqual([stale]);
    const html = await pages();
    expect([...html.keys()].sort()).toEqual(
      ['index.html', 'organisation.html', 'reps/ann-lee.html', 'reps/bo-chen.html', 'teams/north.html'].sort(),
    );
    for (const [file, text] of html) expect(text, file).not.toMatch(PLANTED);
    // The manifest written afterwards names each report from the plan, never as it was read back.
    expect(await readFile(manifestFile, 'utf8')).not.toMatch(PLANTED);

    // A build of one rep lists the others as they are on disk: still nothing planted.
    const one = await build(options({ reps: ['ann-lee'] }));
    expect(one.ok).toBe(true);
    for (const [file, text] of await pages()) expect(text, file).not.toMatch(PLANTED);
  });

  it('a manifest that is not one (markup, not JSON) is ignored: every report is built again, and works', async () => {
    expect((await build(options())).ok).toBe(true);
    await writeFile(path.join(year, '.revue-manifest.json'), planted(1));
    const again = await build(options());
    expect(again.ok).toBe(true);
    expect(again.reports.length).toBeGreaterThan(0);
    expect(again.reports.every((r) => r.status === 'written')).toBe(true);
    for (const [file, text] of await pages()) expect(text, file).not.toMatch(PLANTED);
  });
});
