/**
 * The fast path (load/fast-parse.ts) changes nothing but the time: for every
 * fixture workspace, for scalars that YAML schemas read differently, and
 * for hundreds of randomly damaged files, validation with the fast path
 * gives the diagnostics and the dataset that it gives without it.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameworkYaml, repYaml } from '../../scripts/bench-data.mjs';
import { parseFast } from '../../src/load/fast-parse.js';
import { MAX_NESTING } from '../../src/load/nesting.js';
import { loadWorkspace, type LoadedWorkspace, type SourceFile } from '../../src/load/workspace.js';
import { validateWorkspace } from '../../src/validate/validate-workspace.js';
import { FIXTURES } from '../helpers.js';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
const AS_OF = '2026-12-31';

function expectSameBothWays(workspace: LoadedWorkspace, what: string): void {
  const fast = validateWorkspace(workspace, { asOf: AS_OF, fastPath: true });
  const slow = validateWorkspace(workspace, { asOf: AS_OF, fastPath: false });
  expect(fast.diagnostics, what).toStrictEqual(slow.diagnostics);
  expect(fast.dataset, what).toStrictEqual(slow.dataset);
  expect(fast.locale, what).toBe(slow.locale);
}

async function workspaces(): Promise<string[]> {
  const found = [DATA];
  for (const name of await readdir(FIXTURES)) {
    const dir = path.join(FIXTURES, name);
    if (
      await stat(path.join(dir, 'framework.yaml')).then(
        () => true,
        () => false,
      )
    )
      found.push(dir);
  }
  return found;
}

const example = await loadWorkspace(DATA);
const exampleYear = example.years.find((y) => y.name === '2026');
/** The synthetic organisation's framework (scripts/bench-data.mjs), for its rep files. */
const synthetic: LoadedWorkspace = {
  ...example,
  root: 'bench',
  framework: { path: 'bench/framework.yaml', stem: 'framework', text: frameworkYaml() },
};

/** A workspace of `around`'s framework and one 2026 rep file, `text`. */
function oneFile(text: string, around: LoadedWorkspace = synthetic, stem = 'test-rep'): LoadedWorkspace {
  if (exampleYear === undefined) throw new Error('the example workspace has changed');
  const file: SourceFile = { path: `${around.root}/2026/${stem}.yaml`, stem, text };
  return { ...around, years: [{ name: '2026', path: `${around.root}/2026`, files: [file] }] };
}

/** Files that validate clean, so that the fast path answers for them: the example's and synthetic ones. */
const sources: Array<{ text: string; around: LoadedWorkspace }> = [
  ...(exampleYear?.files ?? []).map((f) => ({ text: f.text ?? '', around: example })),
  ...[0, 1, 2, 3, 4, 5].map((i) => ({ text: repYaml(i, 2026, { count: 8 }), around: synthetic })),
].filter(({ text, around }) => validateWorkspace(oneFile(text, around), { asOf: AS_OF }).diagnostics.length === 0);

describe('the fast path', () => {
  it('answers for files written right', () => {
    expect(sources.length).toBeGreaterThanOrEqual(6);
    for (const { text } of sources) expect(parseFast(text, undefined)).toBeDefined();
  });

  it('gives the diagnostics and the dataset of the slow path for every fixture workspace', async () => {
    for (const dir of await workspaces()) expectSameBothWays(await loadWorkspace(dir), dir);
  });

  it('reads the scalars of the YAML 1.2 core schema as yaml does, and leaves the rest as text', () => {
    const scalars = [
      ...['1_000', '0o7', '0o17', '0x1F', '0X1F', '0b101', '017', '+5', '-0', '+0', '1e3', '1E+3', '1.', '.5', '-.5'],
      ...['.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN', 'inf', '=', '~', 'null', 'Null', 'NULL', 'nULL', ''],
      ...['true', 'True', 'TRUE', 'tRUE', 'yes', 'no', 'on', 'off', 'y', 'n', '2026-01-01T10:00:00Z', '2026-1-1'],
      ...['12:30:00', '1:20', '190:20:30', '0.', '00', '1e', '12345678901234567890', '0x', '0o8', '1,5', '3 4'],
    ];
    for (const scalar of scalars) {
      const base = repYaml(0, 2026, { count: 8 });
      for (const [field, replace] of [
        ['strengths', /^( {4}strengths: ).*$/m],
        ['target', /^( {2}target: ).*$/m],
        ['score', /^( {6}[a-z-]+: )\d(?:\.5)?$/m],
      ] as const) {
        const text = base.replace(replace, `$1${scalar}`);
        expect(text, field).not.toBe(base);
        expectSameBothWays(oneFile(text), `${field}: ${scalar}`);
      }
    }
  });

  it('leaves to the slow path what it cannot be sure of: aliases, tags, merge keys, tabs, deep nesting, slips', () => {
    const base = repYaml(1, 2026, { count: 8 });
    expect(parseFast(base, undefined)).toBeDefined();
    const unsure = [
      `defaults: &d\n  a: 1\n${base}`,
      base.replace(/^manager: (.*)$/m, 'manager: !!str $1'),
      base.replace(/^manager: (.*)$/m, 'manager: !custom $1'),
      `<<: { x: 1 }\n${base}`,
      base.replace(/^ {2}target: /m, '\ttarget: '),
      base.replace(/\n/g, '\r\n'),
      `%YAML 1.1\n---\n${base}`,
      `---\n${base}`,
      `${base}\nname: again\n`,
      `${base}\n${'x'.repeat(1200)}: 1\n`,
      base.replace(/^role: /m, 'role:'),
      `${base}\nextra: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`,
      `${base}\nlist: [1,\n  2]\n`,
      `? complex\n: key\n${base}`,
      `${base}\n"quoted key": 1\n`,
      `${base}\ntrue: 1\n`,
    ];
    for (const text of unsure) {
      expect(parseFast(text, new Set(['role', 'target'])), text.slice(0, 80)).toBeUndefined();
      expectSameBothWays(oneFile(text), text.slice(0, 80));
    }
  });

  it('gives the same diagnostics and dataset as the slow path for hundreds of damaged files', () => {
    const NASTY = [
      ...[':', ': ', '-', '- ', ' ', '  ', '\n', '#', ' #', '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>'],
      ...['|-', '>+', "'", '"', '%', '?', '\\', '\\n', '~', 'null', '<<', '---', 'é', '\u00a0', '0', '.', 'e', '_'],
      ...['x', '9', '  - ', '\n  ', '\n    ', ': |\n  ', ': "', "''", '""', 'true', '.inf', '0o7', '1_0', '\t'],
    ];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('line' as const), line: fc.nat(), other: fc.nat(), how: fc.nat({ max: 3 }) }),
    );
    type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
    const apply = (text: string, m: Mutation): string => {
      if (m.kind === 'insert') {
        const at = m.at % (text.length + 1);
        return text.slice(0, at) + m.text + text.slice(at);
      }
      if (m.kind === 'delete') {
        const at = m.at % (text.length + 1);
        return text.slice(0, at) + text.slice(at + m.length);
      }
      const lines = text.split('\n');
      const i = m.line % lines.length;
      const j = m.other % lines.length;
      const line = lines[i] ?? '';
      if (m.how === 0) lines.splice(i, 1);
      else if (m.how === 1) lines.splice(j, 0, line);
      else if (m.how === 2) lines[i] = `  ${line}`;
      else lines[i] = line.replace(/^ {1,2}/, '');
      return lines.join('\n');
    };
    fc.assert(
      fc.property(
        fc.nat({ max: sources.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (which, mutations) => {
          const source = sources[which] ?? { text: '', around: synthetic };
          const text = mutations.reduce(apply, source.text);
          expectSameBothWays(oneFile(text, source.around), JSON.stringify(text));
        },
      ),
      { numRuns: 600, seed: 15 },
    );
  }, 120_000);
});
