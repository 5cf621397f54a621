/**
 * `--shard K/N` (SPEC §7): which reports the K-th of N machines renders, so
 * that N machines sharing a large organisation produce exactly the files one
 * machine would, each exactly once.
 *
 * The choice, deterministic and computed by every shard from the same data:
 * - The team and organisation reports and the index are rendered by shard 1
 *   (they need every rep's figures, which every shard computes anyway).
 * - The rep reports, in rep id order, are cut into contiguous slices of equal
 *   work: shard 1's slice is shorter by the team and organisation reports it
 *   already carries (none at all when those alone are a full share), the
 *   other shards' slices differ by at most one report.
 *
 * Contiguous slices rather than a hash of the id: the shards are even to one
 * report (a hash leaves the largest shard some 15 % above the mean at 250
 * reports a shard, and the whole job waits for it), and adding or removing a
 * rep moves at most one rep across each slice boundary.
 */
import { UsageError } from '../errors.js';
import { compareText } from '../model/text.js';
import { said } from '../messages/stage.js';

export interface Shard {
  /** 1-based: the K of `--shard K/N`. */
  index: number;
  /** The N of `--shard K/N`. */
  count: number;
}

/** The whole build: what no `--shard` means. */
export const WHOLE: Shard = { index: 1, count: 1 };

/** Reads `K/N` as typed on the command line. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new UsageError(said('shardExpects', { value: text }), { hint: said('shardExpectsHint') });
  return checkShard({ index: Number(match[1]), count: Number(match[2]) });
}

export function checkShard(shard: Shard): Shard {
  const { index, count } = shard;
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(said('shardCount', { count }));
  if (!Number.isSafeInteger(index) || index < 1 || index > count)
    throw new UsageError(said('shardRange', { count, index }), { hint: said('shardRangeHint') });
  return shard;
}

/** Whether this shard renders the group reports (team, organisation) and writes the index. */
export function rendersGroups(shard: Shard): boolean {
  return shard.index === 1;
}

/**
 * The reports of `shard`, in their order. `reports` are every report of the
 * build; rep reports are told apart by `kind === 'rep'` and ordered by `id`.
 */
export function selectShard<T extends { kind: string; id: string }>(reports: readonly T[], shard: Shard): T[] {
  checkShard(shard);
  if (shard.count === 1) return [...reports];
  const reps = reports.filter((r) => r.kind === 'rep').sort((a, b) => compareText(a.id, b.id));
  const groups = reports.filter((r) => r.kind !== 'rep');
  const [start, end] = repSlice(reps.length, groups.length, shard);
  const mine = new Set<T>(reps.slice(start, end));
  if (rendersGroups(shard)) for (const group of groups) mine.add(group);
  return reports.filter((r) => mine.has(r));
}

/**
 * The [start, end) of shard K's rep reports among `reps` rep reports sorted
 * by id, when shard 1 also renders `groups` group reports.
 */
export function repSlice(reps: number, groups: number, shard: Shard): [number, number] {
  const { index, count } = checkShard(shard);
  if (count === 1) return [0, reps];
  const total = reps + groups;
  // The rep reports shard 1 takes besides the groups: its share of the work, less the groups.
  const first = Math.max(0, Math.min(reps, Math.floor(total / count) - groups));
  if (index === 1) return [0, first];
  // The rest, cut evenly among shards 2..N.
  const rest = reps - first;
  const cut = (k: number) => first + Math.floor((rest * k) / (count - 1));
  return [cut(index - 2), cut(index - 1)];
}
