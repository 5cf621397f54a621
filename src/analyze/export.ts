/** `revue figures` output (SPEC §7): the figures as JSON or CSV text. */
import type { Locale } from '../messages/diagnostics.js';
import { cliCatalogue, type CliCatalogue } from '../messages/cli.js';
import type { Framework } from '../model/schema.js';
import type { Figures, Trend } from './types.js';

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

/** Which CSV: one row per rep and competency (the default), or one row per rep (SPEC §7). */
export type CsvTable = 'competencies' | 'reps';

export interface CsvOptions {
  /**
   * The framework the figures come from: the labels written beside the ids,
   * and the locale of the numbers (`fr`: `;` between fields, decimal commas,
   * a UTF-8 byte order mark so that a spreadsheet opened by double-click reads
   * the accents; `en`: `,` and decimal points).
   */
  framework: Pick<Framework, 'locale' | 'competencies' | 'contexts' | 'roles'>;
  /** Default: `competencies`. */
  table?: CsvTable;
}

/** The columns of `--table competencies`, as the catalogue names them. */
export const CSV_COLUMNS = [
  'year',
  'rep',
  'name',
  'team',
  'competency',
  'competencyLabel',
  'level',
  'previous',
  'delta',
  'mean',
  'expected',
  'gap',
  'count',
  'trend',
  'weakestContext',
  'weakestContextLabel',
  'focusRank',
] as const satisfies ReadonlyArray<keyof CliCatalogue['csv']>;

/** The columns of `--table reps`: what a director pastes into a slide. */
export const CSV_REP_COLUMNS = [
  'year',
  'rep',
  'name',
  'team',
  'manager',
  'role',
  'roleLabel',
  'overall',
  'overallPrevious',
  'overallDelta',
  'goalsMet',
  'goals',
  'focus',
  'focusLabel',
  'coachingCount',
  'longestGapDays',
  'results',
  'resultsPrevious',
] as const satisfies ReadonlyArray<keyof CliCatalogue['csv']>;

/**
 * The figures as CSV (RFC 4180) for a spreadsheet in the framework's
 * locale: a header row in its language, then one row per rep and
 * competency (reps in figures order, competencies in framework order) or
 * one row per rep; CRLF line ends. Ids stay as written (they join with the
 * JSON); their labels stand beside them. Null is an empty cell. Numbers are
 * unrounded but for binary noise (10 decimals at most).
 */
export function figuresToCsv(figures: Figures, options: CsvOptions): string {
  const { framework } = options;
  const words = cliCatalogue(framework.locale).csv;
  const format = csvFormat(framework.locale);
  const number = (value: number | null) => csvNumber(value, format.decimal);
  const label = (list: ReadonlyArray<{ id: string; label: string }> | undefined, id: string | null) =>
    id === null ? '' : csvText(list?.find((item) => item.id === id)?.label ?? '');
  const text = (value: string | null) => (value === null ? '' : csvText(value));
  const trend = (value: Trend | null) => (value === null ? '' : words[value]);
  const rows: string[][] = [];
  if ((options.table ?? 'competencies') === 'competencies') {
    rows.push(CSV_COLUMNS.map((column) => words[column]));
    for (const rep of figures.reps) {
      for (const c of rep.competencies) {
        rows.push([
          String(figures.year),
          text(rep.id),
          text(rep.name),
          text(rep.team),
          text(c.id),
          label(framework.competencies, c.id),
          number(c.level),
          number(c.previous),
          number(c.delta),
          number(c.mean),
          number(c.expected),
          number(c.gap),
          String(c.count),
          trend(c.trend),
          text(c.weakestContext),
          label(framework.contexts, c.weakestContext),
          number(c.focusRank),
        ]);
      }
    }
  } else {
    rows.push(CSV_REP_COLUMNS.map((column) => words[column]));
    for (const rep of figures.reps) {
      const focus = rep.focus[0] ?? null;
      rows.push([
        String(figures.year),
        text(rep.id),
        text(rep.name),
        text(rep.team),
        text(rep.manager),
        text(rep.role),
        label(framework.roles, rep.role),
        number(rep.overall.level),
        number(rep.overall.previous),
        number(rep.overall.delta),
        String(rep.goals.filter((goal) => goal.status === 'met').length),
        String(rep.goals.length),
        text(focus),
        label(framework.competencies, focus),
        String(rep.coaching.count),
        String(rep.coaching.longestGapDays),
        number(rep.results.ratio),
        number(rep.results.previous),
      ]);
    }
  }
  return (
    format.bom +
    rows.map((row) => row.map((value) => csvField(value, format.separator)).join(format.separator)).join('\r\n') +
    '\r\n'
  );
}

/** How a spreadsheet of the locale reads a CSV file. */
function csvFormat(locale: Locale): { separator: string; decimal: string; bom: string } {
  return locale === 'fr' ? { separator: ';', decimal: ',', bom: '\uFEFF' } : { separator: ',', decimal: '.', bom: '' };
}

/** A number with at most 10 decimals, `decimal` as its decimal mark; '' for null or a non-finite number. */
export function csvNumber(value: number | null, decimal = '.'): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = value.toFixed(10).replace(/\.?0+$/, '');
  return (text === '-0' ? '0' : text).replace('.', decimal);
}

/**
 * Text from the data as a cell a spreadsheet shows as text: a name such as
 * `=HYPERLINK(…)` or a team `+SUM(…)` would otherwise be evaluated as a
 * formula (CSV injection, issue 13). As OWASP advises, a text that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
 * which spreadsheets read as "this is text" and do not show. Numbers revue
 * wrote itself (`-0.3`, `-0,3`) do not go through here, and stay numbers.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One cell (RFC 4180): quoted when it holds the separator, a double quote,
 * CR or LF, quotes doubled. Every cell goes through here.
 */
export function csvField(value: string, separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
