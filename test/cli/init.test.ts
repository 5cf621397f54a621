/** `revue init`: a workspace that validates and builds straight away, and never overwrites a file. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../src/init/init-workspace.js';
import { jsonSchema } from '../../src/model/json-schema.js';
import { validate } from '../../src/validate/index.js';
import { UsageError } from '../../src/errors.js';
import { BIN } from './spawn.js';

function revue(args: string[], options: { cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-init-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe('revue init', () => {
  it('writes a French workspace that validates without a warning and builds', async () => {
    const dir = path.join(tmp, 'fr');
    const created = revue(['init', dir, '--locale', 'fr', '--year', '2026']);
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('');
    for (const file of [
      'data/framework.yaml',
      'data/2026/camille-durand.yaml',
      'schema/framework.schema.json',
      'schema/rep.schema.json',
      '.gitignore',
    ]) {
      expect(created.stderr).toContain(`  ${file}\n`);
    }

    const validated = revue(['validate', '--data', path.join(dir, 'data')]);
    expect(validated.code).toBe(0);
    expect(validated.stderr).not.toContain('avertissement');

    const out = path.join(dir, 'output');
    const built = revue([
      'build',
      '--data',
      path.join(dir, 'data'),
      '--out',
      out,
      '--rep',
      'camille-durand',
      '--html-only',
    ]);
    expect(built.stderr).toContain('1 écrit');
    expect(built.code).toBe(0);
    const html = await readFile(path.join(out, '2026', 'reps', 'camille-durand.html'), 'utf8');
    expect(html).toContain('Camille Durand');
    expect(html).toContain('Revue annuelle 2026');
    // the level description reached is printed beside the level (negotiation: 1.75 -> level 1)
    expect(html).toContain('Cède une remise dès la première demande');
    expect(html).toContain('Cap proposé pour 2027');
  }, 60_000);

  it('points the $schema lines at schema files written into the workspace', async () => {
    const dir = path.join(tmp, 'fr');
    const framework = await readFile(path.join(dir, 'data/framework.yaml'), 'utf8');
    const rep = await readFile(path.join(dir, 'data/2026/camille-durand.yaml'), 'utf8');
    const schemaOf = (text: string, from: string) => {
      const target = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text.split('\n')[0] ?? '')?.[1];
      expect(target).toBeDefined();
      return path.resolve(from, target ?? '');
    };
    const frameworkSchema = schemaOf(framework, path.join(dir, 'data'));
    const repSchema = schemaOf(rep, path.join(dir, 'data/2026'));
    expect(frameworkSchema).toBe(path.join(dir, 'schema/framework.schema.json'));
    expect(repSchema).toBe(path.join(dir, 'schema/rep.schema.json'));
    expect(JSON.parse(await readFile(frameworkSchema, 'utf8'))).toEqual(jsonSchema('framework'));
    expect(JSON.parse(await readFile(repSchema, 'utf8'))).toEqual(jsonSchema('rep'));
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^output\/$/m);
  });

  it('uses the current folder and the current year by default, in English', async () => {
    const dir = path.join(tmp, 'here');
    await mkdir(dir);
    const year = new Date().getFullYear();
    const { code, stderr } = revue(['init'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('workspace created in the current folder');
    expect(stderr).not.toContain('cd ');
    const rep = await readFile(path.join(dir, 'data', String(year), 'sam-taylor.yaml'), 'utf8');
    expect(rep).toContain(`date: ${year}-01-20`);
    expect(revue(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('refuses, exit 2, when a file it would write exists: lists them and changes nothing', async () => {
    const dir = path.join(tmp, 'fr');
    const before = await readFile(path.join(dir, 'data/framework.yaml'), 'utf8');
    await writeFile(path.join(dir, 'data/framework.yaml'), `${before}# my edit\n`);
    const { code, stderr } = revue(['init', dir, '--locale', 'fr', '--year', '2026']);
    expect(code).toBe(2);
    // In the language of the workspace it was asked to create.
    expect(stderr).toContain('erreur\u00a0: revue init n’écrase jamais un fichier, et ceux-ci existent dans');
    expect(stderr).toMatch(
      /\n {2}data\/framework\.yaml\n {2}data\/2026\/camille-durand\.yaml\n {2}schema\/framework\.schema\.json\n {2}schema\/rep\.schema\.json\n/,
    );
    expect(stderr).toContain('conseil\u00a0: lancez «\u00a0revue init\u00a0» dans un dossier nouveau ou vide');
    expect(await readFile(path.join(dir, 'data/framework.yaml'), 'utf8')).toBe(`${before}# my edit\n`);
  });

  it('refuses a wrong locale or year with exit 2', () => {
    const locale = revue(['init', path.join(tmp, 'de'), '--locale', 'de']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain('error: --locale expects "fr" or "en", got "de"');
    expect(revue(['init', path.join(tmp, 'y'), '--year', '26']).code).toBe(2);
    return expect(stat(path.join(tmp, 'de'))).rejects.toThrow();
  });
});

describe('init(), the library function', () => {
  it.each(['fr', 'en'] as const)(
    'gives a %s framework with a description of every level of every competency, and no diagnostic',
    async (locale) => {
      const dir = path.join(tmp, `lib-${locale}`);
      const result = await init({ dir, locale, year: 2031 });
      expect(result.written).toHaveLength(5);
      expect(result.appended).toBeNull();
      const { dataset, diagnostics } = await validate({ data: result.data, asOf: '2031-12-31' });
      expect(diagnostics).toEqual([]);
      const framework = dataset?.framework;
      expect(framework?.locale).toBe(locale);
      expect(framework?.competencies.map((c) => c.id)).toEqual([
        'prospecting',
        'discovery',
        'presentation',
        'objection-handling',
        'negotiation',
        'closing',
        'account-management',
      ]);
      for (const competency of framework?.competencies ?? []) {
        expect(Object.keys(competency.levels ?? {}), competency.id).toEqual(['1', '2', '3', '4']);
        expect(competency.description).toBeTruthy();
      }
      expect(framework?.scale).toMatchObject({ min: 1, max: 4, step: 0.5 });
      expect(framework?.contexts?.length).toBeGreaterThan(1);
      expect(dataset?.years).toEqual([2031]);
      const rep = dataset?.reps[0]?.data;
      expect(rep?.assessments.length).toBeGreaterThan(3);
      expect(rep?.goals?.length).toBeGreaterThan(0);
      expect(rep?.results).toBeDefined();
      expect(rep?.review?.manager).toBeTruthy();
    },
  );

  it('adds output/ to an existing .gitignore, keeping its lines, and leaves one that has it alone', async () => {
    const dir = path.join(tmp, 'git');
    await mkdir(dir);
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/');
    expect((await init({ dir, year: 2026 })).appended).toBe('.gitignore');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n# revue: generated reports\noutput/\n',
    );

    const other = path.join(tmp, 'git2');
    await mkdir(other);
    await writeFile(path.join(other, '.gitignore'), '/output/\n');
    const result = await init({ dir: other, year: 2026 });
    expect(result.appended).toBeNull();
    expect(result.written).not.toContain('.gitignore');
    expect(await readFile(path.join(other, '.gitignore'), 'utf8')).toBe('/output/\n');
  });

  it('throws a UsageError naming the existing files and writes none', async () => {
    const dir = path.join(tmp, 'partial');
    await mkdir(path.join(dir, 'schema'), { recursive: true });
    await writeFile(path.join(dir, 'schema/rep.schema.json'), '{}');
    await expect(init({ dir, year: 2026 })).rejects.toThrow(UsageError);
    await expect(init({ dir, year: 2026 })).rejects.toThrow(
      /this one exists in .*partial:\n {2}schema\/rep\.schema\.json$/,
    );
    await expect(stat(path.join(dir, 'data'))).rejects.toThrow();
  });
});
