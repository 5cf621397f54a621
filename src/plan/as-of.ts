/**
 * The build's date (SPEC §5): `--as-of YYYY-MM-DD` when given, else the day of
 * SOURCE_DATE_EPOCH when set, else today, in UTC. Read here, at the edge of
 * the pipeline: the analytics are given it and never read a clock.
 */
import { utcDay } from '../analyze/index.js';

export interface AsOfOptions {
  /** YYYY-MM-DD. */
  asOf?: string | undefined;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number | undefined;
}

export function buildDate(options: AsOfOptions, now: () => number = Date.now): string {
  if (options.asOf !== undefined) return options.asOf;
  return utcDay(options.sourceDateEpoch === undefined ? now() : options.sourceDateEpoch * 1000);
}
