/** `revue status` figures on hand-built reps, as of a given day (values computed by hand). */
import { describe, expect, it } from 'vitest';
import { coachingStatus } from '../../src/status/coaching-status.js';
import { dataset, on, repYear } from '../fixtures/figures-builders.js';

const reps = [
  // Coached on 2 June and 20 June: 13 days before 3 July.
  repYear('ann', 2026, {
    name: 'Ann',
    team: 'North',
    assessments: [on('2026-06-02', { a: 2 }, 'x'), on('2026-06-20', { a: 3, b: 2 }, 'y')],
  }),
  // Coached once, on 10 March: 115 days before 3 July; one session dated after the day is not counted yet.
  repYear('bo', 2026, {
    name: 'Bo',
    team: 'North',
    manager: 'Sam',
    assessments: [on('2026-03-10', { c: 2 }), on('2026-08-01', { a: 2 }, 'z')],
  }),
  // Never coached this year.
  repYear('cy', 2026, { name: 'Cy', since: '2026-05-01' }),
  // Last year only: not in this year's status.
  repYear('dee', 2025, { name: 'Dee', assessments: [on('2025-05-05', { a: 2 })] }),
];

describe('coachingStatus as of 3 July 2026, overdue after 30 days', () => {
  const status = coachingStatus(dataset(reps), '2026-07-03', 30);

  it('lists this year’s reps, most urgent first: never coached, then the longest since', () => {
    expect(status.asOf).toBe('2026-07-03');
    expect(status.days).toBe(30);
    expect(status.reps.map((r) => [r.id, r.last, r.daysSince, r.overdue])).toEqual([
      ['cy', null, null, true],
      ['bo', '2026-03-10', 115, true],
      ['ann', '2026-06-20', 13, false],
    ]);
  });

  it('counts the months over and missed since each rep’s start (July is in progress, not missed)', () => {
    const byId = Object.fromEntries(status.reps.map((r) => [r.id, r]));
    expect(byId['ann']?.monthsMissed).toEqual([1, 2, 3, 4, 5]);
    expect(byId['bo']?.monthsMissed).toEqual([1, 2, 4, 5, 6]);
    expect(byId['cy']?.monthsMissed).toEqual([5, 6]);
  });

  it('names the competencies and contexts never observed this year', () => {
    const byId = Object.fromEntries(status.reps.map((r) => [r.id, r]));
    expect(byId['ann']?.neverObserved).toEqual(['c', 'd']);
    expect(byId['ann']?.contextsNeverObserved).toEqual(['z']);
    // The session dated 1 August has not happened on 3 July: what it scored is not observed yet.
    expect(byId['bo']?.neverObserved).toEqual(['a', 'b', 'd']);
    expect(byId['bo']?.contextsNeverObserved).toEqual(['x', 'y', 'z']);
    expect(byId['cy']?.neverObserved).toEqual(['a', 'b', 'c', 'd']);
    expect(byId['cy']?.contextsNeverObserved).toEqual(['x', 'y', 'z']);
  });

  it('--days sets what overdue means', () => {
    const strict = coachingStatus(dataset(reps), '2026-07-03', 10);
    expect(strict.reps.map((r) => r.overdue)).toEqual([true, true, true]);
  });

  it('a day of a year without files gives no rep', () => {
    expect(coachingStatus(dataset(reps), '2027-01-05', 30).reps).toEqual([]);
  });
});
