/** SPEC §5 team and organisation figures. */
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import type { GroupCompetency, TeamFigures } from '../../src/analyze/index.js';
import { dataset, on, repYear } from '../fixtures/figures-builders.js';

const records = [
  // Ann: a 2 -> (2 + 3) / 2 = 2.5 (+0.5), b 3.5 -> 3 (-0.5)
  repYear('ann', 2025, { name: 'Ann', team: 'Paris Sud', assessments: [on('2025-05-01', { a: 2, b: 3.5 })] }),
  repYear('ann', 2026, {
    name: 'Ann',
    team: 'Paris Sud',
    manager: 'Jeanne Roux',
    goals: [{ competency: 'a', target: 2.5 }],
    assessments: [on('2026-01-10', { a: 2, b: 3 }), on('2026-03-05', { a: 3 })],
  }),
  // Ben: first year, same team spelt differently, a 3
  repYear('ben', 2026, {
    name: 'Ben',
    team: 'PARIS SUD',
    manager: 'Alain Dupont',
    goals: [{ competency: 'b', target: 3 }],
    assessments: [on('2026-03-20', { a: 3 })],
  }),
  // Cat: a 1.5 -> (1 + 2) / 2 = 1.5 (stable)
  repYear('cat', 2025, { name: 'Cat', team: 'Lyon', assessments: [on('2025-02-01', { a: 1.5 })] }),
  repYear('cat', 2026, {
    name: 'Cat',
    team: 'Lyon',
    manager: 'Marc',
    goals: [{ competency: 'a', target: 2 }],
    assessments: [on('2026-02-02', { a: 1 }), on('2026-02-03', { a: 2 })],
  }),
  // Dan: no team, nothing observed this year, a 3 last year
  repYear('dan', 2025, { name: 'Dan', assessments: [on('2025-02-01', { a: 3 })] }),
  repYear('dan', 2026, { name: 'Dan' }),
  // Eve left Paris Sud: her 2025 levels must not count anywhere
  repYear('eve', 2025, { name: 'Eve', team: 'Paris Sud', assessments: [on('2025-02-01', { a: 4, b: 1 })] }),
];
// Built on 2026-03-31: January to March are over, no month is in progress.
const figures = computeFigures(dataset(records), 2026, '2026-03-31');

function team(id: string | null): TeamFigures {
  const found = figures.teams.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no team ${String(id)}`);
  return found;
}
const zeros = (n: number) => ({ progressed: 0, stable: 0, regressed: 0, unknown: n });
const none = (id: string, repCount: number): GroupCompetency => ({
  id,
  level: null,
  previous: null,
  delta: null,
  deltaReps: 0,
  expected: 3,
  reps: 0,
  previousReps: 0,
  ...zeros(repCount),
});

describe('teams', () => {
  it('groups reps by slug of the team name, teams by id, the reps without a team last', () => {
    expect(figures.reps.map((r) => [r.id, r.teamId])).toEqual([
      ['cat', 'lyon'],
      ['ann', 'paris-sud'],
      ['ben', 'paris-sud'],
      ['dan', null],
    ]);
    expect(figures.teams.map((t) => [t.id, t.name, t.repCount])).toEqual([
      ['lyon', 'Lyon', 1],
      ['paris-sud', 'Paris Sud', 2],
      [null, null, 1],
    ]);
  });

  it("averages the reps' levels this year and last year, over the reps having one; the change like for like", () => {
    expect(team('paris-sud').competencies).toEqual([
      // a: (2.5 + 3) / 2 this year; Ann's 2 last year (Ben had no file, Eve left).
      // Change: Ann's own +0.5, over 1 rep (the difference of the means, 2.75 − 2 = 0.75, counted Ben's arrival)
      {
        id: 'a',
        level: (2.5 + 3) / 2,
        previous: 2,
        delta: 0.5,
        deltaReps: 1,
        expected: 3,
        reps: 2,
        previousReps: 1,
        progressed: 1,
        stable: 0,
        regressed: 0,
        unknown: 1,
      },
      {
        id: 'b',
        level: 3,
        previous: 3.5,
        delta: 3 - 3.5,
        deltaReps: 1,
        expected: 3,
        reps: 1,
        previousReps: 1,
        progressed: 0,
        stable: 0,
        regressed: 1,
        unknown: 1,
      },
      none('c', 2),
      none('d', 2),
    ]);
    expect(team('lyon').competencies[0]).toEqual({
      id: 'a',
      level: 1.5,
      previous: 1.5,
      delta: 0,
      deltaReps: 1,
      expected: 3,
      reps: 1,
      previousReps: 1,
      progressed: 0,
      stable: 1,
      regressed: 0,
      unknown: 0,
    });
    expect(team(null).competencies[0]).toEqual({
      id: 'a',
      level: null,
      previous: 3,
      delta: null,
      deltaReps: 0,
      expected: 3,
      reps: 0,
      previousReps: 1,
      ...zeros(1),
    });
  });

  it('averages the overall levels; the overall change is the mean of the reps’ own overall delta', () => {
    // Ann 2.75 (2025: (2 + 3.5) / 2 = 2.75, delta 0), Ben 3 (no 2025). Change: Ann's 0 over 1 rep (was 2.875 − 2.75)
    expect(team('paris-sud').overall).toEqual({ level: (2.75 + 3) / 2, previous: 2.75, delta: 0, deltaReps: 1 });
    expect(team(null).overall).toEqual({ level: null, previous: 3, delta: null, deltaReps: 0 });
  });

  it('counts goals and lists the managers', () => {
    expect(team('paris-sud').goals).toEqual({ set: 2, met: 1, notMet: 0, notAssessed: 1 });
    expect(team('paris-sud').managers).toEqual(['Alain Dupont', 'Jeanne Roux']);
    expect(team(null).managers).toEqual([]);
  });

  it('sums the coaching figures and gives one coverage row per rep', () => {
    expect(team('paris-sud').coaching).toEqual({
      count: 3,
      perMonth: [1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      previousCount: 1,
      repsWithout: 0,
      asOf: '2026-03-31',
      startMonth: 1,
      monthsOver: 3,
      monthInProgress: null,
      // February: neither Ann nor Ben was coached
      monthsWithout: [2],
      coverage: [
        // Ann: 01-01 -> 01-10: 9; 01-10 -> 03-05: 21 + 28 + 5 = 54; 03-05 -> 03-31: 26
        {
          id: 'ann',
          name: 'Ann',
          perMonth: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          count: 2,
          longestGapDays: 54,
          startMonth: 1,
          monthsWithout: [2],
          monthInProgress: null,
        },
        // Ben: 01-01 -> 03-20: 31 + 28 + 19 = 78; 03-20 -> 03-31: 11
        {
          id: 'ben',
          name: 'Ben',
          perMonth: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          count: 1,
          longestGapDays: 78,
          startMonth: 1,
          monthsWithout: [1, 2],
          monthInProgress: null,
        },
      ],
    });
    expect(team(null).coaching).toMatchObject({ count: 0, previousCount: 1, repsWithout: 1 });
  });

  it('has no previous coaching count when no rep has a file last year', () => {
    const fresh = computeFigures(
      dataset([repYear('x1', 2026, { team: 'New', assessments: [on('2026-05-05', {})] })]),
      2026,
      '2026-12-31',
    );
    expect(fresh.teams[0]?.coaching.previousCount).toBeNull();
  });

  it('gives one row per rep for the team table', () => {
    expect(team('paris-sud').members).toEqual([
      {
        id: 'ann',
        name: 'Ann',
        teamId: 'paris-sud',
        manager: 'Jeanne Roux',
        overall: { level: 2.75, previous: 2.75, delta: 0 },
        goals: { set: 1, met: 1, notMet: 0, notAssessed: 0 },
        focus: 'a',
        assessments: 2,
        firstYear: false,
      },
      {
        id: 'ben',
        name: 'Ben',
        teamId: 'paris-sud',
        manager: 'Alain Dupont',
        overall: { level: 3, previous: null, delta: null },
        goals: { set: 1, met: 0, notMet: 0, notAssessed: 1 },
        focus: null,
        assessments: 1,
        firstYear: true,
      },
    ]);
  });
});

describe('organisation', () => {
  const org = figures.organisation;

  it('takes every rep of the year, and only them', () => {
    expect(org.repCount).toBe(4);
    expect(org.members.map((m) => m.id)).toEqual(['cat', 'ann', 'ben', 'dan']);
  });

  it('averages each competency over all reps; the change like for like', () => {
    // a this year: Cat 1.5, Ann 2.5, Ben 3 (Dan none); last year: Cat 1.5, Ann 2, Dan 3 (Eve left)
    // Change: Cat 0, Ann +0.5 -> 0.25 over 2 reps (the difference of the means was 7/3 − 6.5/3 = 1/6)
    expect(org.competencies[0]).toEqual({
      id: 'a',
      level: 7 / 3,
      previous: 6.5 / 3,
      delta: 0.25,
      deltaReps: 2,
      expected: 3,
      reps: 3,
      previousReps: 3,
      progressed: 1,
      stable: 1,
      regressed: 0,
      unknown: 2,
    });
    // b: Ann only
    expect(org.competencies[1]).toMatchObject({
      level: 3,
      previous: 3.5,
      delta: -0.5,
      deltaReps: 1,
      regressed: 1,
      unknown: 3,
    });
  });

  it('averages overall, sums goals and coaching', () => {
    // overall this year: Cat 1.5, Ann 2.75, Ben 3; last year: Cat 1.5, Ann 2.75, Dan 3; change: Cat 0, Ann 0
    expect(org.overall).toEqual({ level: 7.25 / 3, previous: 7.25 / 3, delta: 0, deltaReps: 2 });
    expect(org.goals).toEqual({ set: 3, met: 1, notMet: 1, notAssessed: 1 });
    expect(org.coaching).toMatchObject({
      count: 5,
      perMonth: [1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      previousCount: 3,
      repsWithout: 1,
      monthsWithout: [],
    });
    expect(org.coaching.coverage.map((row) => row.id)).toEqual(['cat', 'ann', 'ben', 'dan']);
    expect(org.managers).toEqual(['Alain Dupont', 'Jeanne Roux', 'Marc']);
  });

  it('puts every team side by side', () => {
    expect(org.teams.map((t) => [t.id, t.name, t.repCount, t.assessments, t.overall.level])).toEqual([
      ['lyon', 'Lyon', 1, 2, 1.5],
      ['paris-sud', 'Paris Sud', 2, 3, 2.875],
      [null, null, 1, 0, null],
    ]);
    // changed: Ann's own +0.5 over 1 rep, not 2.75 − 2
    expect(org.teams[1]?.competencies[0]).toEqual({ id: 'a', level: 2.75, previous: 2, delta: 0.5, deltaReps: 1 });
    expect(org.teams[1]?.overall).toEqual({ level: 2.875, previous: 2.75, delta: 0, deltaReps: 1 });
    expect(org.teams[1]?.goals).toEqual({ set: 2, met: 1, notMet: 0, notAssessed: 1 });
  });
});
