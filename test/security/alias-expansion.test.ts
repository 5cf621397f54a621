/**
 * Aliases are bounded by what they expand to, not by how many there are
 * (issue 13): one list of 12,000 actions reused 190 times is a file under
 * 1 MB that reads as 2.3 million values.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { excessiveAliasExpansion, MAX_ALIAS_NODES } from '../../src/load/alias-expansion.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A session with `actions` anchored (12,000 of them), then `reuses` sessions that reuse them through an alias. */
function reusedActions(actions: number, reuses: number): string {
  const head =
    'name: Ann Lee\nrole: junior\nassessments:\n  - date: 2026-02-10\n    scores:\n      discovery: 2\n    actions: &a\n';
  const list = Array.from({ length: actions }, (_, i) => `      - Action ${i}\n`).join('');
  const again = '  - date: 2026-02-11\n    scores:\n      discovery: 2\n    actions: *a\n'.repeat(reuses);
  return head + list + again;
}

async function check(text: string, locale: 'en' | 'fr') {
  const ws = await tempWorkspace({
    'framework.yaml': framework.replace('locale: en', `locale: ${locale}`),
    '2026/ann-lee.yaml': text,
  });
  cleanups.push(ws.cleanup);
  const result = await validate({ data: ws.dir });
  return { ...result, lines: lines(result.diagnostics, ws.dir).filter((l) => !/never observed|jamais observ/.test(l)) };
}

describe('the expanded size of aliases is bounded', () => {
  const bomb = reusedActions(12_000, 190);

  it('a list of 12,000 actions reused 190 times (under 1 MB) is refused at the alias that goes past the bound', async () => {
    expect(bomb.length).toBeLessThan(1_000_000);
    // Line 7 holds the anchor, 12,000 actions follow, then the sessions of 4 lines: the first alias adds 12,001 values.
    const { dataset, lines: out } = await check(bomb, 'en');
    expect(dataset).toBeUndefined();
    expect(out).toEqual([
      `2026/ann-lee.yaml:${7 + 12_000 + 4}:14: error: this alias takes the file past ${MAX_ALIAS_NODES} values once the aliases are expanded (write the repeated part out once where it is needed, or reuse a smaller one)`,
    ]);
  });

  it('says so in French', async () => {
    const { lines: out } = await check(bomb, 'fr');
    expect(out).toEqual([
      `2026/ann-lee.yaml:${7 + 12_000 + 4}:14: error: cet alias fait dépasser au fichier 10000 valeurs une fois les alias développés (écrivez la partie répétée là où elle sert, ou réutilisez-en une plus petite)`,
    ]);
  });

  it('reads a file that reuses a small block in every session', async () => {
    const { dataset, lines: out } = await check(reusedActions(10, 150), 'en');
    expect(out).toEqual([]);
    expect(dataset?.reps[0]?.data.assessments).toHaveLength(151);
    expect(dataset?.reps[0]?.data.assessments[150]?.actions).toHaveLength(10);
  });

  it('counts what nested aliases stand for, at the alias where the total goes past the bound', () => {
    // a is 10 values; b holds 9 aliases of a (1 + 90); each level multiplies by 9.
    const text = [
      'a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const doc = parseDocument(text);
    // a is 10 values; its 9 aliases in b add 90 (b is 91); those in c add 819 (c is 820), 909 in all; each *c adds 820.
    const firstC = text.indexOf('*c');
    expect(excessiveAliasExpansion(doc, 1_000)).toEqual({ offset: firstC, nodes: 909 + 820 });
    expect(excessiveAliasExpansion(doc, 5_000)).toEqual({ offset: firstC + 4 * 4, nodes: 909 + 5 * 820 });
    expect(excessiveAliasExpansion(doc, 909 + 9 * 820)).toBeUndefined();
  });

  it('an alias names the last anchor of its name before it', () => {
    const doc = parseDocument('a: &x [1, 2, 3]\nb: &x 1\nc: [*x, *x]\n');
    expect(excessiveAliasExpansion(doc, 1)).toEqual({ offset: 'a: &x [1, 2, 3]\nb: &x 1\nc: [*x, '.length, nodes: 2 });
  });
});
