/**
 * The raw material of every figure: `s(c,y)`, the scores of one competency in
 * one year's file, and the arithmetic shared by the figure modules.
 */
import type { RepYear } from '../model/schema.js';
import { compareText } from '../model/text.js';
import type { ScorePoint } from './types.js';

/**
 * Tolerance of comparisons between computed figures: levels are means of
 * scores on a decimal step, so 2.75 − 2.5 must count as 0.25 and two gaps
 * reached by different sums must tie.
 */
export const EPSILON = 1e-9;

/**
 * SPEC §5 `s(c,y)`: "the scores of `c` in that year's assessments, in date
 * order (same date: file order)". Empty without a file.
 */
export function scoreSeries(data: RepYear | undefined, competency: string): ScorePoint[] {
  if (data === undefined) return [];
  const points: ScorePoint[] = [];
  data.assessments.forEach((assessment, index) => {
    // hasOwn: a competency id such as "constructor" must not read the prototype.
    const score = Object.hasOwn(assessment.scores, competency) ? assessment.scores[competency] : undefined;
    if (typeof score !== 'number') return;
    points.push({ date: assessment.date, score, context: assessment.context ?? null, assessment: index });
  });
  // Array.prototype.sort is stable: equal dates keep file order.
  return points.sort((a, b) => compareText(a.date, b.date));
}

/** Arithmetic mean; null for no value. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The values that are not null. */
export function present<T>(values: ReadonlyArray<T | null>): T[] {
  return values.filter((value): value is T => value !== null);
}

/** a − b, null when either is null. */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

export { compareText } from '../model/text.js';
