/**
 * The fast locator (load/fast-locate.ts) answers only where it gives the
 * position that parse-yaml.ts gives: checked on every key and value of
 * every file the fast path reads, in the example, the fixtures, synthetic
 * files and hundreds of randomly changed ones. And it does answer for the
 * places that warnings point at in files written as the format shows.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repYaml } from '../../scripts/bench-data.mjs';
import { fastLocator } from '../../src/load/fast-locate.js';
import { parseFast } from '../../src/load/fast-parse.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { FIXTURES } from '../helpers.js';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');

/** Every path into a value: each key of each mapping, each item of each sequence. */
function pathsOf(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const paths: PropertyKey[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) paths.push(...pathsOf(inner, [...prefix, key]));
  return paths;
}

/** How many places the locator answered for; fails on any answer that is not parse-yaml.ts's. */
function expectSameWhereAnswered(text: string, what: string): { asked: number; answered: number } {
  const fast = parseFast(text, undefined);
  if (fast === undefined) return { asked: 0, answered: 0 };
  const slow = parseYamlFile('test.yaml', text, { locale: 'en' });
  expect(slow.value, what).toStrictEqual(fast.value);
  const locate = fastLocator(text, fast.value);
  let asked = 0;
  let answered = 0;
  for (const place of pathsOf(fast.value).slice(1))
    for (const target of ['key', 'value'] as const) {
      asked++;
      const found = locate(place, target);
      if (found === undefined) continue;
      answered++;
      expect(found, `${what} ${JSON.stringify(place)} ${target}`).toStrictEqual(slow.locate(place, target));
    }
  return { asked, answered };
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    if ((await stat(file)).isDirectory()) found.push(...(await yamlFilesUnder(file)));
    else if (/\.ya?ml$/.test(name)) found.push(file);
  }
  return found;
}

const synthetic = [0, 1, 2, 3, 4, 5].map((i) => repYaml(i, 2026, { count: 8 }));

describe('the fast locator', () => {
  it('places the warnings of files written as the format shows, as the slow path does', async () => {
    const texts = [
      ...synthetic,
      ...(await Promise.all((await yamlFilesUnder(path.join(DATA, '2026'))).map((f) => readFile(f, 'utf8')))),
    ];
    for (const text of texts) {
      const fast = parseFast(text, undefined);
      expect(fast).toBeDefined();
      if (fast === undefined) continue;
      const slow = parseYamlFile('test.yaml', text, { locale: 'en' });
      const locate = fastLocator(text, fast.value);
      const assessments = (fast.value as { assessments: Array<{ notes?: Record<string, string> }> }).assessments;
      const places: Array<[PropertyKey[], 'key' | 'value']> = [[['assessments'], 'value']];
      assessments.forEach((a, i) => {
        places.push([['assessments', i, 'date'], 'value']);
        for (const competency of Object.keys(a.notes ?? {}))
          places.push([['assessments', i, 'notes', competency], 'key']);
      });
      for (const [place, target] of places) {
        const found = locate(place, target);
        expect(found, JSON.stringify(place)).toBeDefined();
        expect(found).toStrictEqual(slow.locate(place, target));
      }
    }
  });

  it('answers only with the slow path’s position, for every key and value of every fixture', async () => {
    let answered = 0;
    for (const file of [...(await yamlFilesUnder(DATA)), ...(await yamlFilesUnder(FIXTURES))]) {
      const text = await readFile(file, 'utf8');
      answered += expectSameWhereAnswered(text, file).answered;
    }
    expect(answered).toBeGreaterThan(500);
  });

  it('answers only with the slow path’s position in hundreds of changed files', () => {
    const PIECES = [
      ...['- ', '-', '  ', ' ', '\n', '\n  ', '\n    ', '\n- ', '#', ' # x', ': ', 'k: ', 'k:', '"', "'", '|', '>'],
      ...['[a, b]', '{ a: 1 }', '[]', '{}', 'x', '2026-01-01', '3', '\n  - ', '\n      ', 'k: v\n', '  k: |\n    t\n'],
    ];
    const change = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...PIECES) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -2, max: 2 }) }),
    );
    type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;
    const apply = (text: string, c: Change): string => {
      if (c.kind === 'insert') {
        const at = c.at % (text.length + 1);
        return text.slice(0, at) + c.text + text.slice(at);
      }
      if (c.kind === 'delete') {
        const at = c.at % (text.length + 1);
        return text.slice(0, at) + text.slice(at + c.length);
      }
      const lines = text.split('\n');
      const i = c.line % lines.length;
      const line = lines[i] ?? '';
      lines[i] = c.by > 0 ? ' '.repeat(c.by) + line : line.replace(new RegExp(`^ {0,${-c.by}}`), '');
      return lines.join('\n');
    };
    let answered = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: synthetic.length - 1 }),
        fc.array(change, { minLength: 1, maxLength: 4 }),
        (which, changes) => {
          const text = changes.reduce(apply, synthetic[which] ?? '');
          answered += expectSameWhereAnswered(text, JSON.stringify(text)).answered;
        },
      ),
      { numRuns: 400, seed: 42 },
    );
    expect(answered).toBeGreaterThan(10_000);
  }, 120_000);
});
