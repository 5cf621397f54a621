/**
 * `revue build` run as a child process under a hang guard, with a temporary
 * folder of its own (TMPDIR), so that what its browsers leave behind — their
 * processes, their `revue-browser-*` profiles, Chromium's own folders — can
 * be told from anything else on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { BIN } from '../cli/spawn.js';
import { processesMentioning } from './helpers.js';

export interface ChildBuild {
  /** The exit status, or null when it ended on a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The hang guard had to kill it. */
  hung: boolean;
  /** Processes still mentioning its temporary folder (its browsers) a few seconds after it ended; killed since. */
  leftProcesses: string[];
  /** What is left in its temporary folder. */
  leftFiles: string[];
}

export interface ChildBuildOptions {
  /** Where its temporary folder goes (removed afterwards). */
  root: string;
  /** The hang guard: killed with SIGKILL after this, and `hung` is set. A guard, not a timing. */
  limitMs: number;
  /** Told of its stderr as it comes, with the child (to signal it). */
  onStderr?: (stderr: string, child: ChildProcess) => void;
  env?: Record<string, string>;
}

export async function childBuild(args: readonly string[], options: ChildBuildOptions): Promise<ChildBuild> {
  const tmp = await mkdtemp(path.join(options.root, 'tmp-'));
  const child = spawn(process.execPath, [BIN, 'build', ...args], {
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
    options.onStderr?.(stderr, child);
  });
  let hung = false;
  const guard = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, options.limitMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal })),
  );
  clearTimeout(guard);
  // Chromium talks to revue over a pipe: with revue gone, whatever it left should go too.
  const deadline = Date.now() + 5_000;
  while (processesMentioning(tmp).length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const left = processesMentioning(tmp);
  for (const p of left) process.kill(p.pid, 'SIGKILL');
  const leftFiles = (await readdir(tmp)).sort();
  await rm(tmp, { recursive: true, force: true });
  return {
    code,
    signal,
    stderr,
    hung,
    leftProcesses: left.map((p) => p.args.slice(0, 2).join(' ')),
    leftFiles,
  };
}
