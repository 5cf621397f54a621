/**
 * Reproducible output and a browser crash, through build() (SPEC §8):
 * - with `sourceDateEpoch` (SOURCE_DATE_EPOCH), two builds of the same inputs
 *   into two folders give byte-identical PDFs and HTML (the index page, and
 *   each report's HTML as given to the browser, which is what --html-only
 *   writes), and the PDFs keep their outline, tags and metadata;
 * - the second PDF build has its browser killed (SIGKILL) as a report is set
 *   on its page: the session relaunches it, retries the report in flight once,
 *   and every report is written, the same bytes as the build without a crash.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { BrowserSession, type BrowserSessionStats } from '../../src/print/browser.js';
import { browser, describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { pdfInfo, pdfOutline, pdfTool } from '../pdf.js';
import { browsersOf, filesUnder, recordSessionStats } from './helpers.js';

const DATA = path.join(FIXTURES, 'minimal');
/** 2026-01-01T00:00:00Z */
const EPOCH = 1_767_225_600;

let root: string;
let sessions: BrowserSessionStats[] = [];
const builds = new Map<string, BuildResult>();
/** The HTML of each print, in order: pdf-a's, then pdf-b's (with the retried one twice). */
let printed: Array<{ title: string; html: string }> = [];
/** Browsers killed by the crash build, by pid. */
const killed: number[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-reproducible-'));
  if (browser === undefined) return;
  const closed = recordSessionStats();
  const print = vi.spyOn(BrowserSession.prototype, 'print');
  // The browser is killed as Bo Chen's report is set on its page, once: that print is in flight, whatever the timing.
  let killOnBoChen = false;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the page as `this`
  const setContent = Page.prototype.setContent;
  vi.spyOn(Page.prototype, 'setContent').mockImplementation(async function (this: Page, html, options) {
    if (killOnBoChen && html.includes('Bo Chen')) {
      killOnBoChen = false;
      for (const chromium of browsersOf(process.pid)) {
        process.kill(chromium.pid, 'SIGKILL');
        killed.push(chromium.pid);
      }
    }
    return setContent.call(this, html, options);
  });
  // Two reps' reports, one page at a time: few prints.
  const pdf = { data: DATA, reps: ['ann-lee', 'bo-chen'], concurrency: 1, sourceDateEpoch: EPOCH };
  builds.set('pdf-a', await build({ ...pdf, out: path.join(root, 'pdf-a') }));
  killOnBoChen = true;
  builds.set('pdf-b', await build({ ...pdf, out: path.join(root, 'pdf-b') }));
  sessions = closed();
  printed = print.mock.calls.map(([html, options]) => ({ title: options.title, html }));
}, 180_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

/** The two folders hold the same files, byte for byte. */
async function expectIdentical(a: string, b: string): Promise<string[]> {
  const files = await filesUnder(path.join(root, a));
  expect(await filesUnder(path.join(root, b))).toEqual(files);
  const differing: string[] = [];
  for (const file of files) {
    const [x, y] = await Promise.all([readFile(path.join(root, a, file)), readFile(path.join(root, b, file))]);
    if (Buffer.compare(x, y) !== 0) differing.push(file);
  }
  expect(differing, `files that differ between ${a} and ${b}`).toEqual([]);
  return files;
}

describeWithBrowser('a browser killed in the middle of a build', () => {
  it('is relaunched, the reports in flight are printed again, and every report is written', () => {
    expect(killed).toHaveLength(1);
    const crashed = builds.get('pdf-b');
    expect(crashed?.ok).toBe(true);
    expect(crashed?.reports.map((r) => `${r.status} ${path.basename(r.file)}`)).toEqual([
      'written ann-lee.pdf',
      'written bo-chen.pdf',
    ]);
    // Sessions in build order: pdf-a, pdf-b.
    expect(sessions[0]).toMatchObject({ launches: 1, retries: 0 });
    expect(sessions[1]).toMatchObject({ launches: 2, retries: 1 });
    // The killed browser is gone, and no other was left running.
    expect(browsersOf(process.pid)).toEqual([]);
  });
});

describeWithBrowser('with sourceDateEpoch, two builds of the same inputs', () => {
  it('give byte-identical PDFs and index pages (one of them went through the crash)', async () => {
    const files = await expectIdentical('pdf-a', 'pdf-b');
    expect(files).toEqual(
      expect.arrayContaining(['2026/index.html', '2026/reps/ann-lee.pdf', '2026/reps/bo-chen.pdf']),
    );
  });

  it('render byte-identical HTML for each report', () => {
    const byTitle = new Map<string, Set<string>>();
    for (const { title, html } of printed) byTitle.set(title, (byTitle.get(title) ?? new Set()).add(html));
    expect([...byTitle.keys()].sort()).toEqual(['Annual review 2026 – Ann Lee', 'Annual review 2026 – Bo Chen']);
    for (const [title, versions] of byTitle) expect(versions.size, title).toBe(1);
    expect(printed.length).toBeGreaterThanOrEqual(4);
  });

  it('keep the outline, the tags and the metadata, dated SOURCE_DATE_EPOCH', () => {
    for (const name of ['reps/ann-lee.pdf', 'reps/bo-chen.pdf']) {
      const file = path.join(root, 'pdf-b', '2026', name);
      const info = pdfInfo(file);
      expect(info['Tagged'], name).toBe('yes');
      expect(info['Author'], name).toBe('Acme Tools');
      expect(info['Title'], name).toMatch(/ 2026 – /);
      const dates = pdfTool('pdfinfo', ['-isodates', file], { env: { ...process.env, TZ: 'UTC' } }).stdout;
      expect(dates, name).toMatch(/^CreationDate:\s+2026-01-01T00:00:00(Z|\+00:?00)?$/m);
      expect(dates, name).toMatch(/^ModDate:\s+2026-01-01T00:00:00(Z|\+00:?00)?$/m);
      expect(pdfOutline(file).length, name).toBeGreaterThan(2);
      // The incremental update that fixed the dates and the metadata is well formed.
      pdfTool('qpdf', ['--check', file]);
    }
    expect(pdfOutline(path.join(root, 'pdf-b', '2026', 'reps', 'ann-lee.pdf'))).toEqual(
      expect.arrayContaining(['Ann Lee', 'Competency profile', 'Diagnosis', 'Year-end words']),
    );
  });

  it('number the structure elements in document order, whatever the browser counted (pdf-structure-ids.ts)', async () => {
    // Printed by the relaunched browser, whose renderer counted from scratch.
    const text = (await readFile(path.join(root, 'pdf-b', '2026', 'reps', 'bo-chen.pdf'))).toString('latin1');
    const ids = [...text.matchAll(/\/ID \((node\d{8})\)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual(ids.map((_, i) => `node${String(i + 1).padStart(8, '0')}`));
    // The IDTree (a name tree) stays sorted, and its limits right.
    const leaf = /\/Limits \[\((node\d+)\) \((node\d+)\)\]\s*\/Names \[([^\]]*)\]/.exec(text);
    const keys = [...(leaf?.[3] ?? '').matchAll(/\((node\d+)\)/g)].map((m) => m[1]);
    expect(keys).toEqual([...ids].sort());
    expect([leaf?.[1], leaf?.[2]]).toEqual([keys[0], keys[keys.length - 1]]);
  });
});
