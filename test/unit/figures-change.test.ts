/**
 * SPEC §5 as revised: the change of a team or of the organisation is like for
 * like — "the mean of the reps' own `delta` over the reps who have both
 * levels, with that number of reps beside it; none when no rep has both" —
 * and the `revue figures` JSON of SPEC §7. Values computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { computeFigures, stringifyFigures } from '../../src/analyze/index.js';
import type { TeamFigures } from '../../src/analyze/index.js';
import { dataset, on, repYear } from '../fixtures/figures-builders.js';

const BUILD_DATE = '2026-12-01';

// Paris Sud: Ann a 2 -> 2.5 (+0.5), Ben a 2 -> 2 (+0), Cat joins at a 1 (first year).
// Lyon: Dan a 3 -> 2.5 (−0.5), Eve b 2 -> 3 (+1).
const records = [
  repYear('ann', 2025, { name: 'Ann', team: 'Paris Sud', assessments: [on('2025-05-01', { a: 2 })] }),
  repYear('ann', 2026, { name: 'Ann', team: 'Paris Sud', assessments: [on('2026-05-01', { a: 2.5 })] }),
  repYear('ben', 2025, { name: 'Ben', team: 'Paris Sud', assessments: [on('2025-05-01', { a: 2 })] }),
  repYear('ben', 2026, { name: 'Ben', team: 'Paris Sud', assessments: [on('2026-05-01', { a: 2 })] }),
  repYear('cat', 2026, { name: 'Cat', team: 'Paris Sud', assessments: [on('2026-03-10', { a: 1 })] }),
  repYear('dan', 2025, { name: 'Dan', team: 'Lyon', assessments: [on('2025-05-01', { a: 3 })] }),
  repYear('dan', 2026, { name: 'Dan', team: 'Lyon', assessments: [on('2026-05-01', { a: 2.5 })] }),
  repYear('eve', 2025, { name: 'Eve', team: 'Lyon', assessments: [on('2025-05-01', { b: 2 })] }),
  repYear('eve', 2026, { name: 'Eve', team: 'Lyon', assessments: [on('2026-05-01', { b: 3 })] }),
];
const figures = computeFigures(dataset(records), 2026, BUILD_DATE);

function team(id: string): TeamFigures {
  const found = figures.teams.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no team ${id}`);
  return found;
}

describe('team change, like for like', () => {
  it('a beginner joins and nobody regresses: the change is ≥ 0', () => {
    const a = team('paris-sud').competencies[0];
    // means: (2.5 + 2 + 1) / 3 ≈ 1.83 this year, 2 last year: their difference (≈ −0.17) would say "regressed"
    // like for like: (+0.5 + 0) / 2 = +0.25 over Ann and Ben
    expect(a).toMatchObject({
      id: 'a',
      level: (2.5 + 2 + 1) / 3,
      previous: 2,
      delta: 0.25,
      deltaReps: 2,
      progressed: 1,
      stable: 1,
      regressed: 0,
    });
    expect(a?.delta).toBeGreaterThanOrEqual(0);
    // overall: each rep's overall is their level of a
    expect(team('paris-sud').overall).toEqual({ level: (2.5 + 2 + 1) / 3, previous: 2, delta: 0.25, deltaReps: 2 });
  });

  it('is none, over 0 reps, when no rep has both levels', () => {
    // b in Paris Sud: nobody observed; c: nobody at all
    expect(team('paris-sud').competencies[1]).toMatchObject({ level: null, previous: null, delta: null, deltaReps: 0 });
    const fresh = computeFigures(
      dataset([repYear('new', 2026, { team: 'New', assessments: [on('2026-02-01', { a: 3 })] })]),
      2026,
      BUILD_DATE,
    );
    expect(fresh.teams[0]?.competencies[0]).toMatchObject({ level: 3, previous: null, delta: null, deltaReps: 0 });
    expect(fresh.teams[0]?.overall).toEqual({ level: 3, previous: null, delta: null, deltaReps: 0 });
  });

  it('Lyon: each competency over its own reps', () => {
    // a: Dan −0.5 over 1; b: Eve +1 over 1; overall: (−0.5 + 1) / 2 = 0.25 over 2
    expect(team('lyon').competencies.slice(0, 2)).toMatchObject([
      { id: 'a', level: 2.5, previous: 3, delta: -0.5, deltaReps: 1, regressed: 1 },
      { id: 'b', level: 3, previous: 2, delta: 1, deltaReps: 1, progressed: 1 },
    ]);
    expect(team('lyon').overall).toEqual({ level: (2.5 + 3) / 2, previous: (3 + 2) / 2, delta: 0.25, deltaReps: 2 });
  });
});

describe('organisation change, like for like', () => {
  const org = figures.organisation;

  it('per competency', () => {
    // a: Dan −0.5, Ann +0.5, Ben 0 -> 0 over 3 (means: 8/4 = 2 vs 7/3: −0.33 by difference)
    expect(org.competencies[0]).toMatchObject({ level: 2, previous: 7 / 3, delta: 0, deltaReps: 3 });
    expect(org.competencies[1]).toMatchObject({ level: 3, previous: 2, delta: 1, deltaReps: 1 });
  });

  it('overall', () => {
    // overall this year: Dan 2.5, Eve 3, Ann 2.5, Ben 2, Cat 1 -> 11 / 5; last year: Dan 3, Eve 2, Ann 2, Ben 2 -> 9 / 4
    // difference of means: 2.2 − 2.25 = −0.05; like for like: (−0.5 + 1 + 0.5 + 0) / 4 = +0.25 over 4 (Cat has no delta)
    expect(org.overall).toEqual({ level: 11 / 5, previous: 9 / 4, delta: 0.25, deltaReps: 4 });
  });

  it('in the team columns', () => {
    expect(org.teams.map((t) => [t.id, t.overall.delta, t.overall.deltaReps])).toEqual([
      ['lyon', 0.25, 2],
      ['paris-sud', 0.25, 2],
    ]);
    expect(org.teams[1]?.competencies[0]).toEqual({
      id: 'a',
      level: (2.5 + 2 + 1) / 3,
      previous: 2,
      delta: 0.25,
      deltaReps: 2,
    });
  });
});

/** A member of a parsed JSON object, typed `unknown` so that every use is checked. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** The element of the list `json[key]` whose `id` is `id`. */
function byId(json: unknown, key: string, id: string): unknown {
  const list = field(json, key);
  return Array.isArray(list) ? list.find((item) => field(item, 'id') === id) : undefined;
}

describe('revue figures JSON (SPEC §7)', () => {
  const json: unknown = JSON.parse(stringifyFigures(figures));

  it('gives monthsWithout as month numbers 1–12, and the month in progress', () => {
    // Cat, coached once on 03-10, built on 12-01: January … November over, March coached
    expect(field(byId(json, 'reps', 'cat'), 'coaching')).toMatchObject({
      count: 1,
      perMonth: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      longestGapDays: 266,
      monthsWithout: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11],
      monthInProgress: 12,
      previous: null,
    });
    // Ann 2025, one assessment on 05-01 as of 2025-12-31: 01-01 -> 05-01 = 120; 05-01 -> 12-31 = 244
    expect(field(field(byId(json, 'reps', 'ann'), 'coaching'), 'previous')).toMatchObject({
      count: 1,
      longestGapDays: 244,
      monthsWithout: [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12],
    });
    expect(field(field(byId(json, 'reps', 'cat'), 'coaching'), 'asOf')).toBe(BUILD_DATE);
    expect(Object.keys(json ?? {})).toEqual(['year', 'reps', 'teams', 'organisation']);
  });

  it('gives each team and the organisation delta with deltaReps', () => {
    const paris = byId(json, 'teams', 'paris-sud');
    expect(field(paris, 'overall')).toEqual({ level: 5.5 / 3, previous: 2, delta: 0.25, deltaReps: 2 });
    const first = field(field(paris, 'competencies'), '0');
    for (const key of ['id', 'level', 'previous', 'delta', 'deltaReps', 'progressed', 'stable', 'regressed'])
      expect(first).toHaveProperty(key);
    const organisation = field(json, 'organisation');
    expect(field(organisation, 'overall')).toEqual({ level: 2.2, previous: 2.25, delta: 0.25, deltaReps: 4 });
    expect(organisation).not.toHaveProperty('id');
  });
});
