/** analyze: the figures of SPEC §5, from a validated Dataset. Pure. */
export { computeFigures, latestYear } from './figures.js';
export { computeRepFigures } from './rep.js';
export { asOfYear } from './as-of.js';
export { utcDay } from './dates.js';
export { figuresToJson, figuresToCsv, stringifyFigures, CSV_COLUMNS, CSV_REP_COLUMNS } from './export.js';
export type { CsvOptions, CsvTable, FiguresJson } from './export.js';
export type {
  CoachingFigures,
  CoachingYear,
  CompetencyFigures,
  ContextLevel,
  CoverageRow,
  Figures,
  GoalCounts,
  GoalFigures,
  GoalStatus,
  GroupCoaching,
  GroupComparison,
  GroupCompetency,
  GroupCompetencyComparison,
  GroupFigures,
  LevelComparison,
  MemberRow,
  OrganisationFigures,
  RepFigures,
  ResultsFigures,
  ScorePoint,
  TeamColumn,
  TeamFigures,
  Trend,
  TrendCounts,
} from './types.js';
