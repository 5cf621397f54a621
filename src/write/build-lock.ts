/**
 * The lock a build holds on a year's output folder, across shard layouts.
 *
 * Builds cut into different numbers of shards write the same files (any
 * rep's report, the organisation's, the index), so they must exclude each
 * other; the shards of one layout write disjoint files, each with a manifest
 * of its own, so that N machines sharing a volume can build them at once
 * (docs/performance.md). Hence two kinds of lock file, both created
 * exclusively (write/lock.ts), each naming its holder:
 *
 * - the year lock, `.revue-build.lock`, says which layout has the folder: a
 *   whole build holds it alone; the shards of one layout share it (it records
 *   their number of shards, and the first of them creates it);
 * - a shard's own lock, `.revue-build.3-of-40.lock`, held by that shard
 *   alone: the same shard twice is refused, and the shards' locks tell whether
 *   the layout that has the year lock is still at work.
 *
 * A shard takes the year lock (or finds its own layout holding it), then its
 * own lock, then checks that the year lock is still its layout's and that no
 * build of another layout got past its year lock meanwhile; a whole build
 * takes the year lock, then checks that no shard lock is live. Whoever finds
 * the other backs off and waits (or, without `timeoutMs`, refuses with
 * `LOCKED`, naming the lock and its holder). Two builds of different layouts
 * starting at the same instant may thus both back off, but never both run.
 * The last shard of a layout to finish removes the year lock. A lock whose
 * holder is gone (a killed build, on this host) is taken over; a year lock
 * whose layout has no live shard left is stale too.
 *
 * Across machines, this relies on the shared volume creating files
 * exclusively (O_EXCL: NFS v3 and later) and showing each machine's files
 * to the others as soon as they are made (a folder listing cached for
 * seconds, as NFS allows by default, can let two layouts in at once).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from '../plan/shard.js';
import {
  held,
  isAbandoned,
  isStale,
  lockedError,
  makeFolder,
  newOwner,
  readOwner,
  removeIfStill,
  tryCreate,
  type Lock,
  type LockOptions,
  type Owner,
} from './lock.js';
import { lockFile, lockShard } from './manifest.js';

/** A lock file and who holds it (undefined while it is being written). */
interface Holder {
  file: string;
  owner: Owner | undefined;
}

type Attempt = { lock: Lock } | { held: Holder } | 'again';

export async function acquireBuildLock(yearDir: string, shard: Shard, options: LockOptions = {}): Promise<Lock> {
  const timeoutMs = options.timeoutMs ?? 0;
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  await makeFolder(lockFile(yearDir));
  let again = 0;
  for (;;) {
    const attempt = shard.count === 1 ? await tryWhole(yearDir) : await tryShard(yearDir, shard);
    // Something stale was removed, or the year lock changed hands: at once (but never in a tight loop).
    if (attempt === 'again' && ++again % 10 !== 0) continue;
    if (attempt !== 'again' && 'lock' in attempt) return attempt.lock;
    const holder = attempt === 'again' ? { file: lockFile(yearDir), owner: undefined } : attempt.held;
    if (Date.now() >= deadline) throw lockedError(holder.file, holder.owner, timeoutMs);
    // Jittered, so that two builds that backed off together do not meet again.
    const wait = Math.min(pollMs * (0.5 + Math.random()), Math.max(1, deadline - Date.now()));
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A whole build: the year lock, alone, and no shard at work. */
async function tryWhole(yearDir: string): Promise<Attempt> {
  const yearLock = lockFile(yearDir);
  const me = newOwner();
  if (!(await tryCreate(yearLock, me))) return heldOrStale(yearDir, yearLock);
  const shardAtWork = await liveShardLock(yearDir, () => true);
  if (shardAtWork === undefined) return { lock: held(yearLock, me) };
  await removeIfStill(yearLock, me);
  return { held: shardAtWork };
}

/** One shard of a layout: the year lock, its layout's; then the shard's own; then no other layout at work. */
async function tryShard(yearDir: string, shard: Shard): Promise<Attempt> {
  const yearLock = lockFile(yearDir);
  const me = newOwner(shard.count);
  if (!(await tryCreate(yearLock, me))) {
    const holder = await readOwner(yearLock);
    if (holder?.layout !== shard.count) return heldOrStale(yearDir, yearLock, shard.count);
  }
  const own = lockFile(yearDir, shard);
  if (!(await tryCreate(own, me))) {
    const holder = await readOwner(own);
    if (holder !== undefined ? isStale(holder) : await isAbandoned(own)) {
      await removeIfStill(own, holder);
      return 'again';
    }
    return { held: { file: own, owner: holder } };
  }
  const lock = shardLock(yearDir, own, me, shard.count);
  // The year lock may have gone with the last shard of this layout to finish, and another layout taken it.
  if ((await readOwner(yearLock))?.layout !== shard.count) {
    await lock.release();
    return 'again';
  }
  const otherLayout = await liveShardLock(yearDir, (other) => other.count !== shard.count);
  if (otherLayout === undefined) return { lock };
  await lock.release();
  return { held: otherLayout };
}

/** A shard's lock: releasing it removes the year lock too when no shard of its layout is left at work. */
function shardLock(yearDir: string, file: string, me: Owner, layout: number): Lock {
  const own = held(file, me);
  let released: Promise<void> | undefined;
  const release = (): Promise<void> => {
    released ??= (async () => {
      await own.release();
      const yearLock = lockFile(yearDir);
      const year = await readOwner(yearLock);
      if (year?.layout !== layout) return;
      if ((await liveShardLock(yearDir, (other) => other.count === layout)) === undefined)
        await removeIfStill(yearLock, year);
    })();
    return released;
  };
  return { file, release, [Symbol.asyncDispose]: release };
}

/**
 * The year lock exists: who is at work behind it (its whole build, or a live
 * shard of its layout), or 'again' when nobody is and it was removed, or
 * when it turns out to be the layout of the shard asking (`joining`): it was
 * being written when first read, and that shard may join its layout.
 */
async function heldOrStale(yearDir: string, yearLock: string, joining?: number): Promise<Attempt> {
  const holder = await readOwner(yearLock);
  // Read again: a shard of the same layout wrote it meanwhile (without this, a shard started together with
  // the others failed on its sibling's lock, seen in test/e2e/shard.test.ts under load).
  if (joining !== undefined && holder?.layout === joining) return 'again';
  if (holder === undefined) {
    // Gone since; or being written right now; or abandoned by a build that died before writing it.
    if (!(await exists(yearLock))) return 'again';
    if (!(await isAbandoned(yearLock))) return { held: { file: yearLock, owner: undefined } };
  } else if (holder.layout === undefined || holder.layout === 1) {
    if (!isStale(holder)) return { held: { file: yearLock, owner: holder } };
  } else {
    const layout = holder.layout;
    const atWork = await liveShardLock(yearDir, (shard) => shard.count === layout);
    if (atWork !== undefined) return { held: atWork };
  }
  await removeIfStill(yearLock, holder);
  return 'again';
}

/** The first shard lock of the folder whose shard is `wanted` and whose holder is alive; stale ones are removed. */
async function liveShardLock(yearDir: string, wanted: (shard: Shard) => boolean): Promise<Holder | undefined> {
  const names = await readdir(yearDir).catch(() => []);
  for (const name of names.sort()) {
    const shard = lockShard(name);
    if (shard === undefined || !wanted(shard)) continue;
    const file = path.join(yearDir, name);
    const owner = await readOwner(file);
    if (owner !== undefined ? isStale(owner) : await isAbandoned(file)) {
      await removeIfStill(file, owner);
      continue;
    }
    if (owner === undefined && !(await exists(file))) continue;
    return { file, owner };
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
