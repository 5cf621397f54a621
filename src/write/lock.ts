/**
 * One build at a time into an output folder: two builds writing the same
 * reports and the same manifest at once would each record what the other
 * overwrote. The lock is a file created exclusively (O_EXCL) holding the
 * owner's pid, host and start time:
 *
 * - held by a live process: wait up to `timeoutMs`, polling, then refuse
 *   with a RevueError `LOCKED` naming the file and the pid;
 * - held by a process of this host that is gone (killed, crashed): stale,
 *   taken over;
 * - held from another host (a shared volume): its pid cannot be checked
 *   from here, so it is honoured; the message says which host holds it.
 *
 *     await using lock = await acquireLock(path.join(out, '.revue-build.lock'));
 *
 * A build takes its lock through build-lock.ts, which uses the pieces below
 * to let the shards of one layout share a year folder and keep every other
 * layout out of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { LockedError } from '../errors.js';
import { field } from '../model/field.js';
import { writeFailure } from './atomic.js';
import { said } from '../messages/stage.js';

export interface LockOptions {
  /** Milliseconds to wait for a lock another build holds. Default: 0 (refuse at once). */
  timeoutMs?: number;
  /** Milliseconds between two looks at a held lock. Default: 250. */
  pollMs?: number;
}

export interface Lock extends AsyncDisposable {
  readonly file: string;
  release(): Promise<void>;
}

/** What a lock file holds. */
export interface Owner {
  pid: number;
  host: string;
  started: string;
  /** Tells this holder from a later one of the same pid (a lock taken over). */
  token: string;
  /** The number of shards of the build's layout (build-lock.ts); absent: a whole build. */
  layout?: number;
}

/** This process as a lock's owner, with a token of its own. */
export function newOwner(layout?: number): Owner {
  return {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
    ...(layout === undefined ? {} : { layout }),
  };
}

export async function acquireLock(file: string, options: LockOptions = {}): Promise<Lock> {
  const timeoutMs = options.timeoutMs ?? 0;
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  const owner = newOwner();
  await makeFolder(file);
  for (;;) {
    if (await tryCreate(file, owner)) return held(file, owner);
    const holder = await readOwner(file);
    if (holder !== undefined ? isStale(holder) : await isAbandoned(file)) {
      await removeIfStill(file, holder);
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(file, holder, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
  }
}

/** The folder a lock file goes in. */
export async function makeFolder(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
    throw writeFailure(file, error);
  });
}

/** Creates the lock file, exclusively; false when it exists. */
export async function tryCreate(file: string, owner: Owner): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error: unknown) {
    if (codeOf(error) === 'EEXIST') return false;
    throw writeFailure(file, error);
  }
  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/** `owner`'s lock on `file`, released by removing the file if it is still theirs. */
export function held(file: string, owner: Owner): Lock {
  let released: Promise<void> | undefined;
  const release = (): Promise<void> => {
    released ??= (async () => {
      // Only our own lock: one taken over from us (we were thought dead) stays.
      const current = await readOwner(file);
      if (current?.token === owner.token) await rm(file, { force: true });
    })();
    return released;
  };
  return { file, release, [Symbol.asyncDispose]: release };
}

/** The lock's owner, or undefined while it is being written or when it is not ours to read. */
export async function readOwner(file: string): Promise<Owner | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const pid = field(value, 'pid');
    const host = field(value, 'host');
    const started = field(value, 'started');
    const token = field(value, 'token');
    const layout = field(value, 'layout');
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof started !== 'string' || typeof token !== 'string')
      return undefined;
    return { pid, host, started, token, ...(typeof layout === 'number' ? { layout } : {}) };
  } catch {
    return undefined;
  }
}

/** Held by a process of this host that no longer runs. */
export function isStale(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error: unknown) {
    // EPERM: it runs, under another user.
    return codeOf(error) === 'ESRCH';
  }
}

/**
 * A lock file nobody could read for a while: its owner died between creating
 * it and writing its pid (a fresh one is being written right now: wait).
 */
export async function isAbandoned(file: string): Promise<boolean> {
  try {
    return (await stat(file)).mtimeMs < Date.now() - ABANDONED_MS;
  } catch {
    return false;
  }
}

const ABANDONED_MS = 10_000;

/**
 * Removes a stale lock unless another build took it over in the meantime
 * (then its token differs and the next attempt to create it waits for that one).
 *
 * Reading the lock and removing it are two steps, so two builds that both
 * found it stale must not remove it together: the first removes it and
 * creates its own, and the second would remove that one (seen in CI, where
 * the last shard of a layout and a waiting whole build both ran). Removals
 * therefore take turns, through a guard file created exclusively beside the
 * lock; whoever finds the guard held removes nothing and tries again. A guard
 * is held for a few milliseconds: one whose holder died, or older than a
 * lock's abandonment, is removed (two builds doing that at the same instant
 * after a holder died between creating and removing it is the one race left).
 */
export async function removeIfStill(file: string, stale: Owner | undefined): Promise<void> {
  const guard = `${file}${GUARD}`;
  const me = newOwner();
  if (!(await tryCreate(guard, me))) {
    const holder = await readOwner(guard);
    if (holder !== undefined ? isStale(holder) : await isAbandoned(guard)) await rm(guard, { force: true });
    return;
  }
  try {
    const current = await readOwner(file);
    if (current?.token !== stale?.token) return;
    // Unreadable when judged abandoned: it must still be the same abandoned file, not one being written now.
    if (current === undefined && !(await isAbandoned(file))) return;
    await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** What the guard of a lock's removal adds to the lock's name (removeIfStill). */
export const GUARD = '.removing';

export function lockedError(file: string, holder: Owner | undefined, timeoutMs: number): LockedError {
  const who =
    holder === undefined
      ? said('lockHolderUnknown')
      : said('lockHolder', {
          pid: holder.pid,
          host: holder.host === hostname() ? '' : holder.host,
          started: holder.started,
        });
  const waited = timeoutMs > 0 ? said('lockWaited', { seconds: Number((timeoutMs / 1000).toFixed(1)) }) : '';
  return new LockedError(said('locked', { folder: path.dirname(file), file, holder: who, waited }), {
    hint: said('lockedHint'),
  });
}

function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}
