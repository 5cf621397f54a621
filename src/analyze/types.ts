/**
 * The figures of SPEC §5 as plain data: what `computeFigures` returns, what
 * `revue figures` prints (SPEC §7) and what the reports are rendered from.
 *
 * Every figure is an unrounded number or `null` ("none" in the SPEC: no data,
 * or no previous year); never `NaN`, never `undefined`, so that the object
 * serialises to JSON as it is.
 */
import type { OrganisationFigures, TeamFigures } from './types-group.js';
import type { RepFigures } from './types-rep.js';

export type {
  Trend,
  GoalStatus,
  ScorePoint,
  ContextLevel,
  CompetencyFigures,
  GoalFigures,
  CoachingYear,
  CoachingFigures,
  ResultsFigures,
  LevelComparison,
  TrendCounts,
  RepFigures,
} from './types-rep.js';
export type {
  GroupComparison,
  GroupCompetencyComparison,
  GroupCompetency,
  GoalCounts,
  MemberRow,
  CoverageRow,
  GroupCoaching,
  GroupFigures,
  TeamFigures,
  TeamColumn,
  OrganisationFigures,
} from './types-group.js';

export interface Figures {
  year: number;
  /** SPEC §5 asOf(y): the date the figures of `year` are computed as of (y−1: its 31 December). */
  asOf: string;
  /** The reps having a file in `year`, sorted by team (named teams first) then name. */
  reps: RepFigures[];
  /** Sorted by team id; the reps without a team come last. */
  teams: TeamFigures[];
  organisation: OrganisationFigures;
}
