/** SPEC §5 coaching and results figures, table-driven. */
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import type { RepFigures } from '../../src/analyze/index.js';
import { longestGapDays } from '../../src/analyze/coaching.js';
import { resultsRatio } from '../../src/analyze/results.js';
import type { RepRecord } from '../../src/model/dataset.js';
import { dataset, on, repYear } from '../fixtures/figures-builders.js';

/** The rep's figures of `year`, built on `buildDate` (default: after the end of 2026). */
function only(records: RepRecord[], buildDate = '2027-01-15', year = 2026): RepFigures {
  const r = computeFigures(dataset(records), year, buildDate).reps[0];
  if (r === undefined) throw new Error('no rep');
  return r;
}

describe('longest stretch without an assessment', () => {
  // Points: start, the assessments on or after start, end = asOf or the last assessment if later.
  it.each<[string, string, string[], string, number]>([
    ['from 1 January to the first', '2026-01-01', ['2026-01-31'], '2026-01-31', 30],
    ['one on the start day', '2026-01-01', ['2026-01-01'], '2026-01-01', 0],
    ['consecutive days are 1 day apart', '2026-01-01', ['2026-01-01', '2026-01-02'], '2026-01-02', 1],
    // 01-01 -> 01-11: 10; 01-11 -> 03-01: 21 + 28 = 49; 03-01 -> 03-02: 1
    ['between assessments, in any order', '2026-01-01', ['2026-03-02', '2026-01-11', '2026-03-01'], '2026-03-02', 49],
    // changed: the time after the last assessment counts, up to asOf: 01-10 -> 03-01 = 21 + 28 + 1
    ['after the last one, up to asOf', '2026-01-01', ['2026-01-10'], '2026-03-01', 50],
    ['a leap February', '2024-02-01', ['2024-03-01'], '2024-03-01', 29],
    ['a common February', '2026-02-01', ['2026-03-01'], '2026-03-01', 28],
    // 03-30 -> 10-26: the rest of March, April … September, 26 days of October; DST changes on 03-29 and 10-25
    [
      'across daylight-saving changes (UTC days)',
      '2026-03-28',
      ['2026-03-30', '2026-10-26'],
      '2026-10-26',
      1 + 30 + 31 + 30 + 31 + 31 + 30 + 26,
    ],
    ['the whole year', '2026-01-01', ['2026-12-31'], '2026-12-31', 364],
    ['from `since`', '2026-06-15', ['2026-08-01', '2026-08-20'], '2026-08-20', 15 + 31 + 1],
    ['assessments before `since` are not points', '2026-06-15', ['2026-03-10', '2026-07-05'], '2026-07-05', 20],
    // changed: 06-15 -> 12-31 = 15 + 31 + 31 + 30 + 31 + 30 + 31 (was 0)
    ['every assessment before `since`', '2026-06-15', ['2026-03-10'], '2026-12-31', 199],
    // changed: never coached is end − start (was null)
    ['never coached: asOf − start', '2026-01-01', [], '2026-12-31', 364],
    ['never coached, from `since`', '2026-06-15', [], '2026-12-31', 199],
    // 01-01 -> 03-01: 59; 03-01 -> 11-20: 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 19 = 264; end = 11-20, not asOf
    ['an assessment after asOf: end is the last one', '2026-01-01', ['2026-11-20', '2026-03-01'], '2026-06-15', 264],
    ['asOf before `since`, never coached: not begun', '2026-06-15', [], '2026-03-10', 0],
  ])('%s', (_label, start, dates, asOf, expected) => {
    expect(longestGapDays(start, dates, asOf)).toBe(expected);
  });
});

describe('coaching figures of a rep', () => {
  it('a year with no assessment: count 0, zeros, the whole year without, every month without', () => {
    const r = only([repYear('r', 2026)]);
    expect(r.coaching).toEqual({
      count: 0,
      perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      longestGapDays: 364,
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-12-31',
      first: null,
      last: null,
      monthsWithout: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      monthsOver: 12,
      monthInProgress: null,
      previous: null,
    });
    expect(r.competencies.map((c) => c.level)).toEqual([null, null, null, null]);
    expect(r.overall.level).toBeNull();
  });

  it('a rep who joined mid-year: the stretch and the months start at `since`', () => {
    const r = only([
      repYear('r', 2026, {
        since: '2026-06-15',
        assessments: [on('2026-08-20', { a: 2 }), on('2026-08-01', { a: 3 }), on('2026-11-02', {})],
      }),
    ]);
    // 06-15 -> 08-01: 15 + 31 + 1 = 47 (from 1 January it would be 212); 08-01 -> 08-20: 19;
    // 08-20 -> 11-02: 11 + 30 + 31 + 2 = 74; 11-02 -> 12-31: 28 + 31 = 59
    expect(r.coaching).toMatchObject({
      count: 3,
      perMonth: [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 0],
      longestGapDays: 74,
      start: '2026-06-15',
      first: '2026-08-01',
      last: '2026-11-02',
      monthsWithout: [6, 7, 9, 10, 12],
    });
    expect(r.since).toBe('2026-06-15');
  });

  it('measures from `since` when that stretch is the longest', () => {
    // built on 09-01: 06-15 -> 08-01: 47; 08-01 -> 08-20: 19; 08-20 -> 09-01: 12
    const r = only(
      [repYear('r', 2026, { since: '2026-06-15', assessments: [on('2026-08-01', {}), on('2026-08-20', {})] })],
      '2026-09-01',
    );
    expect(r.coaching.longestGapDays).toBe(15 + 31 + 1);
  });

  it('counts an assessment dated before `since` but starts the stretch at `since`', () => {
    // built on 07-20: 06-15 -> 07-05: 20; 07-05 -> 07-20: 15. June is over, July in progress.
    const r = only(
      [repYear('r', 2026, { since: '2026-06-15', assessments: [on('2026-03-10', {}), on('2026-07-05', {})] })],
      '2026-07-20',
    );
    expect(r.coaching).toMatchObject({
      count: 2,
      perMonth: [0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
      longestGapDays: 20,
      first: '2026-03-10',
      monthsWithout: [6],
      monthsOver: 6,
      monthInProgress: 7,
    });
  });

  it('an empty assessment (no score) still counts as coaching', () => {
    // built on 05-01: 01-01 -> 04-01: 31 + 28 + 31 = 90; 04-01 -> 05-01: 30
    const r = only([repYear('r', 2026, { assessments: [on('2026-04-01', {})] })], '2026-05-01');
    expect([r.coaching.count, r.coaching.longestGapDays]).toEqual([1, 31 + 28 + 31]);
  });

  it("last year's coaching uses last year's file, with its own `since`, as of its 31 December", () => {
    // built on 2026-01-08: 2026 as of 01-08, 2025 as of 2025-12-31
    const r = only(
      [
        repYear('r', 2025, { since: '2025-10-01', assessments: [on('2025-10-21', {}), on('2025-12-01', {})] }),
        repYear('r', 2026, { assessments: [on('2026-01-05', {})] }),
      ],
      '2026-01-08',
    );
    // 2025: 10-01 -> 10-21: 20; 10-21 -> 12-01: 10 + 30 + 1 = 41; 12-01 -> 12-31: 30
    expect(r.coaching.previous).toEqual({
      count: 2,
      perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
      longestGapDays: 41,
      start: '2025-10-01',
      end: '2025-12-31',
      asOf: '2025-12-31',
      first: '2025-10-21',
      last: '2025-12-01',
      monthsWithout: [11],
      monthsOver: 12,
      monthInProgress: null,
    });
    // 2026: 01-01 -> 01-05: 4; 01-05 -> 01-08: 3; January in progress, no month over
    expect(r.coaching).toMatchObject({ longestGapDays: 4, monthsWithout: [], monthsOver: 0, monthInProgress: 1 });
  });

  it('a previous file with no assessment: previous count 0, the whole of y−1 without', () => {
    const r = only([repYear('r', 2025), repYear('r', 2026, { assessments: [on('2026-01-05', {})] })]);
    // 2025-01-01 -> 2025-12-31: 364 (was null)
    expect(r.coaching.previous).toMatchObject({ count: 0, longestGapDays: 364 });
  });
});

describe('results', () => {
  it.each<[string, { target: number; achieved: number } | undefined, number | null]>([
    ['achieved ÷ target', { target: 1200000, achieved: 1130000 }, 1130000 / 1200000],
    ['above target', { target: 100, achieved: 150 }, 1.5],
    ['nothing achieved', { target: 100, achieved: 0 }, 0],
    ['a target of 0: no ratio', { target: 0, achieved: 10 }, null],
    ['no results', undefined, null],
  ])('%s', (_label, results, expected) => {
    expect(resultsRatio(results)).toBe(expected);
  });

  it('takes last year from last year’s file', () => {
    const r = only([
      repYear('r', 2025, { results: { target: 0, achieved: 5 } }),
      repYear('r', 2026, { results: { target: 400, achieved: 500 } }),
    ]);
    expect(r.results).toEqual({
      ratio: 500 / 400,
      previous: null,
      target: 400,
      achieved: 500,
      previousTarget: 0,
      previousAchieved: 5,
    });
  });
});
