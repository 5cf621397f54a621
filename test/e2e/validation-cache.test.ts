/**
 * The cache of validated files (validate/rep-cache.ts, write/validation-cache.ts):
 * a rebuild reuses what an earlier build validated, and gives exactly what
 * a build without the cache gives: the same diagnostics, the same reports
 * (byte for byte, with SOURCE_DATE_EPOCH). A cache that does not prove
 * itself (truncated, of another version, an entry edited) is ignored.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeOrganisation } from '../../scripts/bench-data.mjs';
import { build, type BuildOptions } from '../../src/build.js';
import { VERSION } from '../../src/version.js';
import { validationCacheFile } from '../../src/write/validation-cache.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, tempWorkspace } from '../helpers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function workspace() {
  const { dir, cleanup } = await tempWorkspace({});
  onTestFinished(cleanup);
  const data = path.join(dir, 'data');
  await writeOrganisation(data, { reps: 6, teamSize: 3 });
  const out = path.join(dir, 'output');
  const run = (options: BuildOptions = {}) => build({ data, out, htmlOnly: true, asOf: '2026-12-31', ...options });
  const html = (file: string) => readFile(path.join(out, '2026', file), 'utf8');
  return { dir, data, out, run, html, cache: validationCacheFile(out) };
}

/** The cache's lines but its header, each split into key, last date, digest and JSON. */
function entriesOf(text: string) {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => {
      const [key = '', last = '', sum = ''] = line.split('\t', 3);
      return { key, last, sum, json: line.slice(key.length + last.length + sum.length + 3) };
    });
}

/** A cache whose entry for rep 1 (its name is "… 1") names them "Cached Name", its digest made to match or not. */
function withRenamedRep(text: string, fixSum: boolean): string {
  const [header = ''] = text.split('\n');
  const lines = entriesOf(text).map((e) => {
    if (!/"name":"[^"]* 1"/.test(e.json)) return e;
    const json = e.json.replace(/"name":"[^"]* 1"/, '"name":"Cached Name"');
    return { ...e, json, sum: fixSum ? sha256(`${e.key}\0${e.last}\0${json}`) : e.sum };
  });
  return [header, ...lines.map((e) => `${e.key}\t${e.last}\t${e.sum}\t${e.json}`), ''].join('\n');
}

describe('the cache of validated files', () => {
  it('is written by a build, one entry per rep file without an error, and reused by the next', async () => {
    const ws = await workspace();
    const first = await ws.run();
    const text = await readFile(ws.cache, 'utf8');
    expect(text.split('\n')[0]).toBe(`revue-validation-cache\t1\t${VERSION}`);
    const files =
      (await readdir(path.join(ws.data, '2025'))).length + (await readdir(path.join(ws.data, '2026'))).length;
    // Files with warnings too (two here: a competency never observed), with their warnings.
    expect(first.diagnostics.length).toBeGreaterThan(0);
    expect(entriesOf(text)).toHaveLength(files);

    // An entry that proves itself is what the next build uses: its data, not the file's, reaches the report.
    await writeFile(ws.cache, withRenamedRep(text, true));
    await ws.run({ force: false });
    const again = await ws.run({ reps: ['rep-00001'] });
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(await ws.html('reps/rep-00001.html')).toContain('Cached Name');
  });

  it('ignores an entry edited without its digest, a truncated cache and a cache of another version', async () => {
    const ws = await workspace();
    const first = await ws.run();
    const report = await ws.html('reps/rep-00001.html');
    const text = await readFile(ws.cache, 'utf8');
    const otherVersion = withRenamedRep(text, true).replace(`\t${VERSION}\n`, '\t0.0.0-other\n');
    const damaged = {
      'an entry edited': withRenamedRep(text, false),
      'a truncated cache': withRenamedRep(text, true).slice(0, Math.floor(text.length / 2)),
      'another version': otherVersion,
      'a cache that is not one': '\u0000garbage',
    };
    for (const [what, content] of Object.entries(damaged)) {
      await writeFile(ws.cache, content);
      const result = await ws.run({ force: true });
      // --force renders every report; the cache is rewritten whole, from the files.
      expect(result.diagnostics, what).toEqual(first.diagnostics);
      expect(await ws.html('reps/rep-00001.html'), what).toBe(report);
      expect(await readFile(ws.cache, 'utf8'), what).toBe(text);
    }
    // Without --force too: a truncated cache's half that proves itself is used, the rest validated again.
    await writeFile(ws.cache, text.slice(0, Math.floor(text.length / 2)));
    const result = await ws.run({ force: false });
    expect(result.diagnostics).toEqual(first.diagnostics);
    expect(await readFile(ws.cache, 'utf8')).toBe(text);
  });

  it('gives the same diagnostics as a build without it, for files with warnings and for an earlier build date', async () => {
    const ws = await workspace();
    // Files with a warning (a competency never observed): cached with it, reported the same from the cache.
    const fresh = await ws.run({ force: true });
    const cached = await ws.run();
    expect(cached.diagnostics).toStrictEqual(fresh.diagnostics);
    expect(JSON.stringify(cached.diagnostics)).toBe(JSON.stringify(fresh.diagnostics));
    expect(cached.diagnostics.some((d) => d.code === 'never-observed' && d.excerpt !== undefined)).toBe(true);
    // The same folder written another way: the diagnostics name the files as given this time.
    const relative = path.relative(process.cwd(), ws.data);
    const elsewhere = await build({ data: relative, out: ws.out, htmlOnly: true, asOf: '2026-12-31' });
    const freshElsewhere = await build({
      data: relative,
      out: ws.out,
      htmlOnly: true,
      asOf: '2026-12-31',
      force: true,
    });
    expect(elsewhere.diagnostics).toStrictEqual(freshElsewhere.diagnostics);
    // Cached as of the end of the year; a build as of June warns of the sessions after it, as without the cache.
    const june = await ws.run({ asOf: '2026-06-30' });
    const juneFresh = await ws.run({ asOf: '2026-06-30', force: true });
    expect(june.diagnostics).toEqual(juneFresh.diagnostics);
    // And again as of June: now from the entries validated as of June, with their warnings of later sessions.
    const juneAgain = await ws.run({ asOf: '2026-06-30' });
    expect(JSON.stringify(juneAgain.diagnostics)).toBe(JSON.stringify(juneFresh.diagnostics));
    expect(june.diagnostics.some((d) => d.code === 'after-build-date')).toBe(true);
  });

  it('is not used by a build of another framework', async () => {
    const ws = await workspace();
    await ws.run();
    await writeFile(ws.cache, withRenamedRep(await readFile(ws.cache, 'utf8'), true));
    const framework = path.join(ws.data, 'framework.yaml');
    await writeFile(framework, `${await readFile(framework, 'utf8')}\n# edited\n`);
    await ws.run();
    expect(await ws.html('reps/rep-00001.html')).not.toContain('Cached Name');
  });
});

describeWithBrowser('PDFs built with the cache', () => {
  it('are byte for byte those built without it (SOURCE_DATE_EPOCH)', async () => {
    const { dir, cleanup } = await tempWorkspace({});
    onTestFinished(cleanup);
    const data = path.join(FIXTURES, 'minimal');
    const options = { data, sourceDateEpoch: 1_767_225_600 };
    const without = path.join(dir, 'without');
    const withCache = path.join(dir, 'with');
    await build({ ...options, out: without });
    // The second folder starts with the first one's cache and nothing else: every report is printed from cached data.
    await cp(path.dirname(validationCacheFile(without)), path.dirname(validationCacheFile(withCache)), {
      recursive: true,
    });
    const cached = await build({ ...options, out: withCache });
    expect(cached.reports.map((r) => r.status).every((s) => s === 'written')).toBe(true);
    const pdfs = cached.reports.map((r) => path.relative(withCache, r.file));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const pdf of pdfs) {
      const a = await readFile(path.join(without, pdf));
      const b = await readFile(path.join(withCache, pdf));
      expect(Buffer.compare(a, b), pdf).toBe(0);
    }
  }, 120_000);
});
