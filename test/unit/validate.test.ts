import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines } from '../helpers.js';

describe('validate: the broken workspace', () => {
  it('reports every problem of every file at its line and column, in one run', async () => {
    const root = path.join(FIXTURES, 'broken');
    const { dataset, diagnostics } = await validate({ data: root });
    expect(dataset).toBeUndefined();
    expect(lines(diagnostics, root)).toEqual([
      '2025/missing.yaml:1:1: error: missing required key "name"',
      '2025/missing.yaml:2:7: error: team: expected text, got 12',
      '2026/Bad_Name.yaml:0:0: error: the file name "Bad_Name" is not a valid rep id (name the file after the rep in lowercase with hyphens: bad-name.yaml)',
      '2026/Bad_Name.yaml:0:0: warning: no assessment in 2026: this rep was never coached this year',
      // The rest of a file with a duplicate key is read and checked too (the later value is used).
      '2026/dup-keys.yaml:0:0: warning: no assessment in 2026: this rep was never coached this year',
      '2026/dup-keys.yaml:3:1: error: duplicate key "name": it is already set at line 1 (keep one of the two "name:" lines; until then, this later one is the one read)',
      '2026/notes.txt:0:0: warning: ignored: only .yaml and .yml files are read in a year folder',
      // So is the rest of a file with a syntax error: the bracket closed, the scores are read.
      '2026/syntax.yaml:4:3: warning: never observed in 2026: Prospecting, Negotiation',
      '2026/syntax.yaml:5:13: error: the "{" opened here is never closed (close it: scores: { discovery: 3 })',
      '2026/typos.yaml:2:7: error: role: unknown role "junor" (did you mean "junior"?)',
      '2026/typos.yaml:7:17: error: a goal for "discovery" is already set at goals[0] (keep one goal per competency)',
      '2026/typos.yaml:8:13: error: goals[1].target: 5 is outside the scale 1–4',
      '2026/typos.yaml:11:13: error: results.achieved: cannot be negative, got -5',
      '2026/typos.yaml:14:14: error: assessments[0].context: unknown context "new-busines" (did you mean "new-business"?)',
      '2026/typos.yaml:16:7: error: unknown competency "discovry" (did you mean "discovery"?)',
      "2026/typos.yaml:17:20: error: assessments[0].scores.prospecting: 2.25 is not on the scale's step of 0.5 (use 2 or 2.5)",
      "2026/typos.yaml:18:11: error: assessments[1].date: 2025-12-31 is outside 2026, the year of this file's folder (correct the year, or move the entry to the 2025 folder)",
      '2026/typos.yaml:19:5: error: unknown key "scroes" in assessments[1] (did you mean "scores"?)',
      '2026/typos.yaml:21:11: error: assessments[2].date: "2026-02-30" is not a valid date (February 2026 has 28 days)',
      '2026/typos.yaml:23:20: error: assessments[2].scores.negotiation: 7 is outside the scale 1–4',
      '2026/typos.yaml:24:18: error: assessments[2].scores.discovery: expected a number, got "two"',
      '26:0:0: error: "26" is not a year folder (year folders are named with four digits, e.g. 2026)',
    ]);
  });

  it('quotes the offending line for the terminal', async () => {
    const root = path.join(FIXTURES, 'broken');
    const { diagnostics } = await validate({ data: root });
    const typo = diagnostics.find((d) => d.message.includes('discovry'));
    expect(typo?.excerpt).toBe('      discovry: 2');
  });
});

describe('validate: the valid fixture', () => {
  it('gives the dataset, with defaults applied and files in year then id order', async () => {
    const root = path.join(FIXTURES, 'minimal');
    const { dataset, diagnostics } = await validate({ data: root });
    expect(lines(diagnostics, root)).toEqual([
      '2026/bo-chen.yaml:6:3: warning: never observed in 2026: Prospecting, Negotiation',
    ]);
    expect(dataset?.years).toEqual([2025, 2026]);
    expect(dataset?.reps.map((r) => `${r.year}/${r.id}`)).toEqual(['2025/ann-lee', '2026/ann-lee', '2026/bo-chen']);
    expect(dataset?.framework.currency).toBe('EUR');
    expect(dataset?.framework.scale.step).toBe(0.5);
    expect(dataset?.reps[1]?.data.assessments[1]?.scores).toEqual({ discovery: 3, prospecting: 3, negotiation: 2 });
  });
});
