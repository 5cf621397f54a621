/**
 * The slips that YAML reads without complaint but the format refuses, and
 * their fix as the line should be written (SPEC §4): `2,5` for `2.5`,
 * `14/02/2026` for `2026-02-14`.
 */
import type { ParsedFile } from '../load/parse-yaml.js';
import type { Locale } from '../messages/diagnostics.js';
import { isCalendarDate } from '../model/schema.js';

/**
 * `540,000` or `540 000` -> `540000`: an amount written with its thousands
 * grouped, as people write money. A space (or a no-break space, as French
 * writes it) or an apostrophe is always a group separator; a comma is one
 * only in an amount (`amount`), since `2,500` is a score of 2.5 written the
 * French way. Without this, `540,000` read as a decimal comma would be
 * "fixed" to 540.000: 540.
 */
export function digitsFor(written: string, amount: boolean): string | undefined {
  const match = (amount ? GROUPED_AMOUNT : GROUPED).exec(written);
  return match?.[1]?.replace(/[^\d+-]/g, '');
}

const GROUPED = /^\s*([+-]?\d{1,3}(?:[ \u00a0\u202f']\d{3})+)\s*$/u;
const GROUPED_AMOUNT = /^\s*([+-]?\d{1,3}(?:[, \u00a0\u202f']\d{3})+)\s*$/u;

/** `2,5` -> `2.5`: a number written with a decimal comma, as French (and most of Europe) writes it. */
export function decimalPointFor(written: string): string | undefined {
  const match = /^\s*([+-]?\d+),(\d+)\s*$/.exec(written);
  return match === null ? undefined : `${match[1]}.${match[2]}`;
}

/**
 * `14/02/2026` -> `2026-02-14`: a date written day first (or, where no day
 * is above 12, as the language writes it: day first in French; in English,
 * only when the reading is certain), or with slashes or dots, or without
 * the leading zeros.
 */
export function isoDateFor(written: string, locale: Locale): string | undefined {
  const pad = (n: string) => n.padStart(2, '0');
  const iso = (y: string, m: string, d: string) => {
    const date = `${y}-${pad(m)}-${pad(d)}`;
    return isCalendarDate(date) ? date : undefined;
  };
  const yearFirst = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(written);
  if (yearFirst !== null) return iso(yearFirst[1] ?? '', yearFirst[2] ?? '', yearFirst[3] ?? '');
  const yearLast = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(written);
  if (yearLast === null) return undefined;
  const [, a = '', b = '', y = ''] = yearLast;
  const dayFirst = iso(y, b, a);
  const monthFirst = iso(y, a, b);
  if (dayFirst !== undefined && monthFirst !== undefined && dayFirst !== monthFirst)
    return locale === 'fr' ? dayFirst : undefined;
  return dayFirst ?? monthFirst;
}

/**
 * The line holding the value at `path`, with `written` replaced by
 * `replacement` (and the quotes around it dropped: a quoted number is text),
 * trimmed: what the hint shows to type.
 */
export function fixedLine(
  parsed: ParsedFile,
  path: readonly PropertyKey[],
  written: string,
  replacement: string,
): string {
  const { line, column } = parsed.locate(path, 'value');
  const text = parsed.line(line);
  let start = text.indexOf(written, Math.max(0, column - 1));
  if (start === -1) start = text.indexOf(written);
  if (start === -1) return `${String(path[path.length - 1] ?? '')}: ${replacement}`;
  let end = start + written.length;
  const before = text[start - 1];
  if ((before === '"' || before === "'") && text[end] === before) {
    start--;
    end++;
  }
  return `${text.slice(0, start)}${replacement}${text.slice(end)}`.trim();
}
