/** `revue figures` output (SPEC §7): the figures as JSON or CSV text. */
import type { Figures } from './types.js';

/** The top-level object of `revue figures --format json`: exactly the keys of SPEC §7. */
export type FiguresJson = Omit<Figures, 'asOf'>;

/**
 * The object `revue figures --format json` prints (SPEC §7): `{ year, reps,
 * teams, organisation }`. Figures already has that shape, with every key of
 * §7 and more (month numbers such as `monthsWithout` are 1–12 in the figures
 * themselves; each rep's `coaching.asOf` says the date they are computed
 * as of); this returns a new top-level object so that callers may add to it
 * without touching the figures.
 */
export function figuresToJson(figures: Figures): FiguresJson {
  return { year: figures.year, reps: figures.reps, teams: figures.teams, organisation: figures.organisation };
}

/**
 * `figuresToJson` as text, indented, ending with a newline. Figures hold no
 * NaN or Infinity by construction; should one ever appear it is written as
 * null, never as the invalid `NaN` (JSON.stringify already writes null for
 * those, and the replacer makes that explicit).
 *
 * @param indent spaces of indentation; default 2.
 */
export function stringifyFigures(figures: Figures, indent = 2): string {
  return `${JSON.stringify(figuresToJson(figures), finiteOrNull, indent)}\n`;
}

function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** The CSV columns, one row per rep and competency. */
export const CSV_COLUMNS = [
  'year',
  'rep',
  'name',
  'team',
  'competency',
  'level',
  'previous',
  'delta',
  'mean',
  'expected',
  'gap',
  'count',
  'trend',
  'weakest_context',
  'focus_rank',
] as const;

/**
 * The figures as CSV (RFC 4180): a header row, then one row per rep and
 * competency (reps in figures order, competencies in framework order);
 * CRLF line ends; fields holding a comma, a quote or a line break are quoted,
 * quotes doubled. Null is an empty cell. Numbers use a dot and are rounded to
 * 10 decimals, which removes binary noise (0.30000000000000004 -> 0.3) and
 * nothing a report could show.
 */
export function figuresToCsv(figures: Figures): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const rep of figures.reps) {
    for (const c of rep.competencies) {
      rows.push([
        String(figures.year),
        rep.id,
        rep.name,
        rep.team ?? '',
        c.id,
        csvNumber(c.level),
        csvNumber(c.previous),
        csvNumber(c.delta),
        csvNumber(c.mean),
        csvNumber(c.expected),
        csvNumber(c.gap),
        String(c.count),
        c.trend ?? '',
        c.weakestContext ?? '',
        csvNumber(c.focusRank),
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A number with a dot and at most 10 decimals; '' for null or a non-finite number. */
export function csvNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = value.toFixed(10).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** RFC 4180: quote a field holding a comma, a double quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
