/**
 * The figures of a team and of the organisation (SPEC §5, "Team and
 * organisation figures") as plain data: see types.ts.
 */
import type { LevelComparison } from './types-rep.js';

/**
 * A team's or the organisation's level, last year's, and its change (SPEC §5):
 * "The change of a team or of the organisation, per competency and overall,
 * is like for like: the mean of the reps' own `delta` over the reps who have
 * both levels, with that number of reps beside it; none when no rep has
 * both. (The difference of two means would show a team "regressing" because
 * a beginner joined it.)"
 */
export interface GroupComparison {
  /** Mean of the reps' level in y, over the reps having one. */
  level: number | null;
  /** Mean of the same reps' level in y−1, over the reps having one. */
  previous: number | null;
  /** Mean of the reps' own delta over the `deltaReps` reps having both levels; null when none has; not level − previous. */
  delta: number | null;
  /** How many reps have both levels: the reps `delta` rests on. */
  deltaReps: number;
}

/** One competency of a group, compared like for like (see `GroupComparison`). */
export interface GroupCompetencyComparison extends GroupComparison {
  id: string;
}

/**
 * SPEC §5 team and organisation figures of one competency: "the mean of the
 * reps' levels (`y` and `y−1`, over the reps having one), the count of reps
 * who progressed / were stable / regressed", and the change like for like.
 */
export interface GroupCompetency extends GroupCompetencyComparison {
  /** Mean of the reps' expected(c), over the reps having one. */
  expected: number | null;
  /** How many reps have a level this year / last year. */
  reps: number;
  previousReps: number;
  progressed: number;
  stable: number;
  regressed: number;
  /** Reps with no trend for this competency. */
  unknown: number;
}

export interface GoalCounts {
  set: number;
  met: number;
  notMet: number;
  notAssessed: number;
}

/** One rep in a team or organisation table (names appear only in team reports). */
export interface MemberRow {
  id: string;
  name: string;
  teamId: string | null;
  manager: string | null;
  overall: LevelComparison;
  goals: GoalCounts;
  /** The proposed focus (first of the top three); null when none. */
  focus: string | null;
  assessments: number;
  firstYear: boolean;
}

/** One row of the coaching heat table: a rep's coaching figures of y. */
export interface CoverageRow {
  id: string;
  name: string;
  /** Indexed 0 = January. */
  perMonth: number[];
  count: number;
  longestGapDays: number;
  /** The month number (1 = January) of the rep's `start`: `since`, or January. */
  startMonth: number;
  /** The rep's missed months (month numbers), see `CoachingYear.monthsWithout`. */
  monthsWithout: number[];
  /** The month number in progress at asOf(y), or null. */
  monthInProgress: number | null;
}

/** SPEC §5: "the coaching figures summed" over a group's reps, as of asOf(y). */
export interface GroupCoaching {
  /** Sum of the reps' assessments in y. */
  count: number;
  /** Sum of the reps' perMonth. */
  perMonth: number[];
  /** Sum of the y−1 counts of the reps having a y−1 file; null when none has one. */
  previousCount: number | null;
  /** Reps with no assessment in y. */
  repsWithout: number;
  /** asOf(y), the date the figures are computed as of. */
  asOf: string;
  /** The month number of the earliest `start` among the reps (1 without reps). */
  startMonth: number;
  /** Months 1 … `monthsOver` of y are over at asOf(y). */
  monthsOver: number;
  /** The month number in progress at asOf(y), or null. */
  monthInProgress: number | null;
  /**
   * Month numbers in which no rep of the group was coached, from the month of
   * the earliest `start` among them through the last month over at asOf(y)
   * (the reps' `monthsWithout`, summed as a group).
   */
  monthsWithout: number[];
  coverage: CoverageRow[];
}

export interface GroupFigures {
  /** Number of reps in the group. */
  repCount: number;
  /** Mean of the reps' overall(y) / overall(y−1), over the reps having one; delta like for like. */
  overall: GroupComparison;
  /** In framework order. */
  competencies: GroupCompetency[];
  goals: GoalCounts;
  coaching: GroupCoaching;
  /** Distinct manager names, sorted. */
  managers: string[];
  /** The reps, in the order of `Figures.reps`. */
  members: MemberRow[];
}

export interface TeamFigures extends GroupFigures {
  /** slugify(name): the team report's file name; null for the reps without a team. */
  id: string | null;
  /** The team name as written (the first rep's spelling when several slugify alike); null without a team. */
  name: string | null;
}

/** A team as one column of the organisation report. */
export interface TeamColumn {
  id: string | null;
  name: string | null;
  repCount: number;
  managers: string[];
  overall: GroupComparison;
  competencies: GroupCompetencyComparison[];
  goals: GoalCounts;
  assessments: number;
}

export interface OrganisationFigures extends GroupFigures {
  /** Every team side by side, in the order of `Figures.teams`. */
  teams: TeamColumn[];
}
