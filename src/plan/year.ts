/**
 * Which year and which reps a command works on (SPEC §6: the latest year
 * folder by default). The errors are worded in the workspace's language.
 */
import type { Figures } from '../analyze/index.js';
import { latestYear } from '../analyze/index.js';
import { UsageError } from '../errors.js';
import { cliCatalogue } from '../messages/cli.js';
import type { Locale } from '../messages/diagnostics.js';
import type { Dataset } from '../model/dataset.js';
import { closest } from '../model/text.js';

/** The year asked for, or the latest year folder; a UsageError when there is none. */
export function chooseYear(dataset: Dataset, wanted: number | undefined): number {
  const t = cliCatalogue(dataset.framework.locale);
  if (wanted === undefined) {
    const latest = latestYear(dataset);
    if (latest === null) throw new UsageError(t.noYearFolder, { hint: t.noYearFolderHint });
    return latest;
  }
  if (!dataset.years.includes(wanted))
    throw new UsageError(t.noDataForYear({ year: wanted }), { hint: t.knownYears({ years: dataset.years }) });
  return wanted;
}

/** Every rep asked for with `--rep` has a file in the year: a UsageError naming the closest id otherwise. */
export function checkReps(figures: Figures, reps: readonly string[] | undefined, locale: Locale = 'en'): void {
  const t = cliCatalogue(locale);
  const known = figures.reps.map((r) => r.id);
  for (const id of reps ?? []) {
    if (known.includes(id)) continue;
    const suggestion = closest(id, known);
    throw new UsageError(t.noRep({ id, year: figures.year }), {
      hint: suggestion === undefined ? t.knownReps({ reps: known }) : t.didYouMean({ suggestion }),
    });
  }
}
