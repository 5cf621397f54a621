/**
 * The fast path and the cache are taken: with them, only the framework and
 * the files that have an error are parsed with positions (parse-yaml.ts);
 * a file whose only diagnostics are warnings is placed by its lines
 * (load/fast-locate.ts); nothing done after the files are checked (team
 * ids, excerpts) parses the others again. Without this, both would be
 * correct and no faster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeOrganisation } from '../../scripts/bench-data.mjs';
import { loadWorkspace, type LoadedWorkspace } from '../../src/load/workspace.js';
import { emptyRepCache } from '../../src/validate/rep-cache.js';
import { validateWorkspace } from '../../src/validate/validate-workspace.js';

const parsed = vi.hoisted(() => [] as string[]);
vi.mock('../../src/load/parse-yaml.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/parse-yaml.js')>();
  return {
    ...original,
    parseYamlFile: (...args: Parameters<typeof original.parseYamlFile>) => {
      parsed.push(args[0]);
      return original.parseYamlFile(...args);
    },
  };
});

const AS_OF = '2026-12-31';
let dir: string;
let workspace: LoadedWorkspace;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-fast-used-'));
  await writeOrganisation(path.join(dir, 'data'), { reps: 60 });
  workspace = await loadWorkspace(path.join(dir, 'data'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const files = (w: LoadedWorkspace) => w.years.reduce((n, y) => n + y.files.length, 0);

describe('positions are parsed only where a diagnostic needs them', () => {
  it('fast path: the framework alone, when the files have warnings but no error', () => {
    parsed.length = 0;
    const result = validateWorkspace(workspace, { asOf: AS_OF });
    const warned = new Set(result.diagnostics.filter((d) => d.line > 0).map((d) => d.file));
    expect(result.dataset?.reps.length).toBe(files(workspace));
    expect(warned.size).toBeGreaterThan(2);
    expect(warned.size).toBeLessThan(files(workspace) / 2);
    expect(parsed).toEqual([workspace.framework?.path]);
  });

  it('fast path: the framework and the files with an error, no other', () => {
    const [year] = workspace.years;
    const [first, second, ...rest] = year?.files ?? [];
    if (year === undefined || first?.text === undefined || second === undefined) throw new Error('no files');
    const broken = { ...first, text: first.text.replace(/^role: .*$/m, 'role: astronaut') };
    const damaged: LoadedWorkspace = {
      ...workspace,
      years: [{ ...year, files: [broken, second, ...rest] }, ...workspace.years.slice(1)],
    };
    parsed.length = 0;
    const result = validateWorkspace(damaged, { asOf: AS_OF });
    expect(result.diagnostics.find((d) => d.severity === 'error')?.file).toBe(first.path);
    expect(parsed.sort()).toEqual([workspace.framework?.path, first.path].sort());
  });

  it('the cache: a second validation parses only the framework', () => {
    const cache = emptyRepCache();
    validateWorkspace(workspace, { asOf: AS_OF, cache });
    const again = emptyRepCache(cache.next);
    parsed.length = 0;
    validateWorkspace(workspace, { asOf: AS_OF, cache: again });
    expect(parsed).toEqual([workspace.framework?.path]);
  });

  it('without the fast path every file is parsed (what the first test tells apart)', () => {
    parsed.length = 0;
    validateWorkspace(workspace, { asOf: AS_OF, fastPath: false });
    expect(parsed.length).toBe(1 + files(workspace));
  });
});
