/** `figures()`: the figures of SPEC §5 as the library and `revue figures` give them. */
import { computeFigures, type Figures } from './analyze/index.js';
import type { Diagnostic } from './model/dataset.js';
import type { Framework } from './model/schema.js';
import { buildDate } from './plan/as-of.js';
import { chooseYear } from './plan/year.js';
import { validate } from './validate/index.js';
import type { Locale } from './messages/diagnostics.js';

export interface FiguresOptions {
  /** The workspace's data folder. Default: `data`. */
  data?: string;
  /** The year. Default: the latest year folder. */
  year?: number;
  /** The build's date, YYYY-MM-DD, the figures are computed as of (SPEC §5). Default: today (UTC). */
  asOf?: string;
}

export interface FiguresResult {
  /** Undefined when the data is invalid (see `diagnostics`). */
  figures?: Figures;
  /** The framework the figures were computed with (its labels, for a spreadsheet). */
  framework?: Framework;
  diagnostics: Diagnostic[];
  /** The workspace's language. */
  locale: Locale;
}

/**
 * The figures of SPEC §5 for a year, or the diagnostics when the data is
 * invalid (`figures` is then undefined).
 */
export async function figures(options: FiguresOptions = {}): Promise<FiguresResult> {
  const asOf = buildDate(options);
  const { dataset, diagnostics, locale } = await validate({
    ...(options.data === undefined ? {} : { data: options.data }),
    asOf,
  });
  if (dataset === undefined) return { diagnostics, locale };
  const year = chooseYear(dataset, options.year);
  return { figures: computeFigures(dataset, year, asOf), framework: dataset.framework, diagnostics, locale };
}
