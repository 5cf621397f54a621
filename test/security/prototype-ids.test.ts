/**
 * Ids that are names of Object.prototype (issue 13): looked up as own keys
 * only, everywhere. `constructor` is a valid id when the framework declares
 * it, and reads no prototype; `__proto__`, `toString` and `hasOwnProperty`
 * are not slugs, so never declared: wherever a file refers to one of the
 * four undeclared, it is an unknown id — `__proto__` in `scores` too, which
 * the schema's records used to drop without a word.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import { loadTemplates } from '../../src/render/templates.js';
import { reportContext } from '../../src/render/view-common.js';
import { organisationView, teamView } from '../../src/render/view-group.js';
import { repView } from '../../src/render/view-rep.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function check(files: Record<string, string>) {
  const ws = await tempWorkspace(files);
  cleanups.push(ws.cleanup);
  const result = await validate({ data: ws.dir });
  return { ...result, out: lines(result.diagnostics, ws.dir).filter((l) => !/never observed|jamais observ/.test(l)) };
}

const ID_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'] as const;

/** A rep who refers to `id` as a role, a goal's competency, a context, a score and a note. */
const referring = (id: string) =>
  [
    'name: Ann Lee',
    `role: ${id}`,
    'goals:',
    `  - competency: ${id}`,
    '    target: 2',
    'assessments:',
    '  - date: 2026-02-10',
    `    context: ${id}`,
    '    scores:',
    `      ${id}: 2`,
    '      discovery: 2',
    '    notes:',
    `      ${id}: seen`,
    '',
  ].join('\n');

describe('undeclared, each is an unknown id wherever it is used', () => {
  it.each(ID_NAMES)('%s', async (id) => {
    const { dataset, out } = await check({ 'framework.yaml': framework, '2026/ann-lee.yaml': referring(id) });
    expect(dataset).toBeUndefined();
    const competencies = 'known competencies: prospecting, discovery, negotiation';
    expect(out).toEqual([
      `2026/ann-lee.yaml:2:7: error: role: unknown role "${id}" (known roles: junior, senior)`,
      `2026/ann-lee.yaml:4:17: error: goals[0].competency: unknown competency "${id}" (${competencies})`,
      `2026/ann-lee.yaml:8:14: error: assessments[0].context: unknown context "${id}" (known contexts: new-business, key-account)`,
      `2026/ann-lee.yaml:10:7: error: unknown competency "${id}" (${competencies})`,
      `2026/ann-lee.yaml:13:7: error: unknown competency "${id}" (${competencies})`,
    ]);
  });

  it('__proto__ in scores, in French', async () => {
    const fr = framework.replace('locale: en', 'locale: fr');
    const { out } = await check({ 'framework.yaml': fr, '2026/ann-lee.yaml': referring('__proto__') });
    expect(out[3]).toBe(
      '2026/ann-lee.yaml:10:7: error: compétence inconnue «\u00a0__proto__\u00a0» (compétences connues\u00a0: prospecting, discovery, negotiation)',
    );
  });

  it('__proto__ in the framework’s records: a role’s expected levels, level labels', async () => {
    const bad = framework
      .replace('      negotiation: 3.5', '      negotiation: 3.5\n      __proto__: 3')
      .replace('    4: Expert', '    4: Expert\n    __proto__: Guru');
    const { out } = await check({ 'framework.yaml': bad });
    expect(out).toEqual([
      'framework.yaml:12:5: error: "__proto__" is not a level: levels are whole numbers of the scale',
      'framework.yaml:39:7: error: unknown competency "__proto__" in the expected levels of role "senior" (known competencies: prospecting, discovery, negotiation, or default)',
    ]);
  });

  it('__proto__, toString and hasOwnProperty cannot be declared: they are not slugs', async () => {
    const declaring = framework.replace('  - id: prospecting', '  - id: toString\n    label: T\n  - id: prospecting');
    const { out } = await check({ 'framework.yaml': declaring });
    expect(out).toEqual([
      'framework.yaml:13:9: error: competencies[0].id: "toString" is not an id: ids are lowercase slugs such as "new-business" (letters, digits and single hyphens) (write "tostring")',
    ]);
  });
});

describe('constructor, declared as a competency, a context and a role', () => {
  const declared = framework
    .replace(
      '  - id: negotiation\n    label: Negotiation',
      '  - id: negotiation\n    label: Negotiation\n  - id: constructor\n    label: Building',
    )
    .replace(
      '  - id: key-account\n    label: Key account',
      '  - id: key-account\n    label: Key account\n  - id: constructor\n    label: Site visit',
    )
    .replace(
      'roles:\n',
      'roles:\n  - id: constructor\n    label: Builder\n    expected:\n      default: 2\n      constructor: 3\n',
    );
  const rep = [
    'name: Ann Lee',
    'role: constructor',
    'team: North',
    'goals:',
    '  - competency: constructor',
    '    target: 3',
    'assessments:',
    '  - date: 2026-02-10',
    '    context: constructor',
    '    scores:',
    '      constructor: 2',
    '      discovery: 2',
    '    notes:',
    '      constructor: Builds the case',
    // A session that does not score constructor: its row must not read Object.prototype.constructor.
    '  - date: 2026-03-10',
    '    scores:',
    '      discovery: 3',
    '    notes:',
    '      discovery: Open questions',
    '',
  ].join('\n');

  it('is valid, and every report reads its own values: no NaN, no function, no undefined', async () => {
    const { dataset, out } = await check({ 'framework.yaml': declared, '2026/ann-lee.yaml': rep });
    expect(out).toEqual([]);
    if (dataset === undefined) throw new Error('valid');
    const figures = computeFigures(dataset, 2026, '2026-12-31');
    const ann = figures.reps[0];
    if (ann === undefined) throw new Error('one rep');
    expect(ann.competencies.find((c) => c.id === 'constructor')).toMatchObject({ level: 2, expected: 3 });
    expect(ann.competencies.find((c) => c.id === 'discovery')).toMatchObject({ expected: 2 });
    const templates = await loadTemplates();
    const ctx = reportContext(dataset.framework, 2026);
    const stub = (key: string) => `<svg data-chart="${key}"></svg>`;
    const record = dataset.reps[0];
    if (record === undefined) throw new Error('one record');
    const pages = [
      templates.render('rep', { ...repView({ rep: ann, data: record.data }, ctx, stub), styles: '', logo: null }),
      ...figures.teams.map((team) =>
        templates.render('team', { ...teamView(team, ctx, stub, figures.reps), styles: '', logo: null }),
      ),
      templates.render('organisation', {
        ...organisationView(figures.organisation, figures.teams, ctx, stub, new Map()),
        styles: '',
        logo: null,
      }),
    ];
    for (const html of pages) {
      const text = html.replace(/<[^>]*>/g, ' ');
      expect(text).not.toMatch(/NaN|undefined|\[object|function|native code/);
    }
    expect(pages[0]).toContain('Site visit');
    expect(pages[0]).toContain('Builder');
    expect(pages[0]).toContain('Builds the case');
  });
});
