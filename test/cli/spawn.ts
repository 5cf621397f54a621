/** The binary spawned as a user would, from a folder, with an environment. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseJson } from '../helpers.js';

const REPO = path.join(import.meta.dirname, '..', '..');

/** The binary's path inside the package: package.json's "bin", what npm links as `revue` (the bundle, dist/bin/). */
export const BIN_IN_PACKAGE: string = parseJson(
  readFileSync(path.join(REPO, 'package.json'), 'utf8'),
  z.object({ bin: z.object({ revue: z.string() }) }),
).bin.revue;

/** The binary users run, in this checkout. */
export const BIN = path.join(REPO, BIN_IN_PACKAGE);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `env` is added to the test's environment; a value of undefined removes the variable. */
export function revue(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; node?: string[] } = {},
): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, [...(options.node ?? []), BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the binary on a pseudo-terminal (util-linux `script`), stdout and stderr mixed as a terminal shows them. */
export function revueOnTerminal(args: readonly string[], env: Record<string, string | undefined>, cwd?: string): Run {
  const merged: Record<string, string | undefined> = { ...process.env, TERM: 'xterm-256color', ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    cwd,
    env: merged,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
