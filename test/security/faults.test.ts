/**
 * Faults around a build (issue 6, SPEC §8 "a report is written whole or not at
 * all"):
 * - revue itself killed with SIGKILL in the middle of a build leaves only whole
 *   PDFs, and the next build is not blocked by the dead build's lock;
 * - an output folder revue may not write to gives a clear error, exit 1, no stack;
 * - two builds into the same output at once: the second refuses the first's
 *   lock, clearly, or waits for it when asked to.
 * (The browser killed mid-build is in reproducible.test.ts.)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmod,
  chown,
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { build, type BuildResult } from '../../src/build.js';
import { RevueError } from '../../src/errors.js';
import { BrowserSession } from '../../src/print/browser.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, methodOf, parseJson, tempWorkspace } from '../helpers.js';
import { pdfTool } from '../pdf.js';
import { filesUnder, processesMentioning } from './helpers.js';
import { BIN, BIN_IN_PACKAGE } from '../cli/spawn.js';

const REPO = path.join(import.meta.dirname, '..', '..');
const MINIMAL = path.join(FIXTURES, 'minimal');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-faults-'));
  // Readable by the unprivileged user of the read-only test.
  await chmod(root, 0o755);
});
/** The workspaces written by workspaceOf, removed at the end. */
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

/** A workspace of `count` reps in one team: the minimal fixture's framework, one rep file copied. */
async function workspaceOf(count: number): Promise<string> {
  const framework = await readFile(path.join(MINIMAL, 'framework.yaml'), 'utf8');
  const rep = await readFile(path.join(MINIMAL, '2026', 'ann-lee.yaml'), 'utf8');
  const files: Record<string, string> = { 'framework.yaml': framework };
  for (let i = 1; i <= count; i++) files[`2026/rep-${i}.yaml`] = rep.replace('name: Ann Lee', `name: Rep Number${i}`);
  const ws = await tempWorkspace(files);
  cleanups.push(ws.cleanup);
  return ws.dir;
}

function waitForExit(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describeWithBrowser('revue killed with SIGKILL in the middle of a build', () => {
  let data: string;
  let out: string;
  let childTmp: string;
  let stderr = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let orphans: number[] = [];

  beforeAll(async () => {
    data = await workspaceOf(8);
    out = path.join(root, 'killed');
    // The child's browser profile goes here, so that its processes can be told from any other.
    childTmp = await mkdtemp(path.join(root, 'child-tmp-'));
    const child = spawn(process.execPath, [BIN, 'build', '--data', data, '--out', out], {
      env: { ...process.env, NO_COLOR: '1', TMPDIR: childTmp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = waitForExit(child);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      if (/^\[\d+\/\d+\] wrote /m.test(stderr)) child.kill('SIGKILL');
    });
    exit = await exited;
    // Chromium talks to revue over a pipe: with revue gone, it should go too.
    await waitUntil(() => processesMentioning(childTmp).length === 0, 10_000);
    orphans = processesMentioning(childTmp).map((p) => p.pid);
    for (const pid of orphans) process.kill(pid, 'SIGKILL');
  }, 180_000);

  it('was killed after writing a report, before the end', () => {
    expect(exit.signal).toBe('SIGKILL');
    expect(stderr).toMatch(/^\[1\/10\] wrote /m);
    expect(stderr).not.toMatch(/✓ 2026:/);
  });

  it('leaves only whole PDFs: every report file there opens, the rest is hidden temporary files', async () => {
    const files = await filesUnder(out);
    const visible = files.filter((f) => !path.basename(f).startsWith('.'));
    const pdfs = visible.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    expect(visible.filter((f) => !f.endsWith('.pdf') && f !== '2026/index.html')).toEqual([]);
    for (const pdf of pdfs) {
      const info = pdfTool('pdfinfo', [path.join(out, pdf)]).stdout;
      expect(info, pdf).toMatch(/^Pages:\s+[1-9]/m);
      expect(info, pdf).toMatch(/^Title:\s+(Annual review|Team report|Organisation report) 2026 – /m);
    }
    // What a killed write leaves: its temporary file, next to the report, hidden.
    for (const hidden of files.filter((f) => path.basename(f).startsWith('.'))) {
      expect(path.basename(hidden)).toMatch(
        /^\.(.+\.pdf\.\d+\.[0-9a-f]+\.tmp|revue-build\.lock|revue-manifest\.json|.+\.json\.\d+\.[0-9a-f]+\.tmp)$/,
      );
    }
  });

  it('leaves no browser running', () => {
    expect(orphans, 'browser processes still running 10 s after revue was killed').toEqual([]);
  });

  it('does not block the next build: the dead build’s lock is taken over', async () => {
    expect((await filesUnder(out)).filter((f) => f.endsWith('revue-build.lock'))).toEqual(['2026/.revue-build.lock']);
    // The next build takes the lock over and runs (HTML only: it needs no browser, and none is given).
    const next = await build({ data, out, reps: ['rep-1'], htmlOnly: true, browser: path.join(root, 'no-browser') });
    expect(next.ok).toBe(true);
    expect(next.reports.map((r) => `${r.status} ${path.basename(r.file)}`)).toEqual(['written rep-1.html']);
    expect((await filesUnder(out)).filter((f) => f.endsWith('revue-build.lock'))).toEqual([]);
  });
});

/** uid and gid of "nobody": who runs revue where root would write through any permission. */
const NOBODY = 65_534;

/**
 * How to run revue so that a folder's permissions bind. Not as root: as this
 * user, from the checkout. As root, who writes through any permission: as uid
 * 65534, from a copy of what revue needs to run, in a folder that user can
 * read, since the checkout may sit where it cannot (mktemp -d makes a 0700
 * folder; /root is private). Or why that cannot be done on this machine.
 */
type Runner =
  | {
      bin: string;
      data: string;
      /** As whom, and from where: a folder that user can read (puppeteer looks for its configuration from there up). */
      as?: { uid: number; gid: number; cwd: string };
      env?: Record<string, string>;
      skip?: undefined;
    }
  | { skip: string };

async function unprivileged(dir: string): Promise<Runner> {
  if (process.platform === 'win32') return { skip: 'folder permissions here are Windows ACLs, not POSIX modes' };
  if (process.getuid?.() !== 0) return { bin: BIN, data: MINIMAL };
  const install = path.join(dir, 'revue');
  const bin = path.join(install, BIN_IN_PACKAGE);
  await shareTree(REPO, install, ['dist', 'templates', 'schema', 'package.json', ...(await productionPackages())]);
  const data = path.join(dir, 'data');
  await shareTree(MINIMAL, data, await readdir(MINIMAL));
  const home = path.join(dir, 'home');
  await mkdir(home);
  await chown(home, NOBODY, NOBODY);
  // Can this machine start a process as nobody, and can nobody reach the copy (os.tmpdir() may be private too)?
  const check =
    'try { require("node:fs").accessSync(process.argv[1], 4) } catch (e) { console.error(e.message); process.exit(1) }';
  const probe = spawnSync(process.execPath, ['-e', check, bin], {
    encoding: 'utf8',
    uid: NOBODY,
    gid: NOBODY,
    cwd: home,
    timeout: 60_000,
  });
  if (probe.error !== undefined)
    return { skip: `cannot run ${process.execPath} as uid ${NOBODY}: ${probe.error.message}` };
  if (probe.status !== 0)
    return { skip: `uid ${NOBODY} cannot read ${bin} (is ${tmpdir()} private?): ${firstLine(probe.stderr)}` };
  return { bin, data, as: { uid: NOBODY, gid: NOBODY, cwd: home }, env: { HOME: home, TMPDIR: home } };
}

/** The packages revue needs at run time, from the lock file: every installed one that is not a dev dependency. */
async function productionPackages(): Promise<string[]> {
  const lock = parseJson(
    await readFile(path.join(REPO, 'package-lock.json'), 'utf8'),
    z.object({ packages: z.record(z.string(), z.object({ dev: z.boolean().optional() })) }),
  );
  const names: string[] = [];
  for (const [name, entry] of Object.entries(lock.packages)) {
    // Top-level ones only: a package's own node_modules comes with it.
    if (entry.dev === true || !/^node_modules\/(@[^/]+\/)?[^/@][^/]*$/.test(name)) continue;
    // Optional packages for other platforms are in the lock file, not on the disk.
    if (await exists(path.join(REPO, name))) names.push(name);
  }
  return names;
}

/**
 * `entries` of `from` (relative paths), shared under `to` for another user to
 * read: folders made anew (0755), files that others may read hard-linked (no
 * copy), any other file, or one that cannot be linked (another file system),
 * copied and made readable; symbolic links kept as they are.
 */
async function shareTree(from: string, to: string, entries: readonly string[]): Promise<void> {
  const share = async (source: string, target: string): Promise<void> => {
    const info = await lstat(source);
    if (info.isSymbolicLink()) return symlink(await readlink(source), target);
    if (info.isDirectory()) {
      await mkdir(target);
      await chmod(target, 0o755);
      const names = await readdir(source);
      await Promise.all(names.map((name) => share(path.join(source, name), path.join(target, name))));
      return;
    }
    const readable = (info.mode & 0o004) !== 0;
    if (
      readable &&
      (await link(source, target).then(
        () => true,
        () => false,
      ))
    )
      return;
    await copyFile(source, target);
    await chmod(target, (info.mode & 0o100) !== 0 ? 0o755 : 0o644);
  };
  for (const entry of entries) {
    const target = path.join(to, entry);
    const missing: string[] = [];
    for (let dir = path.dirname(target); !(await exists(dir)); dir = path.dirname(dir)) missing.unshift(dir);
    for (const dir of missing) {
      await mkdir(dir);
      await chmod(dir, 0o755);
    }
    await share(path.join(from, entry), target);
  }
}

describe('an output folder revue may not write to', () => {
  let runner: Runner = { skip: 'not set up' };
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(root, 'unprivileged-'));
    await chmod(dir, 0o755);
    runner = await unprivileged(dir);
  }, 120_000);

  // The output folder itself, or last year's folder inside it, is read-only.
  it.for([
    ['read-only', ''],
    ['read-only-year', '2026'],
  ])('%s: gives a clear error, exit 1, and no stack', async ([name = '', inside = ''], context) => {
    if (runner.skip !== undefined) {
      console.warn(`skipped "${context.task.name}": ${runner.skip}`);
      return context.skip(runner.skip);
    }
    const out = path.join(root, name);
    await mkdir(path.join(out, inside), { recursive: true });
    await chmod(path.join(out, inside), 0o555);
    const run = spawnSync(process.execPath, [runner.bin, 'build', '--data', runner.data, '--out', out, '--html-only'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...runner.env },
      timeout: 120_000,
      ...runner.as,
    });
    // revue itself ran, and refused to write: not a module it could not load, nor a file it could not read.
    expect(run.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|EACCES|permission denied/i);
    expect(run.stderr).toMatch(
      new RegExp(`^error: cannot write ${escapeRegExp(out + path.sep)}\\S+: the folder is not writable$`, 'm'),
    );
    expect(run.stderr).toMatch(/^\s*hint: .*--out/m);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status, run.stderr).toBe(1);
    expect(await filesUnder(out)).toEqual([]);
  });

  it('says so when the output path runs through a file (ENOTDIR): an error revue expected, not a crash', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, 'not a folder');
    // A RevueError is what the command line prints as "error: …" with its hint, exit 1, no stack (test/cli).
    const attempt = build({ data: MINIMAL, out: path.join(file, 'out'), htmlOnly: true });
    await expect(attempt).rejects.toBeInstanceOf(RevueError);
    await expect(attempt).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    await expect(attempt).rejects.toThrow(file);
  });
});

describeWithBrowser('two builds into the same output at once', () => {
  const out = () => path.join(root, 'shared');
  let first: BuildResult;
  /** When the first build's last report was written: it then writes its manifest and releases the lock. */
  let firstDone = 0;
  let refused: PromiseSettledResult<BuildResult>;
  let waited: BuildResult;
  let waitedStarted = 0;
  let cli: { status: number | null; stderr: string };

  beforeAll(async () => {
    // Hold the first build inside its lock until the others have met it: its prints wait on this gate.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const print = methodOf(BrowserSession.prototype, 'print');
    vi.spyOn(BrowserSession.prototype, 'print').mockImplementation(async function (
      this: BrowserSession,
      html,
      options,
    ) {
      await gate;
      return print.call(this, html, options);
    });

    let others: Promise<[PromiseSettledResult<BuildResult>, BuildResult]> | undefined;
    first = await build({
      data: MINIMAL,
      out: out(),
      onProgress: (event) => {
        if (event.kind === 'report' && event.done === event.total) firstDone = performance.now();
        if (event.kind !== 'start' || others !== undefined) return;
        // The lock is held. Another revue, from the command line: it must refuse at once…
        const run = spawnSync(process.execPath, [BIN, 'build', '--data', MINIMAL, '--out', out(), '--html-only'], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          timeout: 60_000,
        });
        cli = { status: run.status, stderr: run.stderr };
        // …as must a build of this process without a timeout; one with a timeout waits.
        const refusing = build({ data: MINIMAL, out: out(), htmlOnly: true }).then(
          (value): PromiseSettledResult<BuildResult> => ({ status: 'fulfilled', value }),
          (reason: unknown): PromiseSettledResult<BuildResult> => ({ status: 'rejected', reason }),
        );
        const waiting = build({
          data: MINIMAL,
          out: out(),
          lockTimeout: 120_000,
          onProgress: (e) => {
            if (e.kind === 'start') waitedStarted = performance.now();
          },
        });
        others = Promise.all([refusing.finally(open), waiting]);
      },
    });
    if (others === undefined) throw new Error('the first build never started');
    [refused, waited] = await others;
  }, 180_000);

  it('the command line refuses while a build holds the lock: exit 1, a clear message, no stack', () => {
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(
      new RegExp(
        `error: another build is writing to .*shared.2026: the lock .*\\.revue-build\\.lock is held by pid ${process.pid}`,
      ),
    );
    expect(cli.stderr).toContain('hint: wait for it to finish, or delete the lock file if no build is running');
    expect(cli.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a second build refuses with LOCKED; one given a lockTimeout waits, then runs', async () => {
    expect(first.ok).toBe(true);
    expect(first.reports.map((r) => r.status)).toEqual(['written', 'written', 'written', 'written']);
    expect(refused.status).toBe('rejected');
    const reason: unknown = refused.status === 'rejected' ? refused.reason : undefined;
    expect(reason).toBeInstanceOf(RevueError);
    expect(reason instanceof RevueError ? reason.code : undefined).toBe('LOCKED');
    expect(waited.ok).toBe(true);
    // It started only once the first had finished (and found its reports up to date).
    expect(firstDone).toBeGreaterThan(0);
    expect(waitedStarted).toBeGreaterThan(firstDone);
    expect(waited.reports.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    // No lock left behind.
    expect((await filesUnder(out())).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
