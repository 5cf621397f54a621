/**
 * The command line's conventions (issue 12): "did you mean", kebab-case
 * options in every help, no ANSI code off a terminal or with NO_COLOR, the
 * data folder found from inside the workspace, the build's date checked,
 * machine-readable diagnostics, and warnings of other years counted, not
 * listed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIAGNOSTIC_CODES } from '../../src/messages/diagnostics.js';
import { FIXTURES } from '../helpers.js';
import { revue, revueOnTerminal } from './spawn.js';

const MINIMAL = path.join(FIXTURES, 'minimal');
const BROKEN = path.join(FIXTURES, 'broken');
const ESC = '\u001b';

/** The build's date the figures were computed as of, read from `revue figures`' JSON. */
const asOfOf = (stdout: string) =>
  z.object({ reps: z.array(z.object({ coaching: z.object({ asOf: z.string() }) })) }).parse(JSON.parse(stdout)).reps[0]
    ?.coaching.asOf;

const diagnosticsJson = z.array(
  z.strictObject({
    file: z.string(),
    line: z.number(),
    column: z.number(),
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    hint: z.string().nullable(),
  }),
);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-conventions-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

/** A copy of a fixture as `<dir>/data`, in a fresh workspace folder. */
async function workspace(name: string, fixture = MINIMAL): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(fixture, path.join(dir, 'data'), { recursive: true });
  return dir;
}

describe('"did you mean" for commands and options', () => {
  it.each([
    [
      ['biuld'],
      'error: unknown command "biuld"\n  hint: did you mean "build"?\n  run "revue --help" for the list of commands',
    ],
    [
      ['build', '--yaer', '2026'],
      'error: unknown option "--yaer" for "revue build"\n  hint: did you mean "--year"?\n  run "revue build --help" for usage',
    ],
    [['build', '--htmlOnly'], 'hint: did you mean "--html-only"?'],
    [
      ['validate', '--format', 'jsno'],
      'error: --format expects "text" or "json", got "jsno"\n  hint: did you mean "json"?',
    ],
    [['figures', '--table', 'rep'], 'hint: did you mean "reps"?'],
    [['schema', 'framwork'], 'error: unknown schema "framwork"\n  hint: did you mean "framework"?'],
  ])('revue %j', (args, message) => {
    const run = revue(args, { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('help', () => {
  it.each(['build', 'validate', 'figures', 'schema', 'init'])(
    'revue %s --help: "revue" in the usage line, kebab-case options',
    (command) => {
      const { code, stdout, stderr } = revue([command, '--help'], { cwd: tmp });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: revue ${command} `));
      expect(stdout).not.toMatch(/--[a-z]+[A-Z]/);
      expect(stdout).toContain('-h, --help');
    },
  );

  it('shows --html-only, and each default once', () => {
    const build = revue(['build', '--help'], { cwd: tmp }).stdout;
    expect(build).toMatch(/^ {2}--html-only {2,}Write standalone HTML files instead of PDFs$/m);
    expect(build).toMatch(
      /^ {2}--as-of YYYY-MM-DD {2,}The build’s date: figures are computed as of it \(default: the day of SOURCE_DATE_EPOCH, else today\)$/m,
    );
    const init = revue(['init', '--help'], { cwd: tmp }).stdout;
    expect(init.match(/default/g)).toHaveLength(3);
    expect(init.match(/the current folder/g)).toHaveLength(1);
    expect(init).toContain('Usage: revue init [dir] [options]');
  });

  it('revue --help lists the commands', () => {
    const { code, stdout } = revue(['--help'], { cwd: tmp });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: revue <command> \[options\]$/m);
    expect(stdout).toMatch(/^ {2}validate {2}Check every file of the workspace; exit 1 on any error$/m);
  });
});

describe('no ANSI code unless on a terminal without NO_COLOR', () => {
  const runs: string[][] = [
    ['--help'],
    ['build', '--help'],
    ['biuld'],
    ['validate', '--data', BROKEN],
    ['validate', '--data', MINIMAL],
    ['figures', '--data', MINIMAL, '--year', '2031'],
  ];

  it.each(runs)('off a terminal, NO_COLOR unset: revue %j', (...args) => {
    const run = revue(args, { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(run.stdout + run.stderr).not.toContain(ESC);
  });

  it.each(runs)('on a terminal with NO_COLOR=1: revue %j', (...args) => {
    const run = revueOnTerminal(args, { NO_COLOR: '1' });
    expect(run.stdout).not.toContain(ESC);
  });

  it('on a terminal without NO_COLOR, there is colour (so that the two tests above can fail)', () => {
    const run = revueOnTerminal(['validate', '--data', BROKEN], { NO_COLOR: undefined });
    expect(run.stdout).toContain(`${ESC}[31merror`);
  });

  it('a build on a terminal with NO_COLOR prints plain progress lines, no bar', () => {
    const out = path.join(tmp, 'tty-build');
    const run = revueOnTerminal(['build', '--data', MINIMAL, '--out', out, '--html-only', '--rep', 'ann-lee'], {
      NO_COLOR: '1',
      REVUE_BROWSER: '/opt/none/chrome',
    });
    expect(run.stdout).not.toContain(ESC);
    expect(run.stdout).toContain('[1/1] wrote');
  });
});

describe('the data folder is found from inside the workspace', () => {
  it('from data/2026/ it is ../ (data/), from the workspace it is data/', async () => {
    const dir = await workspace('walk');
    const inside = revue(['validate'], { cwd: path.join(dir, 'data', '2026') });
    expect(inside.code).toBe(0);
    expect(inside.stderr).toContain('✓ ..: 4 files valid (2025, 2026)');
    const root = revue(['validate'], { cwd: dir });
    expect(root.stderr).toContain('✓ data: 4 files valid (2025, 2026)');
    const deeper = revue(['validate'], { cwd: path.join(dir, 'data') });
    expect(deeper.stderr).toContain('✓ .: 4 files valid (2025, 2026)');
  });

  it('a build from data/2026/ writes to the workspace’s output/', async () => {
    const dir = await workspace('walk-build');
    const run = revue(['build', '--html-only', '--rep', 'ann-lee'], {
      cwd: path.join(dir, 'data', '2026'),
      env: { REVUE_BROWSER: '/opt/none/chrome' },
    });
    expect(run.stderr).toContain('1 written');
    expect(await readFile(path.join(dir, 'output', '2026', 'reps', 'ann-lee.html'), 'utf8')).toContain('Ann Lee');
  });

  it('from data/2026/, a file is named as it is opened from there', async () => {
    const dir = await workspace('walk-broken', BROKEN);
    const run = revue(['validate'], { cwd: path.join(dir, 'data', '2026') });
    expect(run.stderr).toContain('\ntypos.yaml:16:7: error: unknown competency "discovry"\n');
    expect(run.stderr).toMatch(/^\.\.\/2025\/missing.yaml:1:1: error: missing required key "name"$/m);
    const json = diagnosticsJson.parse(
      JSON.parse(revue(['validate', '--format', 'json'], { cwd: path.join(dir, 'data', '2026') }).stdout),
    );
    expect(json.map((d) => d.file)).toContain('typos.yaml');
  });

  it('without a workspace above, it is data, and says so', () => {
    const run = revue(['validate'], { cwd: tmp });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data: error: cannot read the data folder: no such file or folder');
  });
});

describe('the build’s date', () => {
  it.each([['1e9'], ['-5'], [' 1790000000'], ['1790000000 '], ['1790000000.5'], ['253402300800'], [''], ['yesterday']])(
    'a malformed SOURCE_DATE_EPOCH %j is an error, exit 2',
    (value) => {
      for (const command of [['validate'], ['figures'], ['build', '--html-only', '--out', path.join(tmp, 'epoch')]]) {
        const run = revue([...command, '--data', MINIMAL], { env: { SOURCE_DATE_EPOCH: value } });
        expect(run.code, `${command[0]}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toContain(
          `error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (at most 253402300799, the end of 9999), got ${JSON.stringify(value)}`,
        );
      }
    },
  );

  it('a valid SOURCE_DATE_EPOCH is the build’s date of figures', () => {
    // 1782864000 = 2026-07-01T00:00:00Z
    const run = revue(['figures', '--data', MINIMAL], { env: { SOURCE_DATE_EPOCH: '1782864000' } });
    expect(run.code).toBe(0);
    expect(asOfOf(run.stdout)).toBe('2026-07-01');
  });

  it('--as-of is the build’s date, before SOURCE_DATE_EPOCH', () => {
    const run = revue(['figures', '--data', MINIMAL, '--as-of', '2026-03-31'], {
      env: { SOURCE_DATE_EPOCH: '1782864000' },
    });
    expect(run.code).toBe(0);
    expect(asOfOf(run.stdout)).toBe('2026-03-31');
  });

  it.each([
    ['30/11/2026', 'did you mean --as-of 2026-11-30?'],
    ['2026-11-31', 'write it year-month-day, e.g. --as-of 2026-11-30'],
    ['2026/11/30', 'did you mean --as-of 2026-11-30?'],
  ])('a bad --as-of %j is a usage error: %s', (value, hint) => {
    for (const command of ['build', 'figures', 'validate']) {
      const run = revue([command, '--data', MINIMAL, '--as-of', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `error: --as-of expects a date written YYYY-MM-DD, got ${JSON.stringify(value)}\n  hint: ${hint}`,
      );
    }
  });

  it('validate warns of an assessment after the build’s date', () => {
    const run = revue(['validate', '--data', MINIMAL, '--as-of', '2026-03-01']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning: 2026-06-15 is after the build's date, 2026-03-01");
  });
});

describe('revue validate --format json', () => {
  it('prints every diagnostic on stdout, with a stable code, nothing on stderr, exit 1 on an error', () => {
    const run = revue(['validate', '--data', BROKEN, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const list = diagnosticsJson.parse(JSON.parse(run.stdout));
    expect(list).toHaveLength(22);
    for (const row of list) {
      expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'severity', 'code', 'message', 'hint']);
      expect(DIAGNOSTIC_CODES).toContain(row.code);
    }
    expect(list).toContainEqual({
      file: path.join(BROKEN, '2026', 'typos.yaml'),
      line: 16,
      column: 7,
      severity: 'error',
      code: 'unknown-id',
      message: 'unknown competency "discovry"',
      hint: 'did you mean "discovery"?',
    });
    const folder = list.find((row) => row.code === 'not-year-folder');
    expect([folder?.line, folder?.column, typeof folder?.hint]).toEqual([0, 0, 'string']);
    expect(list).toContainEqual(expect.objectContaining({ code: 'missing-key', hint: null }));
  });

  it('prints [] for a valid workspace without warnings, exit 0', async () => {
    const dir = await workspace('json-clean');
    await rm(path.join(dir, 'data', '2026', 'bo-chen.yaml'));
    const run = revue(['validate', '--data', path.join(dir, 'data'), '--format', 'json', '--as-of', '2026-12-31']);
    expect(run.code).toBe(0);
    expect(diagnosticsJson.parse(JSON.parse(run.stdout))).toEqual([]);
  });
});

describe('warnings about other years', () => {
  async function withOldWarnings(): Promise<string> {
    const dir = await workspace('years');
    await writeFile(path.join(dir, 'data', '2025', 'cy-dee.yaml'), 'name: Cy Dee\nrole: junior\n');
    await writeFile(path.join(dir, 'data', '2025', 'di-eve.yaml'), 'name: Di Eve\nrole: junior\n');
    return path.join(dir, 'data');
  }

  it('are counted by default, listed with --verbose, absent with --quiet', async () => {
    const data = await withOldWarnings();
    const normal = revue(['validate', '--data', data, '--as-of', '2026-12-31']);
    expect(normal.code).toBe(0);
    expect(normal.stderr).toContain('2026/bo-chen.yaml:6:3: warning: never observed in 2026: Prospecting, Negotiation');
    expect(normal.stderr).not.toContain('cy-dee');
    expect(normal.stderr).toContain('\n2 warnings about 2025 — --verbose to list them\nno error, 3 warnings\n');

    const verbose = revue(['validate', '--data', data, '--as-of', '2026-12-31', '--verbose']);
    expect(verbose.stderr).toContain(
      '2025/cy-dee.yaml: warning: no assessment in 2025: this rep was never coached this year',
    );
    expect(verbose.stderr).not.toContain('--verbose to list');

    const quiet = revue(['validate', '--data', data, '--as-of', '2026-12-31', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('-q is --quiet, for every command that has it, and the help says so', () => {
    const broken = revue(['validate', '--data', BROKEN, '-q']);
    expect(broken).toEqual(revue(['validate', '--data', BROKEN, '--quiet']));
    expect(broken.stderr).toContain('error: role: unknown role "junor"');
    for (const command of ['build', 'validate', 'figures']) {
      const help = revue([command, '--help']);
      expect(help.stdout).toMatch(/^ {2}-q, --quiet {2,}\S/m);
    }
    // Only the letters an option declares: -v is not --verbose.
    expect(revue(['validate', '--data', BROKEN, '-v']).stderr).toContain('unknown option "-v"');
  });

  it('for --year 2025, the other year is 2026', async () => {
    const data = await withOldWarnings();
    const run = revue(['figures', '--data', data, '--year', '2025', '--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('2025/cy-dee.yaml: warning');
  });

  it('--quiet prints errors still', () => {
    const run = revue(['validate', '--data', BROKEN, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: role: unknown role "junor"');
    expect(run.stderr).not.toContain('warning');
    expect(run.stderr).not.toContain('errors in');
  });
});

describe('in a French workspace, every message is French', () => {
  async function french(): Promise<string> {
    const dir = await workspace('fr', BROKEN);
    const file = path.join(dir, 'data', 'framework.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^locale: en$/m, 'locale: fr'));
    return dir;
  }

  it('diagnostics and their summary', async () => {
    const dir = await french();
    const run = revue(['validate'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'data/2026/typos.yaml:16:7: erreur\u00a0: compétence inconnue «\u00a0discovry\u00a0»\n  conseil\u00a0: vouliez-vous dire «\u00a0discovery\u00a0»\u202f?',
    );
    expect(run.stderr).toMatch(/18 erreurs dans 6 fichiers, 4 avertissements\n$/);
  });

  it('usage errors, and the help', async () => {
    const dir = await french();
    const run = revue(['build', '--yaer', '2026'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'erreur\u00a0: option inconnue «\u00a0--yaer\u00a0» pour «\u00a0revue build\u00a0»\n  conseil\u00a0: vouliez-vous dire «\u00a0--year\u00a0»\u202f?\n  lancez «\u00a0revue build --help\u00a0» pour l’aide\n',
    );
    const help = revue(['validate', '--help'], { cwd: dir });
    expect(help.stdout).toContain('Utilisation\u00a0: revue validate [options]');
    expect(help.stdout).toContain('N’afficher que les erreurs');
  });

  it('the build’s summary', async () => {
    const dir = await workspace('fr-build');
    const file = path.join(dir, 'data', 'framework.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^locale: en$/m, 'locale: fr'));
    const run = revue(['build', '--html-only', '--rep', 'ann-lee', '--as-of', '2026-12-31'], {
      cwd: dir,
      env: { REVUE_BROWSER: '/opt/none/chrome' },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Construction de 1 rapport pour 2026\n[1/1] écrit output/2026/reps/ann-lee.html\n');
    expect(run.stderr).toMatch(
      /✓ 2026\u00a0: 1 écrit, 0 à jour, 0 échec, 1 avertissement en \d+,\d s\n {2}ouvrez output\/2026\/index.html\n$/,
    );
  });
});
