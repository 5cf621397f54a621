#!/usr/bin/env node
/**
 * Bundles the command line (`npm run build:ts`, after tsc): dist/cli/bin.js
 * and every module it imports become dist/bin/, the package's "bin". Node
 * then reads a few files instead of resolving, loading and compiling some 250
 * small ES modules (zod, yaml, revue's own) at every start (docs/performance.md).
 *
 * - The input is tsc's output: TypeScript is compiled by tsc alone.
 * - Code splitting keeps each command a chunk of its own, loaded when it runs
 *   (src/cli/commands/index.ts): `revue validate` still loads no build code.
 * - External, loaded from node_modules as before: what only printing and
 *   rendering use and is heavy (puppeteer, chart.js, handlebars, fontkit,
 *   cli-progress, @clack/prompts), and any package that reads files next to
 *   its own code (@fontsource's fonts, fontkit's data).
 * - Every chunk sits in dist/bin/, at one depth: revue finds its own files
 *   from its package folder (src/package-root.ts), not by counting `../`.
 * - The library (dist/index.js) stays tsc's output.
 *
 * Usage: node scripts/bundle.mjs [--metafile FILE]
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRY = path.join(root, 'dist', 'cli', 'bin.js');
export const OUT_DIR = path.join(root, 'dist', 'bin');

export const EXTERNAL = [
  'puppeteer',
  'puppeteer-core',
  'chart.js',
  'handlebars',
  'fontkit',
  'cli-progress',
  '@clack/prompts',
  '@fontsource/*',
];

// A CommonJS package inside the bundle (yaml's Node build) calls require() for Node's own modules,
// which an ES module does not have: give it one.
const REQUIRE =
  "import { createRequire as __revueCreateRequire } from 'node:module';\n" +
  'const require = __revueCreateRequire(import.meta.url);';

/** Writes the bundle; returns esbuild's metafile. */
export async function bundle() {
  // Chunks are named by their hash: the previous build's would stay beside the new ones.
  await rm(OUT_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: { bin: ENTRY },
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE },
    // Error classes are named by their class (src/errors.ts: new.target.name): keep the names.
    keepNames: true,
    sourcemap: true,
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const metafile = await bundle();
  const at = process.argv.indexOf('--metafile');
  const file = at === -1 ? undefined : process.argv[at + 1];
  if (file !== undefined) await writeFile(file, JSON.stringify(metafile));
}
