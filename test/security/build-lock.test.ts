/**
 * The lock of a year folder across shard layouts (src/write/build-lock.ts,
 * docs/security.md §7), through its API: the shards of one layout hold it
 * together and the last one removes it; other layouts are refused (naming the
 * lock) or wait without leaving a file; a killed shard build's locks are taken
 * over, another host's are honoured. (locks.test.ts shows it on real builds.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RevueError } from '../../src/errors.js';
import { acquireBuildLock } from '../../src/write/build-lock.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-build-lock-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RevueError) || error.code !== 'LOCKED') throw new Error(`not refused: ${String(error)}`);
  return error.message;
}

describe('the lock of a year folder, shard layout by shard layout (src/write/build-lock.ts)', () => {
  let year: string;
  let n = 0;
  const fresh = async (): Promise<string> => {
    year = path.join(root, `lock-${++n}`, '2026');
    await mkdir(year, { recursive: true });
    return year;
  };
  const locks = async (): Promise<string[]> => (await readdir(year)).filter((f) => f.endsWith('.lock')).sort();

  it('lets the shards of one layout hold it together, keeps the others out, and is gone with the last shard', async () => {
    const dir = await fresh();
    const first = await acquireBuildLock(dir, { index: 1, count: 3 });
    const second = await acquireBuildLock(dir, { index: 2, count: 3 });
    expect(await locks()).toEqual(['.revue-build.1-of-3.lock', '.revue-build.2-of-3.lock', '.revue-build.lock']);
    expect(await refusal(acquireBuildLock(dir, { index: 2, count: 3 }))).toContain('.revue-build.2-of-3.lock');
    expect(await refusal(acquireBuildLock(dir, { index: 1, count: 1 }))).toContain('.revue-build.1-of-3.lock');
    expect(await refusal(acquireBuildLock(dir, { index: 1, count: 2 }))).toContain('.revue-build.1-of-3.lock');
    // A waiting build of another layout leaves no file behind it while it waits.
    const waiting = acquireBuildLock(dir, { index: 1, count: 1 }, { timeoutMs: 20_000, pollMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await locks()).toEqual(['.revue-build.1-of-3.lock', '.revue-build.2-of-3.lock', '.revue-build.lock']);
    await first.release();
    expect(await locks()).toEqual(['.revue-build.2-of-3.lock', '.revue-build.lock']);
    await second.release();
    const whole = await waiting;
    expect(await locks()).toEqual(['.revue-build.lock']);
    expect(await refusal(acquireBuildLock(dir, { index: 3, count: 3 }))).toContain(`held by pid ${process.pid}`);
    await whole.release();
    expect(await locks()).toEqual([]);
  });

  it('takes over the locks of a killed shard build, and the year lock its layout no longer holds', async () => {
    const dir = await fresh();
    const dead = { pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00.000Z' };
    await writeFile(path.join(dir, '.revue-build.lock'), JSON.stringify({ ...dead, token: 'y', layout: 40 }));
    await writeFile(path.join(dir, '.revue-build.7-of-40.lock'), JSON.stringify({ ...dead, token: 's', layout: 40 }));
    const whole = await acquireBuildLock(dir, { index: 1, count: 1 });
    expect(await locks()).toEqual(['.revue-build.lock']);
    await whole.release();
    expect(existsSync(path.join(dir, '.revue-build.lock'))).toBe(false);
  });

  it('honours the shard locks of another host, which it cannot check', async () => {
    const dir = await fresh();
    const elsewhere = { pid: deadPid(), host: 'pod-12', started: '2026-01-01T00:00:00.000Z', layout: 40 };
    await writeFile(path.join(dir, '.revue-build.lock'), JSON.stringify({ ...elsewhere, token: 'y' }));
    await writeFile(path.join(dir, '.revue-build.12-of-40.lock'), JSON.stringify({ ...elsewhere, token: 's' }));
    expect(await refusal(acquireBuildLock(dir, { index: 1, count: 1 }))).toMatch(
      /\.revue-build\.12-of-40\.lock is held by pid \d+ on pod-12/,
    );
    // Another shard of the same layout joins it.
    const shard = await acquireBuildLock(dir, { index: 13, count: 40 });
    await shard.release();
    expect(await locks()).toEqual(['.revue-build.12-of-40.lock', '.revue-build.lock']);
  });
});
