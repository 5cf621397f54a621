/** The analyze stage: a validated Dataset -> the figures of SPEC §5, pure. */
import type { Dataset, RepRecord } from '../model/dataset.js';
import { slugify } from '../model/text.js';
import { asOfYear } from './as-of.js';
import { computeRepFigures } from './rep.js';
import { compareText } from './series.js';
import { compareTeamIds, organisationFigures, teamFigures } from './teams.js';
import type { Figures, RepFigures } from './types.js';

/**
 * The figures of `year`: one entry per rep having a file in `year` (compared
 * with their file of `year − 1` when there is one), their teams and the
 * organisation. A rep with a file in `year − 1` only has left: no figures.
 * A year without any file gives empty lists, not an error.
 *
 * @param buildDate the build's date, YYYY-MM-DD (`--as-of`, else the day of
 *   SOURCE_DATE_EPOCH, else today, in UTC: the caller decides; nothing here
 *   reads a clock). The figures of `year` are computed as of
 *   `asOfYear(buildDate, year)`, those of `year − 1` as of its 31 December
 *   (SPEC §5).
 * @throws RangeError when `buildDate` is not a real YYYY-MM-DD date.
 */
export function computeFigures(dataset: Dataset, year: number, buildDate: string): Figures {
  const asOf = asOfYear(buildDate, year);
  const previousById = new Map<string, RepRecord>();
  for (const record of dataset.reps) {
    if (record.year === year - 1 && !previousById.has(record.id)) previousById.set(record.id, record);
  }
  const seen = new Set<string>();
  const reps: RepFigures[] = [];
  for (const record of dataset.reps) {
    if (record.year !== year || seen.has(record.id)) continue;
    seen.add(record.id);
    reps.push(computeRepFigures(dataset.framework, record, previousById.get(record.id), asOf));
  }
  reps.sort(compareReps);
  const teams = teamFigures(dataset.framework, reps, year, asOf);
  return { year, asOf, reps, teams, organisation: organisationFigures(dataset.framework, reps, teams, year, asOf) };
}

/** The year built by default (SPEC §6): the latest year folder; null when there is none. */
export function latestYear(dataset: Dataset): number | null {
  return dataset.years.length === 0 ? null : Math.max(...dataset.years);
}

/**
 * Reps by team (named teams by id, then the reps without a team), then by
 * name. Names compare by their slug first, so that accents do not send
 * "Élodie" after "Zoé" whatever the machine's locale; then as written; then
 * by id, so that the order is total.
 */
export function compareReps(a: RepFigures, b: RepFigures): number {
  return (
    compareTeamIds(a.teamId, b.teamId) ||
    compareText(slugify(a.name), slugify(b.name)) ||
    compareText(a.name, b.name) ||
    compareText(a.id, b.id)
  );
}
