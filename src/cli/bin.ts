#!/usr/bin/env node
import { isatty } from 'node:tty';
import { main } from './run.js';

const code = await main(process.argv.slice(2), {
  // Not process.stdin: creating that stream for a command that never reads it could hold a pipe open.
  stdinIsTTY: isatty(0),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // Ctrl-C and SIGTERM (a CI runner, Kubernetes) stop a build or a watch; a second signal ends revue at once.
  onInterrupt: (callback) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, callback);
  },
});
process.exitCode = code;
