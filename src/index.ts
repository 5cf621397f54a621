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
import { computeFigures, utcDay, type Figures } from './analyze/index.js';
import { chooseYear } from './build.js';
import type { Diagnostic } from './model/dataset.js';
import { validate } from './validate/index.js';

export { build } from './build.js';
export type { BuildOptions, BuildResult, ProgressEvent, ReportOutcome } from './build.js';
export { watchBuild } from './watch.js';
export type { WatchOptions, WatchEvents } from './watch.js';
export { init } from './init/init-workspace.js';
export type { InitOptions, InitResult } from './init/init-workspace.js';
export type { InitLocale } from './init/files.js';
export { validate } from './validate/index.js';
export type { ValidateOptions, ValidationResult } from './validate/index.js';
export { figuresToCsv, stringifyFigures } from './analyze/index.js';
export type {
  Figures,
  RepFigures,
  TeamFigures,
  OrganisationFigures,
  CompetencyFigures,
  GoalFigures,
  CoachingFigures,
} from './analyze/index.js';
export type { Dataset, Diagnostic, RepRecord } from './model/dataset.js';
export type { Framework, RepYear, Assessment, Goal } from './model/schema.js';
export { jsonSchema } from './model/json-schema.js';
export { RevueError, UsageError, BrowserNotFoundError, TemplateError, WriteError } from './errors.js';
export { findBrowser } from './print/find-browser.js';

export interface FiguresOptions {
  /** The workspace's data folder. Default: `data`. */
  data?: string;
  /** The year. Default: the latest year folder. */
  year?: number;
  /** The build's date, YYYY-MM-DD, the figures are computed as of (SPEC §5). Default: today (UTC). */
  asOf?: string;
}

/**
 * The figures of SPEC §5 for a year, or the diagnostics when the data is
 * invalid (`figures` is then undefined).
 */
export async function figures(options: FiguresOptions = {}): Promise<{ figures?: Figures; diagnostics: Diagnostic[] }> {
  const { dataset, diagnostics } = await validate(options.data === undefined ? {} : { data: options.data });
  if (dataset === undefined) return { diagnostics };
  const asOf = options.asOf ?? utcDay(Date.now());
  return { figures: computeFigures(dataset, chooseYear(dataset, options.year), asOf), diagnostics };
}
