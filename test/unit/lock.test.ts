/** One build at a time into an output folder (src/write/lock.ts). */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, newOwner, readOwner, removeIfStill, tryCreate } from '../../src/write/lock.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-lock-'));
  file = path.join(dir, '2026', '.revue-build.lock');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('acquireLock', () => {
  it('creates the lock file with its pid, and removes it on release', async () => {
    const lock = await acquireLock(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses at once, naming the lock file and the pid holding it, when another build holds it', async () => {
    await using _held = await acquireLock(file);
    const error = await acquireLock(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LOCKED' });
    expect(String(error)).toContain(file);
    expect(String(error)).toContain(`pid ${process.pid}`);
    expect(error).toHaveProperty('hint', expect.stringContaining('delete the lock file'));
  });

  it('waits for a held lock to be released, within its timeout', async () => {
    const held = await acquireLock(file);
    setTimeout(() => void held.release(), 300);
    const started = Date.now();
    const lock = await acquireLock(file, { timeoutMs: 10_000, pollMs: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('gives up when the timeout passes, and says how long it waited', async () => {
    await using _held = await acquireLock(file);
    const attempt = acquireLock(file, { timeoutMs: 200, pollMs: 50 });
    await expect(attempt).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(attempt).rejects.toThrow('after 0.2 s');
  });

  it('takes over a lock whose process has died', async () => {
    const pid = deadPid();
    await acquireLock(file).then((l) => l.release());
    await writeFile(
      file,
      JSON.stringify({ pid, host: hostname(), started: '2026-01-01T00:00:00.000Z', token: 'dead' }),
    );
    const lock = await acquireLock(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('honours a lock held from another host, which it cannot check', async () => {
    await acquireLock(file).then((l) => l.release());
    await writeFile(
      file,
      JSON.stringify({ pid: deadPid(), host: 'ci-runner-7', started: '2026-01-01T00:00:00.000Z', token: 'elsewhere' }),
    );
    const attempt = acquireLock(file);
    await expect(attempt).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(attempt).rejects.toThrow('on ci-runner-7');
  });

  it('does not remove a lock another build took over meanwhile', async () => {
    const lock = await acquireLock(file);
    await writeFile(
      file,
      JSON.stringify({ pid: 1, host: hostname(), started: '2026-01-01T00:00:00.000Z', token: 'someone-else' }),
    );
    await lock.release();
    expect(existsSync(file)).toBe(true);
  });
});

describe('removeIfStill', () => {
  it('never removes the lock that one of two builds removing the same stale lock made after it', async () => {
    // Both read the stale lock; one removes it and creates its own; the other must not then remove that one
    // (seen in CI: the last shard of a layout and a waiting whole build both removed the layout's year lock).
    await mkdir(path.dirname(file), { recursive: true });
    const stale = { pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00.000Z', token: 'stale' };
    const lost: number[] = [];
    for (let round = 0; round < 200; round++) {
      await writeFile(file, JSON.stringify(stale));
      const builds = [newOwner(), newOwner()];
      const created = await Promise.all(
        builds.map(async (me) => {
          await removeIfStill(file, stale);
          return (await tryCreate(file, me)) ? me : undefined;
        }),
      );
      const holders = created.filter((me) => me !== undefined);
      // One of them may find the other's removal under way and create nothing this round: it tries again.
      expect(holders.length).toBeLessThanOrEqual(1);
      const onDisk = await readOwner(file);
      if (holders.length === 1 && onDisk?.token !== holders[0]?.token) lost.push(round);
      await rm(file, { force: true });
    }
    expect(lost).toEqual([]);
  });
});
