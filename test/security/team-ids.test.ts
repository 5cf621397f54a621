/**
 * One team, one report file (issue 13): two team names that would give the
 * same file are an error naming both; every name gets a stable id, bounded
 * in length, whatever its script.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEAM_ID, teamId } from '../../src/model/team-id.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const rep = (name: string, team: string) =>
  `name: ${name}\nrole: junior\nteam: ${JSON.stringify(team)}\nassessments:\n  - date: 2026-02-10\n    scores:\n      discovery: 2\n`;

async function check(teams: readonly string[], locale: 'en' | 'fr' = 'en') {
  const files: Record<string, string> = { 'framework.yaml': framework.replace('locale: en', `locale: ${locale}`) };
  teams.forEach((team, i) => {
    files[`2026/rep-${i + 1}.yaml`] = rep(`Rep ${i + 1}`, team);
  });
  const ws = await tempWorkspace(files);
  cleanups.push(ws.cleanup);
  const result = await validate({ data: ws.dir });
  const out = lines(result.diagnostics, ws.dir).filter((l) => !/never observed|jamais observ/.test(l));
  return { ...result, out: out.map((l) => l.replaceAll(ws.dir, '<data>')) };
}

describe('two teams that would share a report file', () => {
  it.each([
    ['R&D', 'R-D', 'r-d'],
    ['Sales 🇫🇷', 'Sales 🇩🇪', 'sales'],
    ['Île-de-France', 'Ile de France', 'ile-de-france'],
  ])('%s and %s: an error on the second, naming both teams and their files', async (a, b, id) => {
    const { dataset, out } = await check([a, b]);
    expect(dataset).toBeUndefined();
    expect(out).toEqual([
      `2026/rep-2.yaml:3:7: error: the team "${b}" would have the same report file as the team "${a}" (<data>/2026/rep-1.yaml:3): teams/${id}.pdf (spell the two names alike if they are one team; if not, make them differ in letters or digits)`,
    ]);
  });

  it('says so in French', async () => {
    const { out } = await check(['R&D', 'R-D'], 'fr');
    expect(out).toEqual([
      '2026/rep-2.yaml:3:7: error: l’équipe «\u00a0R-D\u00a0» aurait le même fichier de rapport que l’équipe «\u00a0R&D\u00a0» (<data>/2026/rep-1.yaml:3)\u00a0: teams/r-d.pdf (écrivez les deux noms de la même façon s’il s’agit d’une seule équipe\u202f; sinon, faites-les différer par des lettres ou des chiffres)',
    ]);
  });

  it('reports each pair of names once, however many reps each team has', async () => {
    const { out } = await check(['R&D', 'R-D', 'R&D', 'R-D', 'R-D']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^2026\/rep-2.yaml:3:7: error: the team "R-D"/);
  });

  it('names that differ only in case or spacing are one team', async () => {
    const { dataset, out } = await check(['Paris Sud', 'paris  sud', 'PARIS SUD']);
    expect(out).toEqual([]);
    expect(dataset?.reps).toHaveLength(3);
  });
});

describe('every team name gets a stable, distinct, bounded id', () => {
  it('a name with no Latin letter is accepted, with a digest of the name', async () => {
    const { dataset, out } = await check(['Отдел 1', 'فريق 1', 'فريق', '—']);
    expect(out).toEqual([]);
    expect(dataset?.reps).toHaveLength(4);
    // Stable: the same name gives the same id on every machine and every build.
    expect(['Отдел 1', 'فريق 1', 'فريق', '—'].map(teamId)).toEqual([
      '1-7055e95c',
      '1-bc083e95',
      '359d4430',
      'bda05058',
    ]);
  });

  it('Latin letters with an ASCII spelling keep it; names are otherwise slugged', () => {
    expect(['Paris Sud', 'Île-de-France', 'Straße Köln', 'Ærø', 'Łódź', 'R&D', '../../etc'].map(teamId)).toEqual([
      'paris-sud',
      'ile-de-france',
      'strasse-koln',
      'aero',
      'lodz',
      'r-d',
      'etc',
    ]);
  });

  it('a name of 300 characters gets a file name of at most 80, checked at validation', async () => {
    const long = `${'Équipe commerciale '.repeat(16)}Nord`;
    expect(long.length).toBeGreaterThan(232);
    const id = teamId(long);
    expect(id.length).toBeLessThanOrEqual(MAX_TEAM_ID);
    expect(id).toMatch(/^equipe-commerciale-equipe-[a-z-]+-[0-9a-f]{8}$/);
    // Two long names alike in their first 80 characters still get two files.
    expect(teamId(`${long} A`)).not.toBe(teamId(`${long} B`));
    const { dataset, out } = await check([long, `${long} 2`]);
    expect(out).toEqual([]);
    expect(dataset?.reps).toHaveLength(2);
  });
});

describe('a rep file name is bounded too', () => {
  it('a rep id over 100 characters is an error at validation, not ENAMETOOLONG at build', async () => {
    const stem = 'a'.repeat(101);
    const ws = await tempWorkspace({ 'framework.yaml': framework, [`2026/${stem}.yaml`]: rep('Ann', 'North') });
    cleanups.push(ws.cleanup);
    const result = await validate({ data: ws.dir });
    expect(result.dataset).toBeUndefined();
    expect(lines(result.diagnostics, ws.dir).filter((l) => l.includes('error'))).toEqual([
      `2026/${stem}.yaml:0:0: error: the file name is 101 characters long: a rep id has at most 100 (name the file after the rep, e.g. alice-martin.yaml)`,
    ]);
    const fine = await tempWorkspace({
      'framework.yaml': framework,
      [`2026/${'a'.repeat(100)}.yaml`]: rep('Ann', 'North'),
    });
    cleanups.push(fine.cleanup);
    expect((await validate({ data: fine.dir })).dataset?.reps).toHaveLength(1);
  });
});
