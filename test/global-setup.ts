// The command-line tests spawn the compiled binary: compile once before them.
// Type errors are reported by `npm run typecheck` (CI runs it); tsc still emits,
// so a type error elsewhere does not hide every test's result.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) process.stderr.write(`tsc reported problems:\n${result.stdout}${result.stderr}\n`);
}
