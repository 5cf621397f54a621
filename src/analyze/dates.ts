/** Calendar arithmetic on YYYY-MM-DD strings, in UTC: no time zone can shift a day. */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 for January … 11 for December: an index into `perMonth`. */
export function monthIndex(date: string): number {
  return Number(date.slice(5, 7)) - 1;
}

/** 1 for January … 12 for December: a month number as `revue figures` prints it. */
export function monthNumber(date: string): number {
  return Number(date.slice(5, 7));
}

/** 1 January of `year`, YYYY-MM-DD: a date before it is before the year begins. */
export function startOfYear(year: number): string {
  return `${String(year)}-01-01`;
}

/** The number of days of `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const month = monthNumber(text);
  const day = Number(text.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(text.slice(0, 4)), month);
}

/**
 * The UTC day, YYYY-MM-DD, of an instant in milliseconds since 1970: how a
 * caller turns SOURCE_DATE_EPOCH (× 1000) or `Date.now()` into the build's
 * date. Pure: the instant comes in as an argument.
 */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
