/**
 * The figures of one rep (SPEC §5) as plain data: see types.ts.
 */

/** SPEC §5 trend: from delta(c), with the ±0.25 threshold. */
export type Trend = 'progressed' | 'stable' | 'regressed';

/** SPEC §5 goal status. */
export type GoalStatus = 'met' | 'not-met' | 'not-assessed';

/** One score of `s(c,y)`: the evidence behind a level, and a point of the progression chart. */
export interface ScorePoint {
  /** YYYY-MM-DD, as written in the file. */
  date: string;
  score: number;
  /** The assessment's context id, or null when it names none. */
  context: string | null;
  /** Index of the assessment in the file's `assessments` list (to show its kind, strengths…). */
  assessment: number;
}

/** SPEC §5 context level of one competency in one context. */
export interface ContextLevel {
  /** A context id of the framework. */
  id: string;
  /** Mean of the scores of the competency observed in this context; null when none. */
  level: number | null;
  /** How many scores of the competency were observed in this context. */
  count: number;
}

export interface CompetencyFigures {
  /** The competency id; competencies are listed in framework order. */
  id: string;
  /** level(c,y): mean of the last two scores of the year. */
  level: number | null;
  /** level(c,y−1), from last year's file. */
  previous: number | null;
  /** delta(c) = level(c,y) − level(c,y−1). */
  delta: number | null;
  /** mean(c,y): mean of all the scores of the year. */
  mean: number | null;
  /** mean(c,y−1). */
  previousMean: number | null;
  /** expected(c), from the rep's role this year. */
  expected: number | null;
  /** gap(c) = expected(c) − level(c,y); positive means below expectation. */
  gap: number | null;
  /** Number of scores in `s(c,y)`. */
  count: number;
  /** Number of scores in `s(c,y−1)`; null without a file in y−1. */
  previousCount: number | null;
  trend: Trend | null;
  /** The context with the lowest context level, when at least two contexts have scores. */
  weakestContext: string | null;
  /** `s(c,y)`: the year's scores in date order (same date: file order). */
  scores: ScorePoint[];
  /** `s(c,y−1)`, for last year's line on the same January–December axis. */
  previousScores: ScorePoint[];
  /** One entry per framework context, in framework order (count 0 and level null when unobserved). */
  contexts: ContextLevel[];
  /** Fewer than 2 scores in y: needs more observation, never a focus. */
  uncertain: boolean;
  /** 1, 2 or 3 when in the focus top three; null otherwise. */
  focusRank: number | null;
}

export interface GoalFigures {
  competency: string;
  target: number;
  /** level(c,y) of the goal's competency. */
  level: number | null;
  status: GoalStatus;
  note: string | null;
}

/**
 * The coaching figures of one rep-year file, SPEC §5 coaching row, as of
 * `asOf`: asOf(y) for the year built, 31 December of y−1 for the year before.
 */
export interface CoachingYear {
  /** "number of assessments in `y`": every assessment of the file. */
  count: number;
  /** "per month": assessments per calendar month, indexed 0 = January … 11 = December. */
  perMonth: number[];
  /**
   * "the longest stretch in days with no assessment: the largest gap between
   * consecutive dates of `start`, the assessments on or after `start`, and
   * `end` = `asOf` or the last assessment if later (a rep never coached:
   * `end − start`)". Never null.
   */
  longestGapDays: number;
  /** "1 January, or `since` if later": where the coaching period starts. */
  start: string;
  /** The stretch's `end`: `asOf`, or the last assessment if later (never before `start`). */
  end: string;
  /** The date the figures are computed as of (SPEC §5 `asOf`). */
  asOf: string;
  /** Date of the first and of the last assessment; null with no assessment. */
  first: string | null;
  last: string | null;
  /**
   * "the months without any assessment, counted from the month of `start`
   * […] through the last month that is over at `asOf` (a month in progress
   * is never a missed month)": month numbers, 1 = January … 12 = December.
   */
  monthsWithout: number[];
  /** Months 1 … `monthsOver` of the year are over at `asOf` (0–12); a month is over on its last day. */
  monthsOver: number;
  /** The month number (1–12) in progress at `asOf`, shown as in progress, never missed; null when none is. */
  monthInProgress: number | null;
}

export interface CoachingFigures extends CoachingYear {
  /** The same figures for y−1 from last year's file; null in a first year. */
  previous: CoachingYear | null;
}

export interface ResultsFigures {
  /** achieved ÷ target; null without results or with a target of 0. */
  ratio: number | null;
  /** The same for y−1. */
  previous: number | null;
  target: number | null;
  achieved: number | null;
  previousTarget: number | null;
  previousAchieved: number | null;
}

export interface LevelComparison {
  level: number | null;
  previous: number | null;
  /** level − previous; null when either is null. */
  delta: number | null;
}

export interface TrendCounts {
  progressed: number;
  stable: number;
  regressed: number;
  /** Without a trend: no level this year or last year (or no file last year). */
  unknown: number;
}

export interface RepFigures {
  id: string;
  name: string;
  /** The team name as written in this year's file; null when the file names none. */
  team: string | null;
  /** slugify(team); null for reps without a team. */
  teamId: string | null;
  role: string;
  manager: string | null;
  since: string | null;
  /** No file in y−1: every comparison is null. */
  firstYear: boolean;
  /** overall(y), overall(y−1) and their difference. */
  overall: LevelComparison;
  /** In framework order. */
  competencies: CompetencyFigures[];
  /** In file order. */
  goals: GoalFigures[];
  /** The top three of the focus ordering; the first is next year's proposed course. */
  focus: string[];
  /** Competencies with fewer than 2 scores in y, in framework order. */
  uncertain: string[];
  coaching: CoachingFigures;
  results: ResultsFigures;
  /** Trends over the rep's competencies. */
  trends: TrendCounts;
}
