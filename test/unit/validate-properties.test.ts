/**
 * Loading and validation never crash or hang, whatever a manager's editor does
 * to the files (fast-check): random mutations of the example workspace in
 * data/ (lines deleted, duplicated, swapped or re-indented, characters
 * inserted, numbers changed) give either a dataset or diagnostics, and every
 * diagnostic points inside its file. Pure functions on in-memory files: no
 * disk, no browser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeFigures, latestYear } from '../../src/analyze/index.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import type { LoadedWorkspace, SourceFile } from '../../src/load/workspace.js';
import type { Diagnostic } from '../../src/model/dataset.js';
import { validateWorkspace, type ValidationResult } from '../../src/validate/validate-workspace.js';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
const ROOT = 'data';

async function yearFiles(year: string): Promise<SourceFile[]> {
  const names = (await readdir(path.join(DATA, year))).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => ({
      path: `${ROOT}/${year}/${name}`,
      stem: name.replace(/\.yaml$/, ''),
      text: await readFile(path.join(DATA, year, name), 'utf8'),
    })),
  );
}

const example = {
  framework: {
    path: `${ROOT}/framework.yaml`,
    stem: 'framework',
    text: await readFile(path.join(DATA, 'framework.yaml'), 'utf8'),
  },
  years: [
    { name: '2025', path: `${ROOT}/2025`, files: await yearFiles('2025') },
    { name: '2026', path: `${ROOT}/2026`, files: await yearFiles('2026') },
  ],
};
/** The files a mutation may hit: the framework and this year's reps. */
const targets: readonly SourceFile[] = [example.framework, ...(example.years[1]?.files ?? [])];

/**
 * A small workspace around one damaged file: the framework, and one rep's
 * files of both years (the damaged rep's, or the first one's when the
 * framework is damaged). Small, so that a run takes milliseconds.
 */
function workspaceWith(target: SourceFile, text: string): LoadedWorkspace {
  const stem = target === example.framework ? (targets[1]?.stem ?? '') : target.stem;
  const swap = (file: SourceFile): SourceFile => (file.path === target.path ? { ...file, text } : file);
  return {
    root: ROOT,
    framework: swap(example.framework),
    siblingFiles: ['framework.yaml'],
    years: example.years.map((year) => ({ ...year, files: year.files.filter((file) => file.stem === stem).map(swap) })),
    problems: [],
  };
}

// ---------------------------------------------------------------------------
// Mutations, as an editor (or a cat on the keyboard) makes them

/** Characters that mean something to YAML, invisible ones, and a few that mean nothing. */
const NASTY = [
  ':',
  ': ',
  '-',
  '- ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '#',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '!',
  '!!str',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '?',
  '\\',
  '~',
  'null',
  'yes',
  '<<',
  '---',
  '...',
  'é',
  '\u00a0',
  '\u2028',
  '\u200b',
  '\ufeff',
  '\0',
  '🙂',
  'x',
  '9',
];
const inserted = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const NUMBERS = [
  '0',
  '-1',
  '1.5',
  '2.25',
  '5',
  '99',
  '1e309',
  '-0',
  '.5',
  '0x1F',
  '.inf',
  '.nan',
  '2026-02-30',
  '1_000',
  '12345678901234567890',
];

type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'number'; which: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: inserted }),
  fc.record({
    kind: fc.constant('number' as const),
    which: fc.nat(),
    value: fc.oneof(
      fc.constantFrom(...NUMBERS),
      fc.integer({ min: -10, max: 10_000_000 }).map(String),
      fc.double({ noNaN: true }).map(String),
    ),
  }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(pick(m.line), 1);
      return lines.join('\n');
    case 'duplicate': {
      const i = pick(m.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swap': {
      const [i, j] = [pick(m.line), pick(m.other)];
      const [a, b] = [lines[i] ?? '', lines[j] ?? ''];
      lines[i] = b;
      lines[j] = a;
      return lines.join('\n');
    }
    case 'indent': {
      const i = pick(m.line);
      const line = lines[i] ?? '';
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)];
      const match = numbers.length === 0 ? undefined : numbers[m.which % numbers.length];
      if (match?.index === undefined) return text;
      return text.slice(0, match.index) + m.value + text.slice(match.index + match[0].length);
    }
  }
}

// ---------------------------------------------------------------------------
// What must hold whatever the input

/** Lines as the diagnostics count them: the parser breaks lines at \n (and \r\n) only. */
function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

function expectInside(d: Diagnostic, texts: ReadonlyMap<string, string>): void {
  const where = `${d.file}:${d.line}:${d.column}: ${d.message}`;
  expect(d.message.trim(), where).not.toBe('');
  if (d.line === 0) {
    // About the file as a whole (or a folder, or a missing file).
    expect(d.column, where).toBe(0);
    return;
  }
  const text = texts.get(d.file);
  expect(text, `${where}: a position in a file that was not read`).toBeDefined();
  const lines = linesOf(text ?? '');
  expect(d.line, where).toBeGreaterThanOrEqual(1);
  expect(d.line, where).toBeLessThanOrEqual(lines.length);
  expect(d.column, where).toBeGreaterThanOrEqual(1);
  expect(d.column, where).toBeLessThanOrEqual((lines[d.line - 1] ?? '').length + 1);
  // The excerpt is the text between two \n, without the \r of a \r\n: a line that is itself a lone \r (written
  // "\r\r\n") keeps it, where stripping a \r from `lines` (already split at \r\n) would take it off twice.
  const written = (text ?? '').split('\n')[d.line - 1] ?? '';
  if (d.excerpt !== undefined) expect(d.excerpt, where).toBe(written.replace(/\r$/, ''));
}

function expectSound(result: ValidationResult, workspace: LoadedWorkspace): void {
  const texts = new Map<string, string>();
  for (const file of [workspace.framework, ...workspace.years.flatMap((y) => y.files)]) {
    if (file?.text !== undefined) texts.set(file.path, file.text);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.dataset === undefined) expect(errors.length, 'no dataset, so at least one error').toBeGreaterThan(0);
  else expect(errors, 'a dataset, so no error').toEqual([]);
  for (const d of result.diagnostics) expectInside(d, texts);
  if (result.dataset !== undefined) {
    // Data that passes validation is data the figures can take.
    const year = latestYear(result.dataset);
    if (year !== null) computeFigures(result.dataset, year, `${year}-12-31`);
  }
}

/**
 * A run must not hang: ten times a limit already far above the few milliseconds one takes, so that a loaded
 * machine never fails it. How fast validation is, is the benchmark's business (STYLE.md), not a test's.
 */
const RUN_LIMIT_MS = 20_000;

describe('validation of randomly damaged example files', () => {
  it('starts from valid files: each workspace checks clean before any mutation', () => {
    for (const target of targets) {
      const result = validateWorkspace(workspaceWith(target, target.text ?? ''));
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.dataset?.reps.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives a dataset or diagnostics inside the file, never a crash or a hang', () => {
    const input = fc.record({
      target: fc.nat({ max: targets.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(input, ({ target, mutations }) => {
        const file = targets[target] ?? example.framework;
        const text = mutations.reduce(mutate, file.text ?? '');
        const workspace = workspaceWith(file, text);
        const started = performance.now();
        const result = validateWorkspace(workspace);
        expect(performance.now() - started).toBeLessThan(RUN_LIMIT_MS);
        expectSound(result, workspace);
      }),
      { numRuns: 150 },
    );
    // 150 validations, each repairing what it can and parsing again: seconds alone, more beside the e2e tests.
  }, 120_000);

  it('reads any document nested 40 levels deep, whatever its style (no false alarm from the nesting guard)', () => {
    const level = fc.constantFrom('seq' as const, 'map' as const);
    const style = fc.constantFrom('block' as const, 'flow' as const, 'any' as const);
    fc.assert(
      fc.property(
        fc.array(level, { minLength: 1, maxLength: 40 }),
        style,
        fc.boolean(),
        (levels, collectionStyle, indentSeq) => {
          const value = levels.reduceRight<unknown>(
            (inner, kind) => (kind === 'seq' ? [inner, 1] : { k: inner, n: 1 }),
            'leaf',
          );
          const text = stringify(value, { collectionStyle, indentSeq });
          const parsed = parseYamlFile('x.yaml', text);
          expect(parsed.diagnostics, text).toEqual([]);
          expect(parsed.value).toEqual(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses any text (not only near-YAML) into a value or diagnostics inside it', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.constantFrom(...NASTY, 'name', 'role', 'a', '1'), { maxLength: 120 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (source) => {
        const started = performance.now();
        const parsed = parseYamlFile('x.yaml', source);
        expect(performance.now() - started).toBeLessThan(RUN_LIMIT_MS);
        for (const d of parsed.diagnostics) expectInside(d, new Map([['x.yaml', source]]));
      }),
      { numRuns: 600 },
    );
  });
});
