/**
 * SPEC §5 "as of": "Figures are computed as of a date `asOf(y)`: 31 December
 * of `y`, or the build's date when that is earlier […]. For `y−1`, `asOf` is
 * 31 December of `y−1`. The analytics receive `asOf` as an argument: they
 * never read a clock."
 */
import { daysInMonth, isIsoDate, monthNumber } from './dates.js';

/**
 * SPEC §5 `asOf(y)`: 31 December of `year`, or `buildDate` when earlier.
 * `buildDate` is the build's date, YYYY-MM-DD (`--as-of`, else the day of
 * SOURCE_DATE_EPOCH, else today, in UTC: the caller's choice).
 *
 * @throws RangeError when `buildDate` is not a real YYYY-MM-DD date: a
 *   caller's bug, which would otherwise turn every date figure into NaN.
 */
export function asOfYear(buildDate: string, year: number): string {
  if (!isIsoDate(buildDate))
    throw new RangeError(`the as-of date must be YYYY-MM-DD, got ${JSON.stringify(buildDate)}`);
  const december31 = `${year}-12-31`;
  return buildDate < december31 ? buildDate : december31;
}

/**
 * How many months of `year` are over at `asOf`, so that months 1 … that
 * number can be missed months (SPEC §5 coaching: "through the last month
 * that is over at `asOf`"). A month is over once `asOf` reaches its last day:
 * the figures are those of the end of the day `asOf`, which is why a year
 * taken as of its 31 December has all 12 months over. 0 when `asOf` is
 * before the year, 12 when after it.
 */
export function monthsOver(asOf: string, year: number): number {
  const asOfYearNumber = Number(asOf.slice(0, 4));
  if (asOfYearNumber < year) return 0;
  if (asOfYearNumber > year) return 12;
  const month = monthNumber(asOf);
  return Number(asOf.slice(8, 10)) === daysInMonth(year, month) ? month : month - 1;
}

/**
 * The month (1–12) of `year` in progress at `asOf`: the month of `asOf`
 * unless `asOf` is its last day; null when no month of `year` is in
 * progress (`asOf` at a month's end, before the year or after it). SPEC §5:
 * "a month in progress is never a missed month"; the reports show it as in
 * progress.
 */
export function monthInProgress(asOf: string, year: number): number | null {
  if (Number(asOf.slice(0, 4)) !== year) return null;
  const over = monthsOver(asOf, year);
  return over === monthNumber(asOf) ? null : monthNumber(asOf);
}
