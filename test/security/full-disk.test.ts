/**
 * A full disk (issue 13 §11, docs/security.md §7): a failure to write the
 * index page or the manifest no longer throws the build's outcomes away.
 * The build returns every report's outcome, with its reason, and says what
 * else could not be written; the command line prints its summary and exits 1.
 *
 * The disk is a small tmpfs mounted for the test (root only; the test is
 * skipped, saying why, where it cannot mount one), filled up during or before
 * the build: a real ENOSPC, from the kernel.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { childBuild } from './child-build.js';

const DATA = path.join(FIXTURES, 'minimal');

const root = await mkdtemp(path.join(tmpdir(), 'revue-full-disk-'));
/** Where the tmpfs is mounted, or why there is none (known when the tests are collected, to skip them). */
const disk = await mountDisk(path.join(root, 'disk'));
const noDisk = !('dir' in disk);
if ('missing' in disk) console.warn(`skipped the full-disk tests: ${disk.missing}`);

async function mountDisk(dir: string): Promise<{ dir: string } | { missing: string }> {
  await mkdir(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error: unknown) {
    return { missing: `cannot mount a tmpfs here (mounting one needs root): ${String(error).split('\n')[0]}` };
  }
}

afterAll(async () => {
  if ('dir' in disk) execFileSync('umount', [disk.dir]);
  await rm(root, { recursive: true, force: true });
});

/** Fills the disk under `dir` up: nothing more can be written there, but `leave` bytes. */
async function fill(dir: string, leave = 0): Promise<void> {
  const reserve = path.join(dir, 'reserve');
  if (leave > 0) await writeFile(reserve, Buffer.alloc(leave));
  const fd = openSync(path.join(dir, 'filler'), 'a');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  if (leave > 0) await rm(reserve);
}

const mounted = (): string => {
  if (!('dir' in disk)) throw new Error(disk.missing);
  return disk.dir;
};

describeWithBrowser('a disk that fills up during a build', () => {
  let result: BuildResult;
  let out: string;

  beforeAll(async () => {
    if (noDisk) return;
    out = path.join(mounted(), 'during');
    result = await build({
      data: DATA,
      out,
      concurrency: 1,
      onProgress: (event) => {
        if (event.kind === 'report' && event.done === 1) void fill(mounted());
      },
    });
    await rm(path.join(mounted(), 'filler'), { force: true });
  }, 120_000);

  it.skipIf(noDisk)('returns every report’s outcome, with the reason of each that failed', () => {
    expect(result.ok).toBe(true);
    const [first, ...rest] = result.reports;
    expect(first?.status).toBe('written');
    expect(rest.length).toBe(3);
    for (const report of rest) {
      expect(report.status, report.file).toBe('failed');
      expect(report.error?.message, report.file).toMatch(/^cannot write .*: the disk is full$/);
    }
  });

  it.skipIf(noDisk)('says that the index page and the manifest could not be written', () => {
    expect(result.index).toBeNull();
    expect(result.manifest).toBeNull();
    expect(result.errors.map((e) => `${e.code} ${e.message}`)).toEqual([
      `WRITE_FAILED cannot write ${path.resolve(out, '2026', 'index.html')}: the disk is full`,
      `WRITE_FAILED cannot write ${path.join(out, '2026', '.revue-manifest.json')}: the disk is full`,
    ]);
    expect(result.errors.every((e) => e.hint?.includes('free some space'))).toBe(true);
  });
});

describeWithBrowser('the command line on a full disk', () => {
  it.skipIf(noDisk)(
    'prints every report’s reason and its summary, and exits 1',
    async () => {
      const out = path.join(mounted(), 'before');
      await mkdir(out);
      // Room for the lock, not for a report or the index page.
      await fill(mounted(), 16 * 1024);
      const run = await childBuild(['--data', DATA, '--out', out], { root, limitMs: 120_000 });
      await rm(path.join(mounted(), 'filler'), { force: true });
      expect(run.hung).toBe(false);
      expect(run.code, run.stderr).toBe(1);
      for (const file of ['reps/ann-lee.pdf', 'reps/bo-chen.pdf', 'teams/north.pdf', 'organisation.pdf'])
        expect(run.stderr).toMatch(new RegExp(`^failed: \\S+/2026/${file}: cannot write \\S+: the disk is full$`, 'm'));
      expect(run.stderr).toMatch(/^error: cannot write \S+\/2026\/index\.html: the disk is full$/m);
      expect(run.stderr).toMatch(/^ {2}hint: free some space, or choose another output folder with --out$/m);
      expect(run.stderr).toMatch(/^✗ 2026: 0 written, 0 up to date, 4 failed/m);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.leftProcesses).toEqual([]);
    },
    150_000,
  );
});
