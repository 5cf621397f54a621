/**
 * SPEC §5 as revised: figures "as of" the build's date, and the coaching row
 * (longest stretch, months without an assessment, the month in progress).
 * Every expected value is computed by hand from the SPEC's words, in the
 * comments, not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { asOfYear, computeFigures } from '../../src/analyze/index.js';
import type { RepFigures } from '../../src/analyze/index.js';
import { monthInProgress, monthsOver } from '../../src/analyze/as-of.js';
import type { RepRecord } from '../../src/model/dataset.js';
import { dataset, on, repYear } from '../fixtures/figures-builders.js';

describe('asOf(y): 31 December of y, or the build’s date when earlier', () => {
  it.each<[string, number, string]>([
    ['2026-12-01', 2026, '2026-12-01'],
    ['2026-06-15', 2026, '2026-06-15'],
    ['2026-12-31', 2026, '2026-12-31'],
    ['2027-01-15', 2026, '2026-12-31'],
    ['2030-07-01', 2026, '2026-12-31'],
    // a year folder ahead of the build's date: still the build's date
    ['2026-06-15', 2027, '2026-06-15'],
  ])('built on %s, year %i: as of %s', (buildDate, year, expected) => {
    expect(asOfYear(buildDate, year)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-5', '2026-01-01T00:00:00Z', ''])(
    'refuses %j: the caller passes a real YYYY-MM-DD date',
    (bad) => {
      expect(() => asOfYear(bad, 2026)).toThrow(RangeError);
      expect(() => computeFigures(dataset([]), 2026, bad)).toThrow(RangeError);
    },
  );
});

describe('months over and the month in progress at asOf', () => {
  // A month is over once asOf reaches its last day (so 31 December leaves all 12 over).
  it.each<[string, number, number, number | null]>([
    ['2026-12-01', 2026, 11, 12],
    ['2026-06-15', 2026, 5, 6],
    ['2026-06-30', 2026, 6, null],
    ['2026-12-31', 2026, 12, null],
    ['2026-01-01', 2026, 0, 1],
    ['2026-02-28', 2026, 2, null],
    ['2024-02-28', 2024, 1, 2],
    ['2024-02-29', 2024, 2, null],
    ['2025-11-03', 2026, 0, null],
    ['2027-01-01', 2026, 12, null],
  ])('as of %s in %i: %i months over, in progress %s', (asOf, year, over, inProgress) => {
    expect(monthsOver(asOf, year)).toBe(over);
    expect(monthInProgress(asOf, year)).toBe(inProgress);
  });
});

interface CoachingCase {
  label: string;
  since?: string;
  dates: string[];
  buildDate: string;
  longestGapDays: number;
  end: string;
  monthsWithout: number[];
  monthInProgress: number | null;
}

const cases: CoachingCase[] = [
  {
    // 01-01 -> 03-10: 31 + 28 + 9 = 68; 03-10 -> 12-01: 22 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 = 266.
    // Over: January … November; coached in March only. December is in progress, not missed.
    label: 'coached once in March, built on 1 December',
    dates: ['2026-03-10'],
    buildDate: '2026-12-01',
    longestGapDays: 266,
    end: '2026-12-01',
    monthsWithout: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11],
    monthInProgress: 12,
  },
  {
    // end − start: 01-01 -> 12-01 = 365 − 31 = 334
    label: 'never coached, built on 1 December',
    dates: [],
    buildDate: '2026-12-01',
    longestGapDays: 334,
    end: '2026-12-01',
    monthsWithout: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    monthInProgress: 12,
  },
  {
    // end − start from `since`: 09-14 -> 12-01 = 16 + 31 + 30 + 1 = 78; months from September
    label: 'never coached, joined on 14 September',
    since: '2026-09-14',
    dates: [],
    buildDate: '2026-12-01',
    longestGapDays: 78,
    end: '2026-12-01',
    monthsWithout: [9, 10, 11],
    monthInProgress: 12,
  },
  {
    // 01-01 -> 02-10: 40; 02-10 -> 04-20: 18 + 31 + 20 = 69; 04-20 -> 06-15: 10 + 31 + 15 = 56.
    // Over: January … May; June in progress; July … December neither missed nor in progress.
    label: 'mid-year: built on 15 June',
    dates: ['2026-02-10', '2026-04-20'],
    buildDate: '2026-06-15',
    longestGapDays: 69,
    end: '2026-06-15',
    monthsWithout: [1, 3, 5],
    monthInProgress: 6,
  },
  {
    // asOf = 2026-12-31. 01-01 -> 05-04: 31 + 28 + 31 + 30 + 3 = 123; 05-04 -> 10-30: 27 + 30 + 31 + 31 + 30 + 30 = 179;
    // 10-30 -> 12-31: 1 + 30 + 31 = 62. Every month over.
    label: 'a year entirely in the past (built in 2027)',
    dates: ['2026-10-30', '2026-05-04'],
    buildDate: '2027-03-01',
    longestGapDays: 179,
    end: '2026-12-31',
    monthsWithout: [1, 2, 3, 4, 6, 7, 8, 9, 11, 12],
    monthInProgress: null,
  },
  {
    // end = the last assessment (09-01), later than asOf (06-15). 01-01 -> 02-10: 40;
    // 02-10 -> 09-01: 19 + 31 + 30 + 31 + 30 + 31 + 31 = 203. Over: January … May, February coached.
    label: 'an assessment dated after the build’s date',
    dates: ['2026-02-10', '2026-09-01'],
    buildDate: '2026-06-15',
    longestGapDays: 203,
    end: '2026-09-01',
    monthsWithout: [1, 3, 4, 5],
    monthInProgress: 6,
  },
  {
    // built on the last day of June: June is over (missed), nothing in progress; 06-01 -> 06-30 = 29
    label: 'built on the last day of a month',
    since: '2026-06-01',
    dates: [],
    buildDate: '2026-06-30',
    longestGapDays: 29,
    end: '2026-06-30',
    monthsWithout: [6],
    monthInProgress: null,
  },
  {
    // joins after the build's date: the period has not begun; no month of it is over
    label: 'joins after the build’s date',
    since: '2026-09-01',
    dates: [],
    buildDate: '2026-06-15',
    longestGapDays: 0,
    end: '2026-09-01',
    monthsWithout: [],
    monthInProgress: 6,
  },
];

function repOf(record: RepRecord, buildDate: string, others: RepRecord[] = []): RepFigures {
  const rep = computeFigures(dataset([...others, record]), 2026, buildDate).reps[0];
  if (rep === undefined) throw new Error('no rep');
  return rep;
}

describe('coaching figures as of the build’s date', () => {
  it.each(cases)('$label', (c) => {
    const record = repYear('r', 2026, {
      ...(c.since === undefined ? {} : { since: c.since }),
      assessments: c.dates.map((date) => on(date, { a: 2 })),
    });
    expect(repOf(record, c.buildDate).coaching).toMatchObject({
      count: c.dates.length,
      longestGapDays: c.longestGapDays,
      end: c.end,
      asOf: asOfYear(c.buildDate, 2026),
      monthsWithout: c.monthsWithout,
      monthInProgress: c.monthInProgress,
    });
  });

  it('counts an assessment dated after the build’s date in its month', () => {
    const record = repYear('r', 2026, { assessments: [on('2026-02-10', {}), on('2026-09-01', {})] });
    expect(repOf(record, '2026-06-15').coaching.perMonth).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('takes y−1 as of its 31 December, even when built early in y', () => {
    // 2025: 01-01 -> 03-10: 68; 03-10 -> 12-31: 296 (day 365 − day 69). Every month of 2025 over.
    const previous = repYear('r', 2025, { assessments: [on('2025-03-10', { a: 2 })] });
    const rep = repOf(repYear('r', 2026, { assessments: [on('2026-01-05', { a: 2 })] }), '2026-01-20', [previous]);
    expect(rep.coaching.previous).toMatchObject({
      asOf: '2025-12-31',
      longestGapDays: 296,
      monthsWithout: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      monthInProgress: null,
    });
    // 2026 as of 01-20: 01-01 -> 01-05: 4; 01-05 -> 01-20: 15; January in progress, no month over
    expect(rep.coaching).toMatchObject({ longestGapDays: 15, monthsWithout: [], monthInProgress: 1 });
  });
});
