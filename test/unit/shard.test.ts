/** `--shard K/N`: which reports each shard renders (src/plan/shard.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, repSlice, selectShard, type Shard } from '../../src/plan/shard.js';

interface Report {
  kind: 'rep' | 'team' | 'organisation';
  id: string;
}

const reps = (n: number): Report[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'rep', id: `rep-${String(i + 1).padStart(3, '0')}` }));
const teams = (n: number): Report[] => Array.from({ length: n }, (_, i) => ({ kind: 'team', id: `team-${i + 1}` }));
const organisation: Report = { kind: 'organisation', id: 'organisation' };
const ids = (list: readonly Report[]) => list.map((r) => r.id);
const shards = (count: number): Shard[] => Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['3/40', { index: 3, count: 40 }],
    [' 2 / 4 ', { index: 2, count: 4 }],
  ])('reads %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each([
    ['0/4', 'between 1 and 4'],
    ['5/4', 'between 1 and 4'],
    ['1/0', 'whole number ≥ 1'],
    ['3', 'expects K/N'],
    ['a/b', 'expects K/N'],
    ['-1/4', 'expects K/N'],
    ['1.5/4', 'expects K/N'],
  ])('refuses %j as wrong usage', (text, message) => {
    expect(() => parseShard(text)).toThrowError(expect.objectContaining({ code: 'USAGE' }));
    expect(() => parseShard(text)).toThrowError(message);
  });
});

describe('selectShard', () => {
  it('gives everything to a single shard', () => {
    const all = [...reps(5), ...teams(2), organisation];
    expect(selectShard(all, { index: 1, count: 1 })).toEqual(all);
  });

  it('puts the team and organisation reports in shard 1, and cuts the reps in id order into even slices', () => {
    // 10 reps + 3 group reports = 13 reports, 4 a shard: shard 1 takes the 3 groups and 1 rep,
    // the other 9 reps are cut into 4 and 5.
    const all = [organisation, ...teams(2), ...reps(10).reverse()];
    const [one, two, three] = shards(3).map((shard) => ids(selectShard(all, shard)));
    expect(one).toEqual(['organisation', 'team-1', 'team-2', 'rep-001']);
    expect(two).toEqual(['rep-002', 'rep-003', 'rep-004', 'rep-005'].reverse());
    expect(three).toEqual(['rep-006', 'rep-007', 'rep-008', 'rep-009', 'rep-010'].reverse());
  });

  it('keeps the order of the plan within a shard', () => {
    const all = [...reps(4), ...teams(1), organisation];
    expect(ids(selectShard(all, { index: 1, count: 2 }))).toEqual(['rep-001', 'team-1', 'organisation']);
  });

  it('gives shard 1 no rep at all when the group reports are a full share already', () => {
    // 12 reps + 5 groups over 4 shards: 4 a shard; the 5 groups are more than that.
    const all = [...reps(12), ...teams(4), organisation];
    const slices = shards(4).map((shard) => selectShard(all, shard));
    expect(slices[0]?.every((r) => r.kind !== 'rep')).toBe(true);
    expect(slices.slice(1).map((s) => s.length)).toEqual([4, 4, 4]);
  });

  it('renders only reps when there is no team or organisation report (--rep)', () => {
    const all = reps(7);
    expect(shards(3).map((shard) => ids(selectShard(all, shard)))).toEqual([
      ['rep-001', 'rep-002'],
      ['rep-003', 'rep-004'],
      ['rep-005', 'rep-006', 'rep-007'],
    ]);
  });

  it('leaves shards empty rather than failing when there are more shards than reports', () => {
    const all = [...reps(2), organisation];
    const slices = shards(5).map((shard) => ids(selectShard(all, shard)));
    expect(slices.flat().sort()).toEqual(['organisation', 'rep-001', 'rep-002']);
  });

  it('refuses a shard outside 1..N', () => {
    expect(() => selectShard(reps(3), { index: 4, count: 3 })).toThrowError(expect.objectContaining({ code: 'USAGE' }));
  });

  it('for any organisation: every report in exactly one shard, groups in shard 1, reps even to one report', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 50 }),
        (repCount, teamCount, count) => {
          const all = [...reps(repCount), ...teams(teamCount), organisation];
          const slices = shards(count).map((shard) => selectShard(all, shard));
          // A partition of the reports.
          expect(
            slices
              .flat()
              .map((r) => r.id)
              .sort(),
          ).toEqual(ids(all).sort());
          // Group reports in shard 1 only.
          for (const [i, slice] of slices.entries()) expect(slice.some((r) => r.kind !== 'rep')).toBe(i === 0);
          // Shards 2..N even to one report; shard 1 no more than a fair share plus its groups.
          const others = slices.slice(1).map((s) => s.length);
          if (others.length > 0) expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
          const fair = Math.floor(all.length / count);
          expect(slices[0]?.length).toBeLessThanOrEqual(Math.max(fair, teamCount + 1));
        },
      ),
    );
  });

  it('moves at most one rep across each boundary when a rep is added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 2, max: 20 }),
        fc.nat(),
        (repCount, groups, count, at) => {
          const before = reps(repCount).map((r) => r.id);
          const added = [...before];
          added.splice(at % (repCount + 1), 0, 'rep-new');
          const shardOf = (list: readonly string[]) => {
            const where = new Map<string, number>();
            for (let k = 1; k <= count; k++) {
              const [start, end] = repSlice(list.length, groups, { index: k, count });
              for (const id of [...list].sort().slice(start, end)) where.set(id, k);
            }
            return where;
          };
          const was = shardOf(before);
          const now = shardOf(added);
          const moved = before.filter((id) => was.get(id) !== now.get(id));
          expect(moved.length).toBeLessThanOrEqual(count - 1);
        },
      ),
    );
  });
});
