/**
 * computeFigures end to end on one rep compared with last year. Every
 * expected value is worked out by hand in the comments and written as a
 * literal or a plain expression of the scores.
 */
import { describe, expect, it } from 'vitest';
import { computeFigures, latestYear } from '../../src/analyze/index.js';
import type { CompetencyFigures, RepFigures } from '../../src/analyze/index.js';
import { dataset, framework, on, repYear } from '../fixtures/figures-builders.js';

/** A build after the end of 2026: asOf(2026) = 2026-12-31, asOf(2025) = 2025-12-31. */
const AS_OF = '2027-01-15';

// Alice, 2026 (file order matters: #1 and #4 share a date).
const alice2026 = repYear('alice', 2026, {
  name: 'Alice Martin',
  team: 'Paris Sud',
  manager: 'Jeanne Roux',
  goals: [
    { competency: 'a', target: 3, note: 'Ask open questions' },
    { competency: 'b', target: 2.5 },
    { competency: 'd', target: 2 },
  ],
  results: { target: 1000, achieved: 900 },
  assessments: [
    on('2026-05-10', { a: 3, b: 2 }, 'x'), // #0
    on('2026-02-01', { a: 2, c: 1.5 }, 'y'), // #1
    on('2026-09-15', { a: 3.5, b: 2.5 }, 'y'), // #2
    on('2026-05-10', { a: 2.5 }, 'x'), // #3: same date as #0, later in the file
  ],
});
const alice2025 = repYear('alice', 2025, {
  name: 'Alice Martin',
  team: 'Paris Sud',
  results: { target: 800, achieved: 1000 },
  assessments: [
    on('2025-06-01', { a: 2.5, c: 2.5 }),
    on('2025-03-01', { a: 2, b: 3 }),
    on('2025-11-20', { a: 2, b: 2 }),
  ],
});
const bob2025 = repYear('bob', 2025, {
  name: 'Bob Left',
  team: 'Paris Sud',
  assessments: [on('2025-04-01', { a: 4 })],
});
const carol2026 = repYear('carol', 2026, {
  name: 'Carol New',
  team: 'Paris Sud',
  assessments: [on('2026-03-03', { a: 2, b: 2 })],
});

const figures = computeFigures(dataset([alice2025, bob2025, alice2026, carol2026]), 2026, AS_OF);

function rep(id: string): RepFigures {
  const found = figures.reps.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no figures for ${id}`);
  return found;
}
function competency(r: RepFigures, id: string): CompetencyFigures {
  const found = r.competencies.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no competency ${id}`);
  return found;
}

describe('computeFigures: the reps of the year', () => {
  it('lists the reps having a file in the year, sorted by team then name; a rep who left is absent', () => {
    expect(figures.year).toBe(2026);
    expect(figures.reps.map((r) => r.id)).toEqual(['alice', 'carol']);
    expect(figures.teams.flatMap((t) => t.members.map((m) => m.id))).toEqual(['alice', 'carol']);
    expect(figures.organisation.repCount).toBe(2);
  });

  it('carries the identity of the rep', () => {
    const alice = rep('alice');
    expect({
      id: alice.id,
      name: alice.name,
      team: alice.team,
      teamId: alice.teamId,
      role: alice.role,
      manager: alice.manager,
      since: alice.since,
      firstYear: alice.firstYear,
    }).toEqual({
      id: 'alice',
      name: 'Alice Martin',
      team: 'Paris Sud',
      teamId: 'paris-sud',
      role: 'flat',
      manager: 'Jeanne Roux',
      since: null,
      firstYear: false,
    });
  });
});

describe('computeFigures: levels, means, deltas (SPEC §5)', () => {
  // s(a,2026) in date order: 2 (02-01), 3 (05-10 #0), 2.5 (05-10 #3), 3.5 (09-15)
  // s(a,2025): 2 (03-01), 2.5 (06-01), 2 (11-20)
  // s(b,2026): 2, 2.5        s(b,2025): 3, 2
  // s(c,2026): 1.5           s(c,2025): 2.5
  // s(d,…): none
  const rows: Array<[string, Partial<CompetencyFigures>]> = [
    [
      'a',
      {
        level: (2.5 + 3.5) / 2,
        previous: (2.5 + 2) / 2,
        delta: 3 - 2.25,
        mean: (2 + 3 + 2.5 + 3.5) / 4,
        previousMean: (2 + 2.5 + 2) / 3,
        expected: 3,
        gap: 3 - 3,
        count: 4,
        previousCount: 3,
        trend: 'progressed',
      },
    ],
    [
      'b',
      {
        level: (2 + 2.5) / 2,
        previous: (3 + 2) / 2,
        delta: 2.25 - 2.5,
        mean: 2.25,
        previousMean: 2.5,
        expected: 3,
        gap: 3 - 2.25,
        count: 2,
        previousCount: 2,
        trend: 'regressed',
      },
    ],
    [
      'c',
      {
        level: 1.5,
        previous: 2.5,
        delta: 1.5 - 2.5,
        mean: 1.5,
        previousMean: 2.5,
        expected: 3,
        gap: 3 - 1.5,
        count: 1,
        previousCount: 1,
        trend: 'regressed',
      },
    ],
    [
      'd',
      {
        level: null,
        previous: null,
        delta: null,
        mean: null,
        previousMean: null,
        expected: 3,
        gap: null,
        count: 0,
        previousCount: 0,
        trend: null,
      },
    ],
  ];
  it.each(rows)('competency %s', (id, expected) => {
    expect(competency(rep('alice'), id)).toMatchObject(expected);
  });

  it('lists competencies in framework order', () => {
    expect(rep('alice').competencies.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders same-date scores by file order: the later entry of 05-10 is the one before the last', () => {
    // File order gives 2.5 then 3.5 as the last two (level 3); the reverse would give (3 + 3.5) / 2 = 3.25.
    expect(competency(rep('alice'), 'a').level).toBe(3);
    expect(competency(rep('alice'), 'a').scores).toEqual([
      { date: '2026-02-01', score: 2, context: 'y', assessment: 1 },
      { date: '2026-05-10', score: 3, context: 'x', assessment: 0 },
      { date: '2026-05-10', score: 2.5, context: 'x', assessment: 3 },
      { date: '2026-09-15', score: 3.5, context: 'y', assessment: 2 },
    ]);
  });

  it("keeps last year's series in date order, for the chart", () => {
    expect(competency(rep('alice'), 'a').previousScores.map((p) => [p.date, p.score])).toEqual([
      ['2025-03-01', 2],
      ['2025-06-01', 2.5],
      ['2025-11-20', 2],
    ]);
  });

  it('computes overall as the mean of the levels that exist, and its delta', () => {
    // 2026: a 3, b 2.25, c 1.5 (d none) -> 6.75 / 3 ; 2025: a 2.25, b 2.5, c 2.5 -> 7.25 / 3
    expect(rep('alice').overall).toEqual({ level: 6.75 / 3, previous: 7.25 / 3, delta: 6.75 / 3 - 7.25 / 3 });
  });

  it('counts trends', () => {
    expect(rep('alice').trends).toEqual({ progressed: 1, stable: 0, regressed: 2, unknown: 1 });
  });
});

describe('computeFigures: goals, diagnosis, contexts', () => {
  it('gives each goal the level of its competency and a status', () => {
    expect(rep('alice').goals).toEqual([
      { competency: 'a', target: 3, level: 3, status: 'met', note: 'Ask open questions' }, // level = target
      { competency: 'b', target: 2.5, level: 2.25, status: 'not-met', note: null },
      { competency: 'd', target: 2, level: null, status: 'not-assessed', note: null },
    ]);
  });

  it('proposes as focus only competencies with two scores or more, largest gap first', () => {
    // gaps: a 0, b 0.75, c 1.5 (but one score: uncertain), d none
    expect(rep('alice').focus).toEqual(['b', 'a']);
    expect(rep('alice').uncertain).toEqual(['c', 'd']);
    expect(rep('alice').competencies.map((c) => [c.id, c.focusRank, c.uncertain])).toEqual([
      ['a', 2, false],
      ['b', 1, false],
      ['c', null, true],
      ['d', null, true],
    ]);
  });

  it('computes context levels and the weakest context', () => {
    // a: x = (3 + 2.5) / 2 = 2.75, y = (2 + 3.5) / 2 = 2.75: a tie, x first in the framework
    expect(competency(rep('alice'), 'a').contexts).toEqual([
      { id: 'x', level: 2.75, count: 2 },
      { id: 'y', level: 2.75, count: 2 },
      { id: 'z', level: null, count: 0 },
    ]);
    expect(competency(rep('alice'), 'a').weakestContext).toBe('x');
    // b: x = 2, y = 2.5
    expect(competency(rep('alice'), 'b').weakestContext).toBe('x');
    // c: observed in y only
    expect(competency(rep('alice'), 'c').weakestContext).toBeNull();
    expect(competency(rep('alice'), 'd').weakestContext).toBeNull();
  });
});

describe('computeFigures: coaching and results', () => {
  it('counts assessments per month and measures the longest stretch', () => {
    // 2026-01-01 -> 02-01: 31; 02-01 -> 05-10: 28 + 31 + 30 + 9 = 98; 05-10 -> 05-10: 0; 05-10 -> 09-15: 31 + 30 + 31 + 31 + 5 = 128;
    //   09-15 -> end 12-31: 15 + 31 + 30 + 31 = 107
    // 2025-01-01 -> 03-01: 31 + 28 = 59; 03-01 -> 06-01: 31 + 30 + 31 = 92; 06-01 -> 11-20: 30 + 31 + 31 + 30 + 31 + 19 = 172;
    //   11-20 -> end 12-31: 10 + 31 = 41
    // Months: numbers 1–12, every month over on 31 December.
    expect(rep('alice').coaching).toEqual({
      count: 4,
      perMonth: [0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0],
      longestGapDays: 128,
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-12-31',
      first: '2026-02-01',
      last: '2026-09-15',
      monthsWithout: [1, 3, 4, 6, 7, 8, 10, 11, 12],
      monthsOver: 12,
      monthInProgress: null,
      previous: {
        count: 3,
        perMonth: [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0],
        longestGapDays: 172,
        start: '2025-01-01',
        end: '2025-12-31',
        asOf: '2025-12-31',
        first: '2025-03-01',
        last: '2025-11-20',
        monthsWithout: [1, 2, 4, 5, 7, 8, 9, 10, 12],
        monthsOver: 12,
        monthInProgress: null,
      },
    });
  });

  it('gives the results ratio this year and last', () => {
    expect(rep('alice').results).toEqual({
      ratio: 900 / 1000,
      previous: 1000 / 800,
      target: 1000,
      achieved: 900,
      previousTarget: 800,
      previousAchieved: 1000,
    });
  });
});

describe('computeFigures: a first year', () => {
  it('has no comparison at all, and nothing fails', () => {
    const carol = rep('carol');
    expect(carol.firstYear).toBe(true);
    expect(carol.overall).toEqual({ level: 2, previous: null, delta: null });
    for (const c of carol.competencies) {
      expect([c.id, c.previous, c.delta, c.trend, c.previousMean, c.previousCount, c.previousScores]).toEqual([
        c.id,
        null,
        null,
        null,
        null,
        null,
        [],
      ]);
    }
    expect(carol.coaching.previous).toBeNull();
    expect(carol.results).toEqual({
      ratio: null,
      previous: null,
      target: null,
      achieved: null,
      previousTarget: null,
      previousAchieved: null,
    });
    expect(carol.trends).toEqual({ progressed: 0, stable: 0, regressed: 0, unknown: 4 });
    // one score each for a and b: everything is uncertain, nothing proposed
    expect(carol.focus).toEqual([]);
    expect(carol.uncertain).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('computeFigures: years', () => {
  it('uses y−1 only, not an older file', () => {
    const old = repYear('dora', 2024, { assessments: [on('2024-05-01', { a: 1 })] });
    const now = repYear('dora', 2026, { assessments: [on('2026-05-01', { a: 3 })] });
    const dora = computeFigures(dataset([old, now]), 2026, AS_OF).reps[0];
    expect(dora?.firstYear).toBe(true);
    expect(dora?.competencies[0]?.previous).toBeNull();
  });

  it('gives empty figures for a year without files', () => {
    const empty = computeFigures(dataset([alice2025]), 2027, AS_OF);
    expect(empty.reps).toEqual([]);
    expect(empty.teams).toEqual([]);
    expect(empty.organisation.repCount).toBe(0);
    expect(empty.organisation.overall).toEqual({ level: null, previous: null, delta: null, deltaReps: 0 });
  });

  it('computes a past year too, comparing with the year before it', () => {
    const past = computeFigures(dataset([alice2025, bob2025, alice2026, carol2026]), 2025, AS_OF);
    expect(past.reps.map((r) => [r.id, r.firstYear])).toEqual([
      ['alice', true],
      ['bob', true],
    ]);
    expect(past.reps[0]?.competencies[0]?.level).toBe((2.5 + 2) / 2);
  });

  it.each([
    [[2024, 2026, 2025], 2026],
    [[2025], 2025],
    [[], null],
  ])('latestYear of %j is %s', (years, expected) => {
    expect(latestYear({ root: 'data', framework: framework(), years, reps: [] })).toBe(expected);
  });
});

describe('computeFigures: expected levels from the role', () => {
  const scores = [on('2026-03-01', { a: 2, b: 2, c: 2, d: 2 }), on('2026-04-01', { a: 2, b: 2, c: 2, d: 2 })];
  it.each([
    ['flat', [3, 3, 3, 3], [1, 1, 1, 1]],
    ['mapped', [2, 4, 2, 2], [0, 2, 0, 0]], // default 2, b 4
    ['partial', [3, null, 2, null], [1, null, 0, null]], // no default: b and d have no expected level
    ['unknown-role', [null, null, null, null], [null, null, null, null]],
  ])('role %s', (role, expected, gaps) => {
    const r = computeFigures(dataset([repYear('r', 2026, { role, assessments: scores })]), 2026, AS_OF).reps[0];
    expect(r?.competencies.map((c) => c.expected)).toEqual(expected);
    expect(r?.competencies.map((c) => c.gap)).toEqual(gaps);
  });

  it('never reads a competency id from the object prototype', () => {
    const fw = framework({
      competencies: [{ id: 'constructor', label: 'Odd' }],
      roles: [{ id: 'flat', label: 'Flat', expected: { a: 3 } }],
    });
    const r = computeFigures(dataset([repYear('r', 2026, { assessments: [on('2026-03-01', {})] })], fw), 2026, AS_OF)
      .reps[0];
    expect(r?.competencies[0]).toMatchObject({ id: 'constructor', expected: null, level: null, count: 0 });
  });
});

describe('computeFigures: ordering of reps', () => {
  it('sorts by team id (reps without a team last), then by name ignoring accents, then id', () => {
    const reps = [
      repYear('z1', 2026, { name: 'Zoé', team: 'Lyon' }),
      repYear('e1', 2026, { name: 'Élodie', team: 'Lyon' }),
      repYear('a1', 2026, { name: 'Adam', team: 'Lyon' }),
      repYear('n1', 2026, { name: 'Nadia' }),
      repYear('b1', 2026, { name: 'Bruno', team: 'Annecy' }),
      repYear('a3', 2026, { name: 'Adam', team: 'Lyon' }),
    ];
    expect(computeFigures(dataset(reps), 2026, AS_OF).reps.map((r) => r.id)).toEqual([
      'b1',
      'a1',
      'a3',
      'e1',
      'z1',
      'n1',
    ]);
  });
});
