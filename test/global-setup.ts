// The command-line tests spawn what users run, package.json's "bin": the bundle
// of the compiled code (scripts/bundle.mjs). Compile and bundle once before them.
// Type errors are reported by `npm run typecheck` (CI runs it); tsc still emits,
// so a type error elsewhere does not hide every test's result.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) process.stderr.write(`tsc reported problems:\n${tsc.stdout}${tsc.stderr}\n`);
  const bundle = spawnSync(process.execPath, ['scripts/bundle.mjs'], { encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`scripts/bundle.mjs failed:\n${bundle.stdout}${bundle.stderr}`);
}
