#!/usr/bin/env node
import { boundHeapGrowth } from './heap.js';
import { main } from './run.js';

boundHeapGrowth();

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  onInterrupt: (callback) => void process.once('SIGINT', callback),
});
process.exitCode = code;
