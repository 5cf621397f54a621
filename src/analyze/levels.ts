/** SPEC §5 level, mean, delta, overall, expected, gap and trend. */
import type { Framework } from '../model/schema.js';
import { EPSILON, difference, mean } from './series.js';
import type { ScorePoint, Trend } from './types.js';

/**
 * SPEC §5 level(c,y): "mean of the last two scores of `s(c,y)` (the last alone
 * if there is one); none if `s` is empty: the end-of-year level".
 */
export function levelOf(series: readonly ScorePoint[]): number | null {
  return mean(series.slice(-2).map((point) => point.score));
}

/** SPEC §5 mean(c,y): "mean of all of `s(c,y)`". */
export function meanOf(series: readonly ScorePoint[]): number | null {
  return mean(series.map((point) => point.score));
}

/** SPEC §5 delta(c): "level(c,y) − level(c,y−1); none when either is none". */
export function deltaOf(level: number | null, previous: number | null): number | null {
  return difference(level, previous);
}

/** SPEC §5 overall(y): "mean of level(c,y) over the competencies that have one". */
export function overallOf(levels: ReadonlyArray<number | null>): number | null {
  return mean(levels.filter((level): level is number => level !== null));
}

/**
 * SPEC §5 expected(c): "from the rep's role in `framework.yaml`": the role's
 * one level, or its map's entry for `c`, else the map's `default`; null when
 * neither exists (or the role is unknown).
 */
export function expectedOf(framework: Framework, roleId: string, competency: string): number | null {
  const role = framework.roles.find((candidate) => candidate.id === roleId);
  if (role === undefined) return null;
  const expected = role.expected;
  if (typeof expected === 'number') return expected;
  // hasOwn: a competency id such as "constructor" must not read the prototype.
  const own = Object.hasOwn(expected, competency) ? expected[competency] : undefined;
  if (own !== undefined) return own;
  const fallback = Object.hasOwn(expected, 'default') ? expected['default'] : undefined;
  return fallback ?? null;
}

/** SPEC §5 gap(c): "expected(c) − level(c,y); positive means below expectation". */
export function gapOf(expected: number | null, level: number | null): number | null {
  return difference(expected, level);
}

/**
 * SPEC §5 trend: "progressed when delta ≥ +0.25, regressed when delta ≤ −0.25,
 * else stable"; null when delta is none. Compared with EPSILON so that a delta
 * of 0.25 reached in floating point ((1 + 3.1) / 2 − 1.8 = 0.2499…) still counts.
 */
export function trendOf(delta: number | null): Trend | null {
  if (delta === null) return null;
  if (delta >= 0.25 - EPSILON) return 'progressed';
  if (delta <= -0.25 + EPSILON) return 'regressed';
  return 'stable';
}
