/**
 * Invariants of the figures over random datasets (fast-check): whatever the
 * data, nothing is NaN or undefined and the figures agree with each other.
 * The exact values are checked by hand in the other figures tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import type { Figures, GroupFigures, RepFigures } from '../../src/analyze/index.js';
import type { RepRecord } from '../../src/model/dataset.js';
import type { Assessment } from '../../src/model/schema.js';
import { dataset, repYear } from '../fixtures/figures-builders.js';

const COMPETENCIES = ['a', 'b', 'c', 'd'];
const score = fc.integer({ min: 2, max: 8 }).map((half) => half / 2);

function dateOf(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

const assessment = (year: number): fc.Arbitrary<Assessment> =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 364 }),
      context: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: undefined }),
      scores: fc.dictionary(fc.constantFrom(...COMPETENCIES), score, { maxKeys: 4 }),
    })
    .map(({ day, context, scores }) =>
      context === undefined ? { date: dateOf(year, day), scores } : { date: dateOf(year, day), context, scores },
    );

const repFile = (id: string, year: number): fc.Arbitrary<RepRecord> =>
  fc
    .record({
      team: fc.option(fc.constantFrom('Paris Sud', 'Lyon', 'Nord'), { nil: undefined }),
      role: fc.constantFrom('flat', 'mapped', 'partial'),
      since: fc.option(fc.integer({ min: 0, max: 364 }), { nil: undefined }),
      assessments: fc.array(assessment(year), { maxLength: 8 }),
      target: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    })
    .map(({ team, role, since, assessments, target }) =>
      repYear(id, year, {
        role,
        assessments,
        ...(team === undefined ? {} : { team }),
        ...(since === undefined ? {} : { since: dateOf(year, since) }),
        ...(target === undefined ? {} : { goals: [{ competency: 'a', target: 2 }], results: { target, achieved: 2 } }),
      }),
    );

const records: fc.Arbitrary<RepRecord[]> = fc
  .tuple(
    ...['r1', 'r2', 'r3', 'r4', 'r5'].map((id) =>
      fc.tuple(fc.option(repFile(id, 2025), { nil: undefined }), fc.option(repFile(id, 2026), { nil: undefined })),
    ),
  )
  .map((pairs) => pairs.flat().filter((record): record is RepRecord => record !== undefined));

function everyValue(value: unknown, visit: (value: unknown) => void): void {
  visit(value);
  if (Array.isArray(value)) for (const item of value) everyValue(item, visit);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) everyValue(item, visit);
}

/** A build's date from mid-2025 to early 2027: before, during and after the year 2026. */
const buildDate = fc.integer({ min: 150, max: 365 + 365 + 60 }).map((day) => dateOf(2025, day));

function check(figures: Figures, expectedReps: number): void {
  let invalid = 0;
  let numbers = 0;
  everyValue(figures, (value) => {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) invalid++;
    if (typeof value === 'number') numbers++;
  });
  expect(invalid).toBe(0);
  expect(numbers).toBeGreaterThan(0);
  expect(figures.reps).toHaveLength(expectedReps);
  expect(figures.organisation.repCount).toBe(expectedReps);
  expect(figures.teams.reduce((sum, team) => sum + team.repCount, 0)).toBe(expectedReps);

  for (const rep of figures.reps) {
    expect(rep.competencies.map((c) => c.id)).toEqual(COMPETENCIES);
    for (const c of rep.competencies) {
      expect(c.level === null).toBe(c.count === 0);
      expect(c.scores).toHaveLength(c.count);
      expect(c.uncertain).toBe(c.count < 2);
      for (const value of [c.level, c.mean]) if (value !== null) expect(value >= 1 && value <= 4).toBe(true);
      const dates = c.scores.map((p) => p.date);
      expect(dates).toEqual([...dates].sort());
      if (c.weakestContext !== null) {
        const observed = c.contexts.flatMap((x) => (x.level === null ? [] : [x.level]));
        expect(observed.length).toBeGreaterThanOrEqual(2);
        expect(c.contexts.find((x) => x.id === c.weakestContext)?.level).toBe(Math.min(...observed));
      }
      expect(c.trend === null).toBe(c.delta === null);
    }
    expect(rep.focus.length).toBeLessThanOrEqual(3);
    for (const id of rep.focus) expect(rep.uncertain).not.toContain(id);
    expect(
      rep.competencies
        .filter((c) => c.focusRank !== null)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...rep.focus].sort());
    const t = rep.trends;
    expect(t.progressed + t.stable + t.regressed + t.unknown).toBe(COMPETENCIES.length);
    const coaching = rep.coaching;
    expect(coaching.perMonth).toHaveLength(12);
    expect(coaching.perMonth.reduce((a, b) => a + b, 0)).toBe(coaching.count);
    expect(Number.isInteger(coaching.longestGapDays)).toBe(true);
    expect(coaching.longestGapDays >= 0 && coaching.longestGapDays <= 364).toBe(true);
    // The missed months are exactly the empty months from start's month through the last month over.
    const first = Number(coaching.start.slice(5, 7));
    const expectedMissed: number[] = [];
    for (let month = first; month <= coaching.monthsOver; month++)
      if (coaching.perMonth[month - 1] === 0) expectedMissed.push(month);
    expect(coaching.monthsWithout).toEqual(expectedMissed);
    if (coaching.monthInProgress !== null) {
      expect(coaching.monthInProgress).toBe(coaching.monthsOver + 1);
      expect(coaching.monthsWithout).not.toContain(coaching.monthInProgress);
    }
    expect(coaching.asOf <= '2026-12-31').toBe(true);
    // end = asOf or the last assessment if later, never before start (a period not begun yet is empty)
    expect(coaching.end >= coaching.start).toBe(true);
    expect(coaching.end >= coaching.asOf || coaching.end === coaching.start).toBe(true);
  }
  for (const group of [...figures.teams, figures.organisation]) checkChange(group, figures.reps);
}

/** SPEC §5 change like for like: a mean of the reps' own deltas, so within their range and ≥ 0 when none regressed. */
function checkChange(group: GroupFigures, reps: readonly RepFigures[]): void {
  const members = reps.filter((rep) => group.members.some((m) => m.id === rep.id));
  const comparisons = [
    { change: group.overall, deltas: members.map((rep) => rep.overall.delta) },
    ...group.competencies.map((c, i) => ({
      change: c,
      deltas: members.map((rep) => rep.competencies[i]?.delta ?? null),
    })),
  ];
  for (const { change, deltas } of comparisons) {
    const known = deltas.filter((d): d is number => d !== null);
    expect(change.deltaReps).toBe(known.length);
    expect(change.delta === null).toBe(known.length === 0);
    if (change.delta === null) continue;
    expect(change.delta).toBeGreaterThanOrEqual(Math.min(...known) - 1e-9);
    expect(change.delta).toBeLessThanOrEqual(Math.max(...known) + 1e-9);
  }
}

describe('figures invariants', () => {
  it('hold for any dataset', () => {
    fc.assert(
      fc.property(records, buildDate, (all, date) => {
        check(computeFigures(dataset(all), 2026, date), all.filter((r) => r.year === 2026).length);
      }),
      { numRuns: 150 },
    );
  });
});
