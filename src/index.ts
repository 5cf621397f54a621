/**
 * revue's library API. The command line is a thin layer over it.
 *
 *     import { build, validate, figures, init, watchBuild } from 'revue';
 *     await init({ dir: 'reviews', locale: 'fr', year: 2026 });
 *     const { diagnostics } = await validate({ data: 'reviews/data' });
 *     const result = await build({ data: 'reviews/data', out: 'reviews/output' });
 *
 * Paths are relative to the current folder. Every function reports invalid
 * data as diagnostics (never as an exception); it throws a `RevueError`
 * (`UsageError`, `TemplateError`, `BrowserNotFoundError`, …) for what stops it.
 */
export { build } from './build.js';
export type { BuildOptions, BuildResult, ProgressEvent, ReportOutcome } from './build.js';
export { watchBuild } from './watch.js';
export type { WatchOptions, WatchEvents } from './watch.js';
export { init } from './init/init-workspace.js';
export type { InitOptions, InitResult } from './init/init-workspace.js';
export type { InitLocale } from './init/files.js';
export { validate } from './validate/index.js';
export { figures } from './figures.js';
export type { FiguresOptions, FiguresResult } from './figures.js';
export type { ValidateOptions, ValidationResult } from './validate/index.js';
export { figuresToCsv, stringifyFigures } from './analyze/index.js';
export type { CsvOptions, CsvTable } from './analyze/index.js';
export type {
  Figures,
  RepFigures,
  TeamFigures,
  OrganisationFigures,
  CompetencyFigures,
  GoalFigures,
  CoachingFigures,
} from './analyze/index.js';
export type { Dataset, Diagnostic, RepRecord, Severity } from './model/dataset.js';
export type { DiagnosticCode, Locale } from './messages/diagnostics.js';
export type { Framework, RepYear, Assessment, Goal } from './model/schema.js';
export { jsonSchema } from './model/json-schema.js';
export {
  RevueError,
  UsageError,
  BrowserNotFoundError,
  BrowserError,
  RenderError,
  TemplateError,
  WriteError,
  LockedError,
} from './errors.js';
export type { ErrorCode, SourcePosition } from './errors.js';
export { findBrowser } from './print/find-browser.js';
