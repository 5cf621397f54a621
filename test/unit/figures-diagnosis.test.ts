/** SPEC §5 trend, focus, uncertain and context figures, table-driven. */
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import { contextLevels, weakestContext } from '../../src/analyze/contexts.js';
import { rankFocus } from '../../src/analyze/diagnosis.js';
import type { FocusCandidate } from '../../src/analyze/diagnosis.js';
import { trendOf } from '../../src/analyze/levels.js';
import type { ContextLevel, ScorePoint } from '../../src/analyze/index.js';
import { dataset, framework, on, repYear } from '../fixtures/figures-builders.js';

/** A build after the end of 2026: the diagnosis does not depend on the as-of date. */
const AS_OF = '2027-01-15';

describe('trend (±0.25 threshold)', () => {
  it.each([
    [0.25, 'progressed'],
    [-0.25, 'regressed'],
    [0.5, 'progressed'],
    [-1, 'regressed'],
    [0.2499, 'stable'],
    [-0.2499, 'stable'],
    [0, 'stable'],
    [2.75 - 2.5, 'progressed'],
    // floating point: these are 0.24999999999999978 and -0.24999999999999978
    [(1 + 3.1) / 2 - 1.8, 'progressed'],
    [(1.1 + 1.8) / 2 - 1.7, 'regressed'],
    [null, null],
  ])('delta %s -> %s', (delta, trend) => {
    expect(trendOf(delta)).toBe(trend);
  });

  it('holds end to end on a scale with a step of 0.1', () => {
    const fw = framework({ scale: { min: 1, max: 4, step: 0.1 } });
    const reps = [
      repYear('r', 2025, { assessments: [on('2025-05-01', { a: 1.8, b: 1.7 })] }),
      repYear('r', 2026, { assessments: [on('2026-05-01', { a: 1, b: 1.1 }), on('2026-06-01', { a: 3.1, b: 1.8 })] }),
    ];
    const r = computeFigures(dataset(reps, fw), 2026, AS_OF).reps[0];
    // a: (1 + 3.1) / 2 = 2.05 vs 1.8; b: (1.1 + 1.8) / 2 = 1.45 vs 1.7
    expect(r?.competencies.slice(0, 2).map((c) => c.trend)).toEqual(['progressed', 'regressed']);
    expect(r?.trends).toEqual({ progressed: 1, stable: 0, regressed: 1, unknown: 2 });
  });
});

const c = (id: string, count: number, gap: number | null, delta: number | null): FocusCandidate => ({
  id,
  count,
  gap,
  delta,
});

describe('focus ordering', () => {
  it.each<[string, FocusCandidate[], string[]]>([
    ['largest gap first', [c('a', 2, 0.5, 0), c('b', 2, 1, 0)], ['b', 'a']],
    ['gap tie: smallest delta first', [c('a', 2, 1, 0.5), c('b', 2, 1, -0.5)], ['b', 'a']],
    ['gap and delta tie: framework order', [c('a', 2, 1, 0), c('b', 2, 1, 0)], ['a', 'b']],
    ['framework order is the order given', [c('b', 2, 1, 0), c('a', 2, 1, 0)], ['b', 'a']],
    ['a missing delta counts as 0: after a negative one', [c('a', 2, 1, null), c('b', 2, 1, -0.25)], ['b', 'a']],
    ['a missing delta counts as 0: before a positive one', [c('a', 2, 1, 0.25), c('b', 2, 1, null)], ['b', 'a']],
    [
      'a missing delta ties with 0: framework order',
      [c('a', 2, 1, 0), c('b', 2, 1, null), c('c', 2, 1, 0)],
      ['a', 'b', 'c'],
    ],
    ['fewer than 2 scores: never a focus', [c('a', 1, 3, 0), c('b', 0, null, null), c('c', 2, 0, 0)], ['c']],
    ['no expected level: after every gap, even a negative one', [c('a', 2, null, -1), c('b', 2, -0.5, 1)], ['b', 'a']],
    [
      'no expected level among themselves: by delta',
      [c('a', 2, null, 0.5), c('b', 2, null, -0.5), c('c', 2, 0, 0)],
      ['c', 'b', 'a'],
    ],
    ['the top three only', [c('a', 2, 0, 0), c('b', 2, 1, 0), c('c', 2, 2, 0), c('d', 2, 3, 0)], ['d', 'c', 'b']],
    // 3 - (2.1 + 2.2) / 2 is 0.8499999999999996: a tie with 0.85, so the delta decides
    ['gaps equal up to floating point tie', [c('b', 2, 0.85, 0), c('a', 2, 3 - (2.1 + 2.2) / 2, -1)], ['a', 'b']],
    ['nothing observed twice: no focus', [c('a', 1, 2, 0), c('b', 0, null, null)], []],
  ])('%s', (_label, candidates, expected) => {
    expect(rankFocus(candidates)).toEqual(expected);
  });

  it('ranks end to end: gap tie -> delta, delta tie -> framework order, uncertain excluded', () => {
    // role flat: expected 3 everywhere
    const reps = [
      repYear('r', 2025, { assessments: [on('2025-04-01', { a: 2.5, b: 1.5, d: 2.5 })] }),
      repYear('r', 2026, {
        assessments: [
          on('2026-02-01', { a: 2, b: 2, c: 2.5, d: 2.5 }),
          on('2026-03-01', { a: 2, b: 2, c: 2.5, d: 2.5 }),
        ],
      }),
    ];
    const r = computeFigures(dataset(reps), 2026, AS_OF).reps[0];
    // gaps: a 1, b 1, c 0.5, d 0.5; deltas: a 2 - 2.5 = -0.5, b 2 - 1.5 = 0.5, c none (0), d 2.5 - 2.5 = 0
    expect(r?.competencies.map((x) => [x.gap, x.delta])).toEqual([
      [1, -0.5],
      [1, 0.5],
      [0.5, null],
      [0.5, 0],
    ]);
    expect(r?.focus).toEqual(['a', 'b', 'c']);
    expect(r?.uncertain).toEqual([]);
  });

  it('never proposes an uncertain competency, even with the largest gap', () => {
    const reps = [
      repYear('r', 2026, { assessments: [on('2026-02-01', { a: 1, b: 3 }), on('2026-03-01', { b: 2.5, c: 3 })] }),
    ];
    const r = computeFigures(dataset(reps), 2026, AS_OF).reps[0];
    // a: one score (gap 2), b: two scores (gap 3 - 2.75 = 0.25), c: one, d: none
    expect(r?.focus).toEqual(['b']);
    expect(r?.uncertain).toEqual(['a', 'c', 'd']);
  });
});

const point = (score: number, context: string | null, index = 0): ScorePoint => ({
  date: '2026-01-01',
  score,
  context,
  assessment: index,
});
const level = (id: string, value: number | null, count: number): ContextLevel => ({ id, level: value, count });

describe('context levels', () => {
  it('averages each context over all its scores; no context is in none', () => {
    const series = [point(2, 'y'), point(3, null), point(1, 'x'), point(4, 'y'), point(2, 'x'), point(3.5, 'y')];
    expect(contextLevels(series, ['x', 'y', 'z'])).toEqual([
      level('x', (1 + 2) / 2, 2),
      level('y', (2 + 4 + 3.5) / 3, 3),
      level('z', null, 0),
    ]);
  });

  it.each<[string, ContextLevel[], string | null]>([
    ['one context only: not named', [level('x', 1, 3), level('y', null, 0)], null],
    ['no context at all', [level('x', null, 0), level('y', null, 0)], null],
    ['two contexts: the lowest', [level('x', 3, 1), level('y', 2, 1)], 'y'],
    ['three contexts: the lowest, wherever it is', [level('x', 3, 1), level('y', 2.5, 2), level('z', 1.5, 1)], 'z'],
    ['tie: framework order', [level('x', null, 0), level('y', 2, 1), level('z', 2, 4)], 'y'],
    ['tie up to floating point: framework order', [level('x', (2.1 + 2.2) / 2, 2), level('y', 2.15, 1)], 'x'],
  ])('weakest context: %s', (_label, levels, expected) => {
    expect(weakestContext(levels)).toBe(expected);
  });

  it('names the weakest context end to end, only with two observed contexts', () => {
    const reps = [
      repYear('r', 2026, {
        assessments: [
          on('2026-02-01', { a: 3, b: 2 }, 'y'),
          on('2026-03-01', { a: 2, b: 3 }, 'x'),
          on('2026-04-01', { a: 1, b: 1 }), // no context: in none
          on('2026-05-01', { a: 2.5 }, 'x'),
        ],
      }),
    ];
    const r = computeFigures(dataset(reps), 2026, AS_OF).reps[0];
    // a: x = (2 + 2.5) / 2 = 2.25, y = 3 -> x;  b: x = 3, y = 2 -> y;  c, d: unobserved
    expect(r?.competencies.map((x) => x.weakestContext)).toEqual(['x', 'y', null, null]);
    expect(r?.competencies[0]?.contexts).toEqual([level('x', 2.25, 2), level('y', 3, 1), level('z', null, 0)]);
  });

  it('lists no context when the framework has none', () => {
    const fw = framework();
    delete fw.contexts;
    const r = computeFigures(
      dataset([repYear('r', 2026, { assessments: [on('2026-02-01', { a: 3 })] })], fw),
      2026,
      AS_OF,
    ).reps[0];
    expect(r?.competencies[0]?.contexts).toEqual([]);
    expect(r?.competencies[0]?.weakestContext).toBeNull();
  });
});
