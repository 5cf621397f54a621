/**
 * `validate` is bounded in time by the size of the file (issue 13): at most
 * 100 diagnostics per file, then one line for the rest; each found with a
 * look-up, not a search of the file. The tests count the diagnostics; the
 * time is the benchmark's business (STYLE.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/validate/cap-diagnostics.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function check(text: string, locale: 'en' | 'fr' = 'en') {
  const ws = await tempWorkspace({
    'framework.yaml': framework.replace('locale: en', `locale: ${locale}`),
    '2026/ann-lee.yaml': text,
  });
  cleanups.push(ws.cleanup);
  const result = await validate({ data: ws.dir });
  return { ...result, out: lines(result.diagnostics, ws.dir) };
}

const unknownKeys = (count: number) =>
  `name: Ann Lee\nrole: junior\n${Array.from({ length: count }, (_, i) => `bad${i}: 1\n`).join('')}`;
const KNOWN = 'name, role, team, manager, since, goals, results, assessments, review';

describe('the diagnostics of one file are capped', () => {
  it('100,000 unknown keys (1.2 MB): the first 100, then the count of the rest', async () => {
    expect(MAX_DIAGNOSTICS_PER_FILE).toBe(100);
    const { out, dataset } = await check(unknownKeys(100_000));
    expect(dataset).toBeUndefined();
    expect(out).toHaveLength(101);
    expect(out.slice(0, 2)).toEqual([
      `2026/ann-lee.yaml:3:1: error: unknown key "bad0" (expected one of: ${KNOWN})`,
      `2026/ann-lee.yaml:4:1: error: unknown key "bad1" (expected one of: ${KNOWN})`,
    ]);
    expect(out.slice(99)).toEqual([
      `2026/ann-lee.yaml:102:1: error: unknown key "bad99" (expected one of: ${KNOWN})`,
      '2026/ann-lee.yaml:103:1: error: and 99900 more problems in this file from here on (is this the right file? If it is, correct the first problems and check again)',
    ]);
  }, 120_000);

  it('in French', async () => {
    const { out } = await check(unknownKeys(1_000), 'fr');
    expect(out).toHaveLength(101);
    expect(out[100]).toBe(
      '2026/ann-lee.yaml:103:1: error: et 900 autres problèmes dans ce fichier à partir d’ici (est-ce le bon fichier\u202f? Si oui, corrigez les premiers problèmes et vérifiez à nouveau)',
    );
  });

  it('100 problems are all listed, with no count', async () => {
    const { out } = await check(unknownKeys(100));
    expect(out).toHaveLength(100);
    expect(out.filter((l) => l.includes('more problems'))).toEqual([]);
  });

  it('mixes the parser’s diagnostics and the checks of the data, in the file’s order', async () => {
    const sessions = Array.from(
      { length: 150 },
      (_, i) => `  - date: 14/02/2026\n    scores:\n      discovery: ${i % 2 === 0 ? '2,5' : 2}\n`,
    );
    const { out } = await check(`name: Ann Lee\nrole: junior\nassessments:\n${sessions.join('')}`);
    expect(out).toHaveLength(101);
    expect(out.slice(0, 2)).toEqual([
      '2026/ann-lee.yaml:4:11: error: assessments[0].date: "14/02/2026" is not a valid date (write it year-month-day: - date: 2026-02-14)',
      '2026/ann-lee.yaml:6:18: error: assessments[0].scores.discovery: "2,5" is written with a decimal comma: YAML reads it as text (use a point: discovery: 2.5)',
    ]);
    // 150 dates and 75 decimal commas: the first 100 in the file's order (line 4 + 3 × 66 is the 67th date).
    expect(out[99]).toBe(
      '2026/ann-lee.yaml:202:11: error: assessments[66].date: "14/02/2026" is not a valid date (write it year-month-day: - date: 2026-02-14)',
    );
    expect(out[100]).toBe(
      '2026/ann-lee.yaml:204:18: error: and 125 more problems in this file from here on (is this the right file? If it is, correct the first problems and check again)',
    );
  });

  it('30,000 warnings in a file written right: placed on its lines by a look-up each, the first 100 listed', async () => {
    const sessions = Array.from(
      { length: 30_000 },
      (_, i) => `  - date: 2026-12-${String(2 + (i % 28)).padStart(2, '0')}\n    scores:\n      discovery: 2\n`,
    );
    const ws = await tempWorkspace({
      'framework.yaml': framework,
      '2026/ann-lee.yaml': `name: Ann Lee\nrole: junior\nassessments:\n${sessions.join('')}`,
    });
    cleanups.push(ws.cleanup);
    const result = await validate({ data: ws.dir, asOf: '2026-12-01' });
    const out = lines(result.diagnostics, ws.dir).filter((l) => !l.includes('never observed'));
    expect(result.dataset?.reps[0]?.data.assessments).toHaveLength(30_000);
    expect(out.slice(0, 2)).toEqual([
      "2026/ann-lee.yaml:4:11: warning: 2026-12-02 is after the build's date, 2026-12-01: an assessment records a session that took place (check the date (or, to build as of a later day, pass --as-of))",
      "2026/ann-lee.yaml:7:11: warning: 2026-12-03 is after the build's date, 2026-12-01: an assessment records a session that took place (check the date (or, to build as of a later day, pass --as-of))",
    ]);
    expect(out.at(-1)).toMatch(/^2026\/ann-lee\.yaml:\d+:\d+: warning: and 29\d{3} more problems in this file/);
  }, 120_000);

  it('100,000 lines of a tab and an unclosed bracket: 50 syntax errors, then the count of the rest', async () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `\tbad${i}: [\n`).join('');
    const { out } = await check(text);
    expect(out).toHaveLength(51);
    expect(out[50]).toBe(
      '2026/ann-lee.yaml:51:2: error: and 99951 more YAML syntax errors from here on (is this the right file? If it is, correct the first errors and check again)',
    );
  }, 120_000);
});
