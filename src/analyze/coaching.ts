/** SPEC §5 coaching: how often a rep was actually coached. */
import type { RepYear } from '../model/schema.js';
import { daysBetween, monthIndex } from './dates.js';
import { compareText } from './series.js';
import type { CoachingFigures, CoachingYear } from './types.js';

/**
 * Where the coaching period of a year starts: SPEC §5 "from 1 January (or
 * `since`, if later)".
 */
export function coachingStart(data: RepYear, year: number): string {
  const january = `${year}-01-01`;
  return data.since !== undefined && data.since > january ? data.since : january;
}

/**
 * SPEC §5 coaching: "the longest stretch in days with no assessment, from
 * 1 January (or `since`, if later) to the last assessment".
 *
 * Exactly: with P = [start, d1, …, dn] where d1 ≤ … ≤ dn are the assessment
 * dates on or after `start`, the result is max(P[i+1] − P[i]) in whole days
 * (counted in UTC). So the stretch before the first assessment is measured
 * from `start`, two assessments on consecutive days are 1 day apart, and the
 * time after the last assessment is not counted. Null when `dates` is empty;
 * 0 when no assessment falls on or after `start` (all before `since`) or the
 * only one is on `start` itself.
 */
export function longestGapDays(start: string, dates: readonly string[]): number | null {
  if (dates.length === 0) return null;
  const points = [start, ...dates.filter((date) => date >= start).sort(compareText)];
  let longest = 0;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1];
    const to = points[i];
    if (from !== undefined && to !== undefined) longest = Math.max(longest, daysBetween(from, to));
  }
  return longest;
}

/**
 * SPEC §5 coaching for one year's file: "number of assessments in `y`; per
 * month" and the longest stretch. Every assessment of the file counts (even
 * one dated before `since`); the stretch and the months without coaching
 * start at `start`.
 *
 * `monthsWithout`: the months with no assessment from the month of `start`
 * through December, including the months after the last assessment: a
 * coaching log that stops in September leaves October to December uncoached,
 * which is what the manager must see (the longest stretch, as the SPEC
 * defines it, does not show that tail).
 */
export function coachingYear(data: RepYear, year: number): CoachingYear {
  const start = coachingStart(data, year);
  const dates = data.assessments.map((assessment) => assessment.date).sort(compareText);
  const perMonth = new Array<number>(12).fill(0);
  for (const date of dates) {
    const month = monthIndex(date);
    if (month >= 0 && month < 12) perMonth[month] = (perMonth[month] ?? 0) + 1;
  }
  const monthsWithout: number[] = [];
  for (let month = monthIndex(start); month < 12; month++) {
    if (perMonth[month] === 0) monthsWithout.push(month);
  }
  return {
    count: dates.length,
    perMonth,
    longestGapDays: longestGapDays(start, dates),
    start,
    first: dates[0] ?? null,
    last: dates.at(-1) ?? null,
    monthsWithout,
  };
}

/** SPEC §5 coaching for `y`, and "the same for `y−1`" from last year's file. */
export function coachingFigures(current: RepYear, previous: RepYear | undefined, year: number): CoachingFigures {
  return { ...coachingYear(current, year), previous: previous === undefined ? null : coachingYear(previous, year - 1) };
}
