/** SPEC §5 focus and uncertain: the diagnosis of a rep. */
import { EPSILON } from './series.js';

/** What the focus ordering looks at, for one competency (given in framework order). */
export interface FocusCandidate {
  id: string;
  /** Number of scores in `s(c,y)`. */
  count: number;
  gap: number | null;
  delta: number | null;
}

/** SPEC §5 uncertain: "competencies with fewer than 2 scores in `y`". */
export function isUncertain(count: number): boolean {
  return count < 2;
}

/**
 * SPEC §5 focus: "among competencies with at least 2 scores in `y`: largest
 * gap, then smallest delta (a missing delta counts as 0), then framework
 * order. The first is the proposed focus for next year; show the top three".
 *
 * A competency without an expected level has no gap: it ranks after every
 * competency that has one (among them, by delta then framework order).
 * Gaps and deltas that differ by less than EPSILON tie.
 *
 * @param candidates every competency, in framework order.
 * @param size how many to keep; default 3, the SPEC's top three.
 */
export function rankFocus(candidates: readonly FocusCandidate[], size = 3): string[] {
  return candidates
    .map((candidate, order) => ({ ...candidate, order }))
    .filter((candidate) => !isUncertain(candidate.count))
    .sort((a, b) => compareGap(a.gap, b.gap) || compareNumbers(a.delta ?? 0, b.delta ?? 0) || a.order - b.order)
    .slice(0, size)
    .map((candidate) => candidate.id);
}

/** Largest gap first; null last. */
function compareGap(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareNumbers(b, a);
}

/** Ascending, with ties within EPSILON. */
function compareNumbers(a: number, b: number): number {
  return Math.abs(a - b) < EPSILON ? 0 : a - b;
}
