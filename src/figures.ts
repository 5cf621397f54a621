/** `figures()`: the figures of SPEC §5 as the library and `revue figures` give them. */
import { computeFigures, type Figures } from './analyze/index.js';
import type { Diagnostic } from './model/dataset.js';
import { buildDate } from './plan/as-of.js';
import { chooseYear } from './plan/year.js';
import { validate } from './validate/index.js';

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
  return { figures: computeFigures(dataset, chooseYear(dataset, options.year), buildDate(options)), diagnostics };
}
