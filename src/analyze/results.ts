/** SPEC §5 results. */
import type { RepYear } from '../model/schema.js';
import type { ResultsFigures } from './types.js';

/**
 * SPEC §5 results: "achieved ÷ target"; null without results or when the
 * target is 0 (no quota: no ratio to show).
 */
export function resultsRatio(results: RepYear['results'] | undefined): number | null {
  if (results === undefined || results.target === 0) return null;
  return results.achieved / results.target;
}

/** SPEC §5 results "and the same for `y−1`", with the amounts behind both ratios. */
export function resultsFigures(current: RepYear, previous: RepYear | undefined): ResultsFigures {
  return {
    ratio: resultsRatio(current.results),
    previous: resultsRatio(previous?.results),
    target: current.results?.target ?? null,
    achieved: current.results?.achieved ?? null,
    previousTarget: previous?.results?.target ?? null,
    previousAchieved: previous?.results?.achieved ?? null,
  };
}
