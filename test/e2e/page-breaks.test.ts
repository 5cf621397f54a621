/**
 * Page breaks (SPEC §6, print quality), read back from the PDFs: no page ends
 * with a heading or a section's introduction, a table of up to 8 rows is never
 * split, a longer one repeats its header row, no row is split.
 *
 * Run over every report of the example (data/, French, A4), of an English
 * `revue init` workspace (Letter) and of test/fixtures/long-reports (long
 * coaching logs, long year-end words, long tables, made so that headings fall
 * near the foot of a page). The prints need a browser (test/browser.ts:
 * skipped without one, a failure under REVUE_REQUIRE_BROWSER=1).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { init } from '../../src/init/init-workspace.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import {
  pdfInfo,
  pdfOutlineEntries,
  pdfTables,
  pdfTextLines,
  type OutlineEntry,
  type PdfTable,
  type TextLine,
} from '../pdf.js';

/** Lines of a section a heading must keep below it on its page when the section goes on over the page. */
const MIN_LINES = 4;
/** Tables of up to this many rows (header rows apart) are never split. */
const SHORT_TABLE = 8;
/** 1 January 2027: every figure of 2026 is as of 31 December 2026, whatever the day the test runs. */
const SOURCE_DATE_EPOCH = 1_798_761_600;

const tmp = await mkdtemp(path.join(tmpdir(), 'revue-page-breaks-'));
afterAll(async () => rm(tmp, { recursive: true, force: true }));

const squeeze = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/** A line of the page as a reader sees it, in points from the page's top. */
interface Row {
  text: string;
  yMin: number;
  yMax: number;
}

/**
 * pdftotext's lines side by side (table cells, a label and its value) make one
 * row: they overlap by at least half the height of the smaller one. A large
 * figure's box overlaps the small lines above and below it by less.
 */
function visualRows(lines: readonly TextLine[]): Row[] {
  const rows: Array<{ lines: TextLine[]; yMin: number; yMax: number }> = [];
  const sideBySide = (a: { yMin: number; yMax: number }, b: TextLine) =>
    Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) >= Math.min(a.yMax - a.yMin, b.yMax - b.yMin) / 2;
  for (const line of [...lines].sort((a, b) => a.yMin - b.yMin)) {
    const last = rows.at(-1);
    if (last !== undefined && sideBySide(last, line)) {
      last.lines.push(line);
      last.yMin = Math.min(last.yMin, line.yMin);
      last.yMax = Math.max(last.yMax, line.yMax);
    } else rows.push({ lines: [line], yMin: line.yMin, yMax: line.yMax });
  }
  return rows.map((row) => ({
    text: [...row.lines]
      .sort((a, b) => a.xMin - b.xMin)
      .map((l) => l.text)
      .join(' '),
    yMin: row.yMin,
    yMax: row.yMax,
  }));
}

/**
 * The page's lines above its footer: the document's title and "n / N", side
 * by side in the bottom margin, the lowest lines of the page with that text
 * (a headline figure can read "1 / 2" too).
 */
function bodyLines(lines: readonly TextLine[], title: string): TextLine[] {
  const footer = lines.filter((l) => /^\d+ \/ \d+$/.test(l.text) || l.text === title);
  if (footer.length === 0) return [...lines];
  const top = Math.max(...footer.map((l) => l.yMin)) - 1;
  return lines.filter((l) => l.yMax <= top);
}

/** The bottom of the heading's own line(s): the first rows at or below its bookmark whose text is its title. */
function headingBottom(rows: readonly Row[], entry: OutlineEntry): number | undefined {
  const title = squeeze(entry.title);
  const below = rows.filter((r) => r.yMax > entry.top - 0.5);
  for (const [start, first] of below.slice(0, 3).entries()) {
    if (!title.startsWith(squeeze(first.text))) continue;
    let text = '';
    for (const row of below.slice(start)) {
      text += squeeze(row.text);
      if (!title.startsWith(text)) break;
      if (text === title) return row.yMax;
    }
  }
  return undefined;
}

/** What the checks need of a PDF, read once: its body's rows per page, its outline, its tables. */
interface Report {
  name: string;
  pages: Row[][];
  entries: OutlineEntry[];
  tables: PdfTable[];
}

function readReport(file: string, name: string): Report {
  const title = pdfInfo(file)['Title'] ?? '';
  return {
    name,
    pages: pdfTextLines(file).map((page) => visualRows(bodyLines(page.lines, title))),
    entries: pdfOutlineEntries(file),
    tables: pdfTables(file),
  };
}

/**
 * Every heading (outline entry) whose section goes on over the page while
 * fewer than MIN_LINES of its lines are below it on its own page. A section
 * runs to the next entry of the same or a higher level; it goes on over the
 * page when the next page has some of its lines (above that next entry).
 */
function strandedHeadings({ name, pages, entries }: Report): string[] {
  const failures: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const where = `${name} p. ${entry.page} "${entry.title}"`;
    const page = pages[entry.page - 1] ?? [];
    const bottom = headingBottom(page, entry);
    if (bottom === undefined) {
      failures.push(`${where}: heading not found in the text at its bookmark (${entry.top.toFixed(0)} pt)`);
      continue;
    }
    const next = entries.slice(i + 1).find((e) => e.depth <= entry.depth);
    if (next !== undefined && next.page === entry.page) continue;
    const following = (pages[entry.page] ?? []).filter((r) => next?.page !== entry.page + 1 || r.yMax <= next.top);
    if (following.length === 0) continue;
    const below = page.filter((r) => r.yMin >= bottom - 0.5).length;
    if (below < MIN_LINES)
      failures.push(`${where}: ${below} line(s) below it, the rest of its section on the next page`);
  }
  return failures;
}

/** Short tables split, rows split, long tables split without their header row on each page. */
function splitTables({ name, tables }: Report): string[] {
  const failures: string[] = [];
  for (const [i, table] of tables.entries()) {
    const where = `${name} table ${i + 1}${table.after === undefined ? '' : ` (in "${table.after}")`}`;
    const body = table.rows.filter((r) => !r.header);
    const header = table.rows.filter((r) => r.header);
    const pages = [...new Set(body.flatMap((r) => r.pages))].sort((a, b) => a - b);
    for (const [j, row] of body.entries())
      if (row.pages.length > 1) failures.push(`${where}: row ${j + 1} split over pages ${row.pages.join(', ')}`);
    if (pages.length > 1 && body.length <= SHORT_TABLE)
      failures.push(`${where}: ${body.length} rows split over pages ${pages.join(', ')}`);
    if (pages.length > 1 && header.length > 0 && !header.every((h) => pages.every((p) => h.pages.includes(p))))
      failures.push(`${where}: ${body.length} rows over pages ${pages.join(', ')}, header row not repeated on each`);
  }
  return failures;
}

const workspaces: Array<{ name: string; data: () => Promise<string> | string }> = [
  { name: 'data (the example)', data: () => path.join(import.meta.dirname, '..', '..', 'data') },
  {
    name: 'revue init --locale en',
    data: async () => (await init({ dir: path.join(tmp, 'init-en'), locale: 'en', year: 2026 })).data,
  },
  { name: 'fixtures/long-reports', data: () => path.join(FIXTURES, 'long-reports') },
];

for (const { name, data } of workspaces) {
  describeWithBrowser(`page breaks of ${name}`, () => {
    let reports: Report[] = [];

    beforeAll(async () => {
      const out = path.join(tmp, name.replace(/\W+/g, '-'));
      const result = await build({ data: await data(), out, sourceDateEpoch: SOURCE_DATE_EPOCH });
      expect(result.reports.filter((r) => r.status === 'failed')).toEqual([]);
      reports = result.reports
        .filter((r) => r.file.endsWith('.pdf'))
        .map((r) => readReport(r.file, path.relative(out, r.file)));
    }, 180_000);

    it('builds reports with bookmarks and tagged tables to check', () => {
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports) {
        expect(report.entries.length, report.name).toBeGreaterThan(2);
        expect(report.tables.length, report.name).toBeGreaterThan(0);
      }
    });

    it(`leaves no heading at the foot of a page: ${MIN_LINES} lines of its section below it, or the section ends there`, () => {
      const failures = reports.flatMap(strandedHeadings);
      expect(failures).toEqual([]);
    });

    it(`splits no table of up to ${SHORT_TABLE} rows and no row; a longer table repeats its header row`, () => {
      const failures = reports.flatMap(splitTables);
      expect(failures).toEqual([]);
    });
  });
}
