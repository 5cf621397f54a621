/**
 * `revue status` (SPEC §7): where coaching stands on a given day, for the reps
 * of that day's year: each rep's last session and the days since, whether
 * they are overdue (no session for more than `days`, or never), the months
 * missed so far, and what was never observed this year. Pure: the day comes
 * in as an argument.
 */
import { asOfYear, computeFigures } from '../analyze/index.js';
import { daysBetween } from '../analyze/dates.js';
import type { Dataset } from '../model/dataset.js';
import { compareText } from '../model/text.js';

export interface RepStatus {
  id: string;
  name: string;
  team: string | null;
  manager: string | null;
  /** The last session on or before the day, YYYY-MM-DD; null when there was none. */
  last: string | null;
  /** Days from `last` to the day; null when there was no session. */
  daysSince: number | null;
  /** No session for more than `days` days, or never. */
  overdue: boolean;
  /** Months (1–12) that are over and had no session, since the rep's start (SPEC §5 coaching). */
  monthsMissed: number[];
  /** Competency ids no session of this year (so far) scored, in framework order. */
  neverObserved: string[];
  /** Context ids no session of this year was in, in framework order. */
  contextsNeverObserved: string[];
}

/** The shape `revue status --format json` prints (SPEC §7). */
export interface CoachingStatus {
  asOf: string;
  days: number;
  reps: RepStatus[];
}

/**
 * The status of the reps of the year of `asOf` (a file in that year), most
 * urgent first: the never coached, then the longest without a session, then
 * the others by the same order; ties by name, then id.
 */
export function coachingStatus(dataset: Dataset, asOf: string, days: number): CoachingStatus {
  const year = Number(asOf.slice(0, 4));
  const records = new Map(dataset.reps.filter((r) => r.year === year).map((r) => [r.id, r]));
  if (records.size === 0) return { asOf, days, reps: [] };
  const figures = computeFigures(dataset, year, asOf);
  const dayOfYear = asOfYear(asOf, year);
  const contexts = (dataset.framework.contexts ?? []).map((c) => c.id);
  const reps = figures.reps.map((rep): RepStatus => {
    // A session dated after the day has not happened yet (validation warns of it): it counts for nothing here.
    const past = (records.get(rep.id)?.data.assessments ?? []).filter((a) => a.date <= dayOfYear);
    const last = past.reduce<string | null>(
      (latest, a) => (latest === null || a.date > latest ? a.date : latest),
      null,
    );
    const daysSince = last === null ? null : daysBetween(last, dayOfYear);
    const scored = new Set(past.flatMap((a) => Object.keys(a.scores)));
    const seenContexts = new Set(past.flatMap((a) => (a.context === undefined ? [] : [a.context])));
    return {
      id: rep.id,
      name: rep.name,
      team: rep.team,
      manager: rep.manager,
      last,
      daysSince,
      overdue: daysSince === null || daysSince > days,
      monthsMissed: [...rep.coaching.monthsWithout],
      neverObserved: dataset.framework.competencies.map((c) => c.id).filter((id) => !scored.has(id)),
      contextsNeverObserved: contexts.filter((id) => !seenContexts.has(id)),
    };
  });
  return { asOf, days, reps: reps.sort(byUrgency) };
}

/** Overdue first; within each, never coached first, then the longest since; then by name and id. */
function byUrgency(a: RepStatus, b: RepStatus): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const since = (s: RepStatus) => (s.daysSince === null ? Number.POSITIVE_INFINITY : s.daysSince);
  return since(b) - since(a) || compareText(a.name, b.name) || compareText(a.id, b.id);
}
