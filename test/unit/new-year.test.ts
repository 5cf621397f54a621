/** `revue new-year`'s files: the course of SPEC §5 as goals, with their evidence, and files that validate. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nextYearFiles } from '../../src/new-year/next-year-files.js';
import { validate } from '../../src/validate/index.js';
import { dataset, on, repYear } from '../fixtures/figures-builders.js';

describe('nextYearFiles', () => {
  // Role "flat" expects 3 everywhere. Ann: a at 2 (gap 1), b at 2.5 (gap 0.5), c at 3 (gap 0), d once (uncertain).
  const ann = repYear('ann', 2026, {
    name: 'Ann Lee',
    team: 'North',
    manager: 'Sam Ray',
    since: '2026-03-01',
    assessments: [
      on('2026-03-10', { a: 2, b: 2, c: 3, d: 1 }, 'x'),
      on('2026-06-10', { a: 1.5, b: 3, c: 3 }, 'y'),
      on('2026-09-10', { a: 2.5, b: 2 }, 'y'),
    ],
  });
  // Bo: everything at or above expectation: no goal proposed.
  const bo = repYear('bo', 2026, { name: 'Bo', assessments: [on('2026-02-01', { a: 3 }), on('2026-05-01', { a: 4 })] });
  // Cy already has a 2027 file: left alone.
  const cy = [repYear('cy', 2026, { name: 'Cy' }), repYear('cy', 2027, { name: 'Cy' })];
  const files = nextYearFiles(dataset([ann, bo, ...cy]), 2027, '2027-01-04');

  it('writes a file for each rep of last year without one, in id order', () => {
    expect(files.map((f) => f.path)).toEqual(['2027/ann.yaml', '2027/bo.yaml']);
  });

  it('sets the goals to the focus entries with a positive gap, target the expected level', () => {
    // a: level (1.5 + 2.5) / 2 = 2, gap 1; b: level (3 + 2) / 2 = 2.5, gap 0.5; c: gap 0, not a goal; d: one score.
    expect(files[0]?.goals).toEqual(['a', 'b']);
    expect(parse(files[0]?.text ?? '')).toEqual({
      name: 'Ann Lee',
      role: 'flat',
      team: 'North',
      manager: 'Sam Ray',
      goals: [
        { competency: 'a', target: 3 },
        { competency: 'b', target: 3 },
      ],
      assessments: [],
    });
    expect(files[1]?.goals).toEqual([]);
  });

  it('gives each goal its evidence in a comment, and the log an example entry', () => {
    const text = files[0]?.text ?? '';
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/rep.schema.json');
    // a: context x scored 2, context y (1.5 + 2.5) / 2 = 2: tie, x comes first in the framework.
    expect(text).toContain('  # A: level 2.0 in 2026, 3.0 expected; weakest context: X (2.0)\n  - competency: a\n');
    expect(text).toContain('  # B: level 2.5 in 2026, 3.0 expected; weakest context: X (2.0)\n  - competency: b\n');
    expect(text).toMatch(/# The coaching log: .*\n# {3}- date: 2027-01-15\n(#.*\n)+assessments: \[\]\n$/);
    expect(files[1]?.text).toContain('# Nothing was below the expected level in 2026');
  });
});

describe('on the example workspace, in French', () => {
  it('writes files that validate with the whole workspace', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'revue-new-year-'));
    try {
      await cp(path.join(import.meta.dirname, '..', '..', 'data'), root, { recursive: true });
      const before = await validate({ data: root });
      if (before.dataset === undefined) throw new Error('the example does not validate');
      const written = nextYearFiles(before.dataset, 2027, '2027-01-04');
      expect(written.length).toBe(before.dataset.reps.filter((r) => r.year === 2026).length);
      await mkdir(path.join(root, '2027'));
      for (const file of written) await writeFile(path.join(root, file.path), file.text, { flag: 'wx' });
      const after = await validate({ data: root });
      expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const first = written[0]?.text ?? '';
      expect(first).toMatch(/# .*\u00a0: niveau \d,\d en 2026, \d,\d attendu/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
