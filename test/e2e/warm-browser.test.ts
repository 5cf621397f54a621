/**
 * One browser for many builds (issue 14: `build --watch` and `preview` keep
 * theirs warm between saves): a build given a session prints with it and
 * leaves it open; watching rebuilds the PDFs a save changed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { BrowserSession } from '../../src/print/browser.js';
import { watchBuild } from '../../src/watch.js';
import { describeWithBrowser, foundBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { pdfText } from '../pdf.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-warm-'));
  await cp(path.join(FIXTURES, 'minimal'), path.join(dir, 'data'), { recursive: true });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describeWithBrowser('a browser kept between builds', () => {
  it('prints two builds with the one session it is given, and leaves it open', async () => {
    await using session = new BrowserSession({ executablePath: foundBrowser().path });
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'output');
    const options = { data, out, reps: ['ann-lee'], asOf: '2026-11-20', session };
    const first = await build(options);
    expect(first.reports.map((r) => r.status)).toEqual(['written']);
    const file = path.join(data, '2026', 'ann-lee.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Ann Lee', 'name: Ann Lee-Wong'));
    const second = await build(options);
    expect(second.reports.map((r) => r.status)).toEqual(['written']);
    expect(pdfText(path.join(out, '2026', 'reps', 'ann-lee.pdf'))).toContain('Ann Lee-Wong');
    expect(session.stats.launches).toBe(1);
    expect(session.stats.jobs).toBe(2);
  });

  it('build --watch prints the PDF again after a save', async () => {
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'output');
    const stop = new AbortController();
    const results: BuildResult[] = [];
    const file = path.join(data, '2026', 'ann-lee.yaml');
    let saved = false;
    await watchBuild(
      { data, out, reps: ['ann-lee'], asOf: '2026-11-20', signal: stop.signal, debounceMs: 50 },
      {
        onBuild: (result) => {
          results.push(result);
          if (!saved) {
            saved = true;
            void readFile(file, 'utf8').then((text) => writeFile(file, text.replace('Ann Lee', 'Ann Lee-Wong')));
          } else stop.abort();
        },
        onError: (error) => {
          stop.abort();
          throw error;
        },
      },
    );
    expect(results.map((r) => r.reports.map((report) => report.status))).toEqual([['written'], ['written']]);
    expect(pdfText(path.join(out, '2026', 'reps', 'ann-lee.pdf'))).toContain('Ann Lee-Wong');
  });
});
