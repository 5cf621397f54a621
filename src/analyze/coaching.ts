/** SPEC §5 coaching: how often a rep was actually coached. */
import type { RepYear } from '../model/schema.js';
import { monthInProgress, monthsOver } from './as-of.js';
import { daysBetween, monthIndex, monthNumber, startOfYear } from './dates.js';
import { compareText } from './series.js';
import type { CoachingFigures, CoachingYear } from './types.js';

/**
 * Where the coaching period of a year starts: SPEC §5 "1 January, or `since`
 * if later".
 */
export function coachingStart(data: RepYear, year: number): string {
  const january = startOfYear(year);
  return data.since !== undefined && data.since > january ? data.since : january;
}

/**
 * The points of SPEC §5's longest stretch: "`start`, the assessments on or
 * after `start`, and `end` = `asOf` or the last assessment if later", in date
 * order. `end` is never before `start`: when `asOf` is (a rep joining after
 * the build's date, not yet assessed) the period has not begun and is empty.
 */
export function stretchPoints(start: string, dates: readonly string[], asOf: string): string[] {
  const points = [start, ...dates.filter((date) => date >= start).sort(compareText)];
  const last = points.at(-1) ?? start;
  points.push(asOf > last ? asOf : last);
  return points;
}

/**
 * SPEC §5 coaching: "the longest stretch in days with no assessment: the
 * largest gap between consecutive dates of `start`, the assessments on or
 * after `start`, and `end` = `asOf` or the last assessment if later (a rep
 * never coached: `end − start`)".
 *
 * In whole days, counted in UTC: two assessments on consecutive days are
 * 1 day apart; the time from the last assessment to `asOf` counts (a rep
 * coached once in March and built on 1 December has gone from March to
 * 1 December without). Never null: a rep never coached has `asOf − start`;
 * 0 only when the period is empty or the points all fall on one day.
 */
export function longestGapDays(start: string, dates: readonly string[], asOf: string): number {
  const points = stretchPoints(start, dates, asOf);
  let longest = 0;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1];
    const to = points[i];
    if (from !== undefined && to !== undefined) longest = Math.max(longest, daysBetween(from, to));
  }
  return longest;
}

/**
 * SPEC §5 coaching of one year's file as of `asOf`: "number of assessments in
 * `y`; per month; the months without any assessment, counted from the month
 * of `start` (1 January, or `since` if later) through the last month that is
 * over at `asOf` (a month in progress is never a missed month)", and the
 * longest stretch.
 *
 * Every assessment of the file counts, even one dated before `since` or
 * after `asOf` (the warning about a date after the build's is validation's).
 * `monthsWithout` are month numbers, 1 = January, as `revue figures` prints
 * them; `perMonth` is indexed from 0 = January.
 */
export function coachingYear(data: RepYear, year: number, asOf: string): CoachingYear {
  const start = coachingStart(data, year);
  const dates = data.assessments.map((assessment) => assessment.date).sort(compareText);
  const perMonth = new Array<number>(12).fill(0);
  for (const date of dates) {
    const month = monthIndex(date);
    if (month >= 0 && month < 12) perMonth[month] = (perMonth[month] ?? 0) + 1;
  }
  const over = monthsOver(asOf, year);
  const monthsWithout: number[] = [];
  for (let month = monthNumber(start); month <= over; month++) {
    if (perMonth[month - 1] === 0) monthsWithout.push(month);
  }
  return {
    count: dates.length,
    perMonth,
    longestGapDays: longestGapDays(start, dates, asOf),
    start,
    end: stretchPoints(start, dates, asOf).at(-1) ?? start,
    asOf,
    first: dates[0] ?? null,
    last: dates.at(-1) ?? null,
    monthsWithout,
    monthsOver: over,
    monthInProgress: monthInProgress(asOf, year),
  };
}

/**
 * SPEC §5 coaching for `y` as of `asOf` (= asOf(y)), and "the same for
 * `y−1`" from last year's file, as of 31 December of `y−1`.
 */
export function coachingFigures(
  current: RepYear,
  previous: RepYear | undefined,
  year: number,
  asOf: string,
): CoachingFigures {
  return {
    ...coachingYear(current, year, asOf),
    previous: previous === undefined ? null : coachingYear(previous, year - 1, `${year - 1}-12-31`),
  };
}
