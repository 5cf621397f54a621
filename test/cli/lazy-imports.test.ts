/**
 * `revue --version`, the help, a usage error and `revue validate` load
 * neither the browser (puppeteer) nor the templates (handlebars) nor the
 * charts (chart.js): each command is imported when it runs, and puppeteer
 * only when a browser is started. Every module
 * the process resolves is recorded by a resolve hook given to node with
 * `--import`; a build, which needs them, shows that the record is complete.
 *
 * The binary is a bundle (scripts/bundle.mjs): revue's own modules, zod,
 * yaml and citty are in its chunks, the heavy packages stay outside it and
 * are still loaded only by the commands that need them.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIXTURES, parseJson } from '../helpers.js';
import { BIN, revue } from './spawn.js';

const HOOK = path.join(import.meta.dirname, 'record-imports.mjs');
const MINIMAL = path.join(FIXTURES, 'minimal');
const REPO = path.join(import.meta.dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'data');
/** The bundle's folder, as a URL prefix: every chunk of it sits there. */
const BUNDLE = pathToFileURL(path.dirname(BIN) + path.sep).href;
const HEAVY = ['puppeteer', 'puppeteer-core', 'handlebars', 'chart.js', 'fontkit', 'cli-progress'];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-imports-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

let runs = 0;
/** The URLs of the modules the command resolved, and its output. */
async function record(args: string[]): Promise<{ urls: string[]; stdout: string; code: number | null }> {
  const log = path.join(tmp, `imports-${runs++}.log`);
  const run = revue(args, {
    node: ['--import', HOOK],
    env: { REVUE_IMPORT_LOG: log, REVUE_BROWSER: '/opt/none/chrome' },
  });
  expect(run.stderr).not.toContain('internal error');
  const urls = (await readFile(log, 'utf8')).split('\n').filter((url) => url !== '');
  // The record holds the binary itself too: it saw the command run.
  expect(urls).toContain(pathToFileURL(BIN).href);
  return { urls, stdout: run.stdout, code: run.code };
}

/** The package under node_modules a URL is in, if any. */
function packageOf(url: string): string | undefined {
  return /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
}

/** The packages under node_modules whose modules the command resolved. */
async function packagesLoaded(args: string[]): Promise<Set<string>> {
  const { urls } = await record(args);
  return new Set(urls.map(packageOf).filter((p) => p !== undefined));
}

describe('what a command loads', () => {
  it.each([
    [['--version']],
    [['--help']],
    [['build', '--help']],
    [['biuld']],
    [['build', '--yaer', '2026']],
    [['validate', '--data', MINIMAL]],
    [['validate', '--data', EXAMPLE, '--quiet']],
    [['validate', '--data', path.join(FIXTURES, 'broken'), '--format', 'json']],
    [['schema', 'rep']],
    [['status', '--data', MINIMAL, '--as-of', '2026-11-20']],
    [['status', '--data', MINIMAL, '--format', 'json']],
    // A refused session: nothing is written to the fixture.
    [['log', 'ann-lee', 'nope=3', '--data', MINIMAL, '--date', '2026-11-20']],
    [['log', '--help']],
  ])('revue %j loads no browser, template or chart library', async (args) => {
    const loaded = await packagesLoaded(args);
    for (const heavy of HEAVY) expect(loaded, heavy).not.toContain(heavy);
  });

  it('revue build loads the templates and the charts (the record is complete), and the browser only to print', async () => {
    const out = path.join(tmp, 'out');
    const loaded = await packagesLoaded(['build', '--data', MINIMAL, '--out', out, '--html-only', '--rep', 'ann-lee']);
    expect(loaded).toContain('handlebars');
    expect(loaded).toContain('chart.js');
    // Nothing to print: puppeteer is loaded when a browser is started (print/launch.ts), as for a rebuild that is up to date.
    expect(loaded).not.toContain('puppeteer');
  });
});

describe('the binary is the bundle', () => {
  it('runs `revue validate` of the example from its own chunks, with nothing heavy', async () => {
    const { urls, code } = await record(['validate', '--data', EXAMPLE, '--quiet']);
    expect(code).toBe(0);
    const files = urls.filter((url) => url.startsWith('file:'));
    // Every file is a chunk of the bundle or a package left outside it: no module of revue's dist/ but the bundle's.
    const outside = files.filter((url) => !url.startsWith(BUNDLE) && packageOf(url) === undefined);
    expect(outside).toEqual([]);
    // What the bundle holds is not loaded again from node_modules.
    const packages = new Set(files.map(packageOf).filter((p) => p !== undefined));
    for (const bundled of ['zod', 'yaml', 'js-yaml', 'citty']) expect(packages, bundled).not.toContain(bundled);
    for (const heavy of HEAVY) expect(packages, heavy).not.toContain(heavy);
    // Nor the command that builds: its chunk stays unloaded.
    expect(files.filter((url) => /\/(build|preview)-[^/]*\.js$/.test(url))).toEqual([]);
  });

  it("prints package.json's version for `revue --version`", async () => {
    const { version } = parseJson(
      readFileSync(path.join(REPO, 'package.json'), 'utf8'),
      z.object({ version: z.string() }),
    );
    const { urls, stdout, code } = await record(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
    expect(urls.filter((url) => url.startsWith('file:') && !url.startsWith(BUNDLE))).toEqual([]);
  });
});
