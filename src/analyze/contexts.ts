/** SPEC §5 context level and weakest context. */
import { EPSILON, mean } from './series.js';
import type { ContextLevel, ScorePoint } from './types.js';

/**
 * SPEC §5 context level: "mean of `s(c,y)` restricted to one context", for
 * each context of the framework in its order. Assessments that name no
 * context are in none.
 */
export function contextLevels(series: readonly ScorePoint[], contextIds: readonly string[]): ContextLevel[] {
  return contextIds.map((id) => {
    const scores = series.filter((point) => point.context === id).map((point) => point.score);
    return { id, level: mean(scores), count: scores.length };
  });
}

/**
 * SPEC §5 weakest context: "lowest context level, ties in framework order",
 * "named when at least two contexts have scores for `c`"; null otherwise.
 * `levels` is in framework order, as `contextLevels` returns it.
 */
export function weakestContext(levels: readonly ContextLevel[]): string | null {
  let weakest: { id: string; level: number } | undefined;
  let observed = 0;
  for (const { id, level } of levels) {
    if (level === null) continue;
    observed++;
    // Strictly lower (beyond EPSILON): on a tie the earlier context stays.
    if (weakest === undefined || level < weakest.level - EPSILON) weakest = { id, level };
  }
  return observed >= 2 && weakest !== undefined ? weakest.id : null;
}
