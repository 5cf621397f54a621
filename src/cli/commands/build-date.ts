import { utcDay } from '../../analyze/dates.js';

/** The build's date (SPEC §5): `--as-of`, else the day of SOURCE_DATE_EPOCH, else undefined (the library's today). */
export function buildDateOf(asOf: string | undefined, epoch: number | undefined): string | undefined {
  return asOf ?? (epoch === undefined ? undefined : utcDay(epoch * 1000));
}
