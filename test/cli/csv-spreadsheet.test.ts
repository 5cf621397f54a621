/**
 * `revue figures --format csv` read by a spreadsheet in the workspace's
 * locale (SPEC §7): the numbers are numbers, the accents are intact, the
 * byte order mark does not show.
 *
 * The spreadsheet is LibreOffice Calc, headless: the CSV is converted to a
 * flat OpenDocument file with the import options a French (or English)
 * user's Calc applies — separator, UTF-8, the language that decides how
 * "2,5" reads — and the type of every cell is read from that file. Without
 * LibreOffice (`soffice`) on the machine those tests are skipped; the same
 * properties are checked by a reader written here, which always runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvCells, FIXTURES } from '../helpers.js';
import { revue } from './spawn.js';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
const MINIMAL = path.join(FIXTURES, 'minimal');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-csv-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

interface Cell {
  type: 'float' | 'string' | 'empty';
  /** The number for a float, the text otherwise. */
  value: string;
}

/**
 * Calc's reading of a CSV file: LibreOffice's CSV filter with its options
 * token (separator, text delimiter, charset 76 = UTF-8, from line 1, no
 * column formats, language: 1036 fr-FR, 1033 en-US), written out as flat
 * ODS, whose cells carry their type.
 */
async function readWithCalc(csv: string, name: string, separator: string, language: number): Promise<Cell[][]> {
  const file = path.join(tmp, `${name}.csv`);
  await writeFile(file, csv);
  const filter = `CSV:${separator.charCodeAt(0)},34,76,1,,${language}`;
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      '--headless',
      `--infilter=${filter}`,
      '--convert-to',
      'fods',
      '--outdir',
      tmp,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  const xml = await readFile(path.join(tmp, `${name}.fods`), 'utf8');
  return [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) => {
    const cells: Cell[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attributes = cell[1] ?? '';
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? '1');
      const type = /office:value-type="(\w+)"/.exec(attributes)?.[1];
      const text = [...(cell[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
        .map((p) => unescape(p[1] ?? ''))
        .join('\n');
      const value = type === 'float' ? (/office:value="([^"]*)"/.exec(attributes)?.[1] ?? '') : text;
      const parsed: Cell = { type: type === 'float' ? 'float' : type === undefined ? 'empty' : 'string', value };
      // Calc writes a run of empty cells as one, repeated (the last one of a row up to column 1024).
      for (let i = 0; i < Math.min(repeat, 64); i++) cells.push(parsed);
    }
    return cells;
  });
}

const unescape = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/**
 * A reader as a French spreadsheet reads: RFC 4180 fields, `;` between
 * them, and a number written with a decimal comma (and nothing else: no
 * thousands, no exponent) read as a number.
 */
function readAsFrench(csv: string): Array<Array<number | string>> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = csvCells(csv, ';');
  return rows.map((row) => row.map((cell) => (/^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell)));
}

/** What these tests read of `revue figures --format json`, checked as they read it. */
const repJson = z.object({
  id: z.string(),
  name: z.string(),
  overall: z.object({ level: z.number().nullable(), previous: z.number().nullable(), delta: z.number().nullable() }),
  coaching: z.object({ count: z.number(), longestGapDays: z.number() }),
  results: z.object({ ratio: z.number().nullable(), previous: z.number().nullable() }),
});
type RepJson = z.infer<typeof repJson>;

function figures(args: string[]): { reps: RepJson[]; csv: string } {
  const json = revue(['figures', ...args, '--as-of', '2026-12-31']);
  const csv = revue(['figures', ...args, '--as-of', '2026-12-31', '--format', 'csv', '--table', 'reps']);
  expect(json.code).toBe(0);
  expect(csv.code).toBe(0);
  return { reps: z.object({ reps: z.array(repJson) }).parse(JSON.parse(json.stdout)).reps, csv: csv.stdout };
}

/** The figures of each rep, as the JSON gives them: what the `--table reps` cells must read back as. */
function repNumbers(rep: RepJson): Array<number | null> {
  const { overall, coaching, results } = rep;
  return [
    overall.level,
    overall.previous,
    overall.delta,
    coaching.count,
    coaching.longestGapDays,
    results.ratio,
    results.previous,
  ];
}
const NUMBER_COLUMNS = [7, 8, 9, 14, 15, 16, 17];

describe('the French CSV of data/, --table reps', () => {
  it('reads, as a French spreadsheet reads it, with numbers as numbers equal to the JSON figures', () => {
    const { reps, csv } = figures(['--data', DATA]);
    const rows = readAsFrench(csv);
    expect(rows[0]?.[0]).toBe('année');
    expect(rows[0]).toContain('libellé de la priorité');
    expect(rows).toHaveLength(1 + reps.length);
    reps.forEach((rep, i) => {
      const row = rows[i + 1] ?? [];
      expect(row[1]).toBe(rep.id);
      NUMBER_COLUMNS.forEach((column, j) => {
        const expected = repNumbers(rep)[j] ?? null;
        // A figure that does not exist (a first year has no previous year) is an empty cell.
        if (expected === null) expect(row[column]).toBe('');
        else expect(row[column]).toBeCloseTo(expected, 9);
      });
    });
  });

  it.skipIf(!soffice)(
    'LibreOffice Calc in French reads its numbers as numbers, its accents intact',
    async () => {
      const { reps, csv } = figures(['--data', DATA]);
      const rows = await readWithCalc(csv, 'fr', ';', 1036);
      // The byte order mark is taken as such, not as part of the first header.
      expect(rows[0]?.[0]).toEqual({ type: 'string', value: 'année' });
      expect(rows[0]?.[16]).toEqual({ type: 'string', value: 'résultats (réalisé / objectif)' });
      reps.forEach((rep, i) => {
        const row = rows[i + 1] ?? [];
        expect(row[2]).toEqual({ type: 'string', value: rep.name });
        NUMBER_COLUMNS.forEach((column, j) => {
          const expected = repNumbers(rep)[j] ?? null;
          if (expected === null) return expect(row[column]?.type).toBe('empty');
          expect(row[column]?.type, `row ${i + 1}, column ${column}`).toBe('float');
          expect(Number(row[column]?.value)).toBeCloseTo(expected, 9);
        });
      });
    },
    120_000,
  );

  it.skipIf(!soffice)(
    'and read as English, the decimal commas would be text (the test above can fail)',
    async () => {
      const { csv } = figures(['--data', DATA]);
      const rows = await readWithCalc(csv, 'fr-as-en', ';', 1033);
      expect(rows[1]?.[7]?.type).toBe('string');
    },
    120_000,
  );
});

describe('the English CSV, --table competencies', () => {
  it.skipIf(!soffice)(
    'LibreOffice Calc in English reads its numbers as numbers',
    async () => {
      const run = revue(['figures', '--data', MINIMAL, '--format', 'csv', '--as-of', '2026-12-31']);
      expect(run.stdout.startsWith('year,rep,')).toBe(true);
      const rows = await readWithCalc(run.stdout, 'en', ',', 1033);
      expect(rows[0]?.slice(4, 7).map((c) => c.value)).toEqual(['competency', 'competency label', 'level']);
      // ann-lee, discovery: level (2 + 3) / 2, previous year 2, so a change of 0.5
      const discovery = rows.find((row) => row[1]?.value === 'ann-lee' && row[4]?.value === 'discovery');
      expect(discovery?.slice(5, 9)).toEqual([
        { type: 'string', value: 'Discovery' },
        { type: 'float', value: '2.5' },
        { type: 'float', value: '2' },
        { type: 'float', value: '0.5' },
      ]);
    },
    120_000,
  );
});
