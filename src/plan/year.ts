/** Which year and which reps a command works on (SPEC §6: the latest year folder by default). */
import type { Figures } from '../analyze/index.js';
import { latestYear } from '../analyze/index.js';
import { UsageError } from '../errors.js';
import type { Dataset } from '../model/dataset.js';
import { didYouMean } from '../model/text.js';

/** The year asked for, or the latest year folder; a UsageError when there is none. */
export function chooseYear(dataset: Dataset, wanted: number | undefined): number {
  if (wanted === undefined) {
    const latest = latestYear(dataset);
    if (latest === null)
      throw new UsageError('the workspace has no year folder yet', {
        hint: 'create a folder such as data/2026 with one file per rep',
      });
    return latest;
  }
  if (!dataset.years.includes(wanted))
    throw new UsageError(`no data for ${wanted}`, { hint: `years in the workspace: ${dataset.years.join(', ')}` });
  return wanted;
}

/** Every rep asked for with `--rep` has a file in the year: a UsageError naming the closest id otherwise. */
export function checkReps(figures: Figures, reps: readonly string[] | undefined): void {
  const known = figures.reps.map((r) => r.id);
  for (const id of reps ?? []) {
    if (!known.includes(id))
      throw new UsageError(`no rep "${id}" in ${figures.year}`, {
        hint: didYouMean(id, known) ?? `reps: ${known.join(', ')}`,
      });
  }
}
