/**
 * What the build's stages say (the lock, the logo, writing the output), said
 * by the command line in the workspace's language: a French workspace gets
 * French, with its typography; an English one the words it always had.
 */
import { cp, mkdtemp, rm, readFile, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageEn } from '../../src/messages/stage-en.js';
import { stageFr } from '../../src/messages/stage-fr.js';
import { revue } from './spawn.js';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
const NBSP = '\u00a0';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-stage-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

/** A copy of the example (a French workspace), its framework edited by `edit`. */
async function workspace(name: string, edit: (framework: string) => string = (f) => f): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(DATA, path.join(dir, 'data'), { recursive: true });
  const framework = path.join(dir, 'data', 'framework.yaml');
  await writeFile(framework, edit(await readFile(framework, 'utf8')));
  return dir;
}

const english = (framework: string) => framework.replace(/^locale: fr$/m, 'locale: en');
const withLogo = (name: string) => (framework: string) => framework.replace(/^report:$/m, `report:\n  logo: ${name}`);

async function holdLock(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'output', '2026'), { recursive: true });
  const owner = { pid: process.pid, host: hostname(), started: '2026-12-01T09:00:00.000Z', token: 'held-by-the-test' };
  await writeFile(path.join(dir, 'output', '2026', '.revue-build.lock'), JSON.stringify(owner));
}

describe('a build refused by the lock of its output folder', () => {
  it('says so in French in a French workspace', async () => {
    const dir = await workspace('locked-fr');
    await holdLock(dir);
    const run = revue(['build', '--html-only'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `erreur${NBSP}: une autre construction écrit dans output/2026${NBSP}: le verrou output/2026/.revue-build.lock ` +
        `est tenu par le processus ${process.pid} (une construction lancée le 2026-12-01T09:00:00.000Z)`,
    );
    expect(run.stderr).toContain(
      `conseil${NBSP}: attendez qu’elle se termine, ou supprimez le fichier de verrou si aucune construction ne tourne`,
    );
    expect(run.stderr).not.toMatch(/another build|\n\s+at /);
  });

  it('in English in an English workspace, as before', async () => {
    const dir = await workspace('locked-en', english);
    await holdLock(dir);
    const run = revue(['build', '--html-only'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error: another build is writing to output/2026: the lock output/2026/.revue-build.lock is held by ' +
        `pid ${process.pid} (a build started 2026-12-01T09:00:00.000Z)`,
    );
  });
});

describe('a logo revue cannot embed', () => {
  it('too large: said in French, its size in French', async () => {
    const dir = await workspace('logo-fr', withLogo('logo.png'));
    await writeFile(path.join(dir, 'data', 'logo.png'), Buffer.alloc(2.5 * 1024 * 1024));
    const run = revue(['build', '--html-only'], { cwd: dir });
    expect(run.code).toBe(1);
    const file = 'data/logo.png';
    expect(run.stderr).toContain(
      `erreur${NBSP}: le logo ${file} (report.logo dans framework.yaml) pèse 2,5${NBSP}Mo${NBSP}: ` +
        `un logo pèse au plus 2,0${NBSP}Mo, car il est intégré à chaque rapport`,
    );
    expect(run.stderr).toContain(`conseil${NBSP}: utilisez une image plus légère${NBSP}: un logo pèse d’ordinaire`);
  });

  it('in English in an English workspace, as before', async () => {
    const dir = await workspace('logo-en', (f) => withLogo('logo.png')(english(f)));
    await writeFile(path.join(dir, 'data', 'logo.png'), Buffer.alloc(2.5 * 1024 * 1024));
    const run = revue(['build', '--html-only'], { cwd: dir });
    expect(run.code).toBe(1);
    const file = 'data/logo.png';
    expect(run.stderr).toContain(
      `error: the logo ${file} (report.logo in framework.yaml) is 2.5 MB: a logo may be at most 2.0 MB, since it is embedded in every report`,
    );
  });
});

describe('the two catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(stageFr).sort()).toEqual(Object.keys(stageEn).sort());
  });

  it('French words follow French typography: no plain space before : ; ? !', () => {
    const numbers = new Set(['pid', 'count', 'index', 'max', 'missing', 'seconds', 'bytes']);
    const value = (key: string | symbol) =>
      key === 'types' ? ['.png'] : key === 'host' ? '' : numbers.has(String(key)) ? 1 : 'X';
    const sample = new Proxy({}, { get: (_, key) => value(key) });
    for (const [key, entry] of Object.entries(stageFr)) {
      const text = typeof entry === 'string' ? entry : (entry as (p: unknown) => string)(sample);
      const [first] = text.split('\n');
      expect([key, first?.match(/ [:;?!]/)?.[0]]).toEqual([key, undefined]);
    }
  });
});
