/**
 * The figures of SPEC §5 as plain data: what `computeFigures` returns, what
 * `revue figures` prints (SPEC §7) and what the reports are rendered from.
 *
 * Every figure is an unrounded number or `null` ("none" in the SPEC: no data,
 * or no previous year); never `NaN`, never `undefined`, so that the object
 * serialises to JSON as it is.
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

/** The coaching figures of one rep-year file. */
export interface CoachingYear {
  /** Number of assessments in the year. */
  count: number;
  /** Assessments per calendar month, January first. */
  perMonth: number[];
  /** The longest stretch without an assessment (see `longestGapDays`); null with no assessment. */
  longestGapDays: number | null;
  /** Where the coaching period starts: 1 January, or `since` when later. */
  start: string;
  /** Date of the first and of the last assessment; null with no assessment. */
  first: string | null;
  last: string | null;
  /** Months (0 = January) without any assessment, from the month of `start` through December. */
  monthsWithout: number[];
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

export interface CompetencyComparison extends LevelComparison {
  id: string;
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

export interface GroupCompetency {
  id: string;
  /** Mean of the reps' level(c,y), over the reps having one. */
  level: number | null;
  /** Mean of the same reps' level(c,y−1) from their y−1 files, over those having one. */
  previous: number | null;
  /** level − previous; null when either is null. */
  delta: number | null;
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

/** One row of the coaching heat table. */
export interface CoverageRow {
  id: string;
  name: string;
  perMonth: number[];
  count: number;
  longestGapDays: number | null;
  /** The first month (0 = January) the rep was in the team: `since`, or January. */
  startMonth: number;
}

export interface GroupCoaching {
  /** Sum of the reps' assessments in y. */
  count: number;
  /** Sum of the reps' perMonth. */
  perMonth: number[];
  /** Sum of the y−1 counts of the reps having a y−1 file; null when none has one. */
  previousCount: number | null;
  /** Reps with no assessment in y. */
  repsWithout: number;
  coverage: CoverageRow[];
}

export interface GroupFigures {
  /** Number of reps in the group. */
  repCount: number;
  /** Mean of the reps' overall(y) / overall(y−1), over the reps having one. */
  overall: LevelComparison;
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
  overall: LevelComparison;
  competencies: CompetencyComparison[];
  goals: GoalCounts;
  assessments: number;
}

export interface OrganisationFigures extends GroupFigures {
  /** Every team side by side, in the order of `Figures.teams`. */
  teams: TeamColumn[];
}

export interface Figures {
  year: number;
  /** The reps having a file in `year`, sorted by team (named teams first) then name. */
  reps: RepFigures[];
  /** Sorted by team id; the reps without a team come last. */
  teams: TeamFigures[];
  organisation: OrganisationFigures;
}
