/**
 * SPEC §5 team and organisation figures: "the coaching figures summed", as of
 * asOf(y): a group's month without any assessment is a month over at asOf(y)
 * in which none of its reps was coached.
 */
import { monthInProgress, monthsOver } from './as-of.js';
import { monthNumber } from './dates.js';
import type { GroupCoaching, RepFigures } from './types.js';

/**
 * The coaching figures summed: assessments and assessments per month over
 * the reps; last year's count over the reps having a y−1 file (null when
 * none has one); the months of y in which none of the reps was coached; and
 * one coverage row per rep for the heat table.
 */
export function groupCoaching(reps: readonly RepFigures[], year: number, asOf: string): GroupCoaching {
  const perMonth = new Array<number>(12).fill(0);
  let count = 0;
  let previousCount: number | null = null;
  for (const rep of reps) {
    count += rep.coaching.count;
    rep.coaching.perMonth.forEach((n, month) => {
      perMonth[month] = (perMonth[month] ?? 0) + n;
    });
    if (rep.coaching.previous !== null) previousCount = (previousCount ?? 0) + rep.coaching.previous.count;
  }
  const over = monthsOver(asOf, year);
  const startMonth = reps.length === 0 ? 1 : Math.min(...reps.map((rep) => monthNumber(rep.coaching.start)));
  const monthsWithout: number[] = [];
  for (let month = startMonth; month <= over; month++) if (perMonth[month - 1] === 0) monthsWithout.push(month);
  return {
    count,
    perMonth,
    previousCount,
    repsWithout: reps.filter((rep) => rep.coaching.count === 0).length,
    asOf,
    startMonth,
    monthsOver: over,
    monthInProgress: monthInProgress(asOf, year),
    monthsWithout,
    coverage: reps.map((rep) => ({
      id: rep.id,
      name: rep.name,
      perMonth: [...rep.coaching.perMonth],
      count: rep.coaching.count,
      longestGapDays: rep.coaching.longestGapDays,
      startMonth: monthNumber(rep.coaching.start),
      monthsWithout: [...rep.coaching.monthsWithout],
      monthInProgress: rep.coaching.monthInProgress,
    })),
  };
}
