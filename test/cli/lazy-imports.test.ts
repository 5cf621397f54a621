/**
 * `revue --version`, the help, a usage error and `revue validate` load
 * neither the browser (puppeteer) nor the templates (handlebars) nor the
 * charts (chart.js): each command is imported when it runs. Every module
 * the process resolves is recorded by a resolve hook given to node with
 * `--import`; a build, which needs them, shows that the record is complete.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { revue } from './spawn.js';

const HOOK = path.join(import.meta.dirname, 'record-imports.mjs');
const MINIMAL = path.join(FIXTURES, 'minimal');
const HEAVY = ['puppeteer', 'puppeteer-core', 'handlebars', 'chart.js', 'fontkit', 'cli-progress'];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-imports-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

let runs = 0;
/** The packages under node_modules whose modules the command resolved. */
async function packagesLoaded(args: string[]): Promise<Set<string>> {
  const log = path.join(tmp, `imports-${runs++}.log`);
  const run = revue(args, {
    node: ['--import', HOOK],
    env: { REVUE_IMPORT_LOG: log, REVUE_BROWSER: '/opt/none/chrome' },
  });
  expect(run.stderr).not.toContain('internal error');
  const urls = (await readFile(log, 'utf8')).split('\n').filter((url) => url !== '');
  const packages = urls
    .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
    .filter((p) => p !== undefined);
  // The record holds revue's own modules too: it saw the command run.
  expect(urls.some((url) => url.includes('/dist/cli/run.js'))).toBe(true);
  return new Set(packages);
}

describe('what a command loads', () => {
  it.each([
    [['--version']],
    [['--help']],
    [['build', '--help']],
    [['biuld']],
    [['build', '--yaer', '2026']],
    [['validate', '--data', MINIMAL]],
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

  it('revue build loads them (the record is complete)', async () => {
    const out = path.join(tmp, 'out');
    const loaded = await packagesLoaded(['build', '--data', MINIMAL, '--out', out, '--html-only', '--rep', 'ann-lee']);
    expect(loaded).toContain('handlebars');
    expect(loaded).toContain('chart.js');
    expect(loaded).toContain('puppeteer');
  });
});
