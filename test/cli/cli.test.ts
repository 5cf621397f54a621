/** The binary spawned as a user would: exit codes, messages, stdout kept for what was asked. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIXTURES, parseJson } from '../helpers.js';
import { BIN } from './spawn.js';

function revue(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    // Outside any workspace: the messages are in English (from this repository, data/ would make them French).
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'revue-cli-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe('revue validate', () => {
  it('exits 0 on a valid workspace and says so on stderr', () => {
    const { code, stdout, stderr } = revue(['validate', '--data', path.join(FIXTURES, 'minimal')]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/minimal: 4 files valid \(2025, 2026\)/);
  });

  it('exits 1 with every problem as path:line:column, without a stack trace', () => {
    const data = path.join(FIXTURES, 'broken');
    const { code, stdout, stderr } = revue(['validate', '--data', data]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${path.join(data, '2026/typos.yaml')}:16:7: error: unknown competency "discovry"\n  hint: did you mean "discovery"?`,
    );
    expect(stderr).toContain(`${path.join(data, '2026/typos.yaml')}:2:7: error: role: unknown role "junor"`);
    expect(stderr).toMatch(/18 errors in 6 files, 4 warnings\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says clearly when the data folder does not exist', () => {
    const { code, stderr } = revue(['validate', '--data', path.join(tmp, 'nowhere')]);
    expect(code).toBe(1);
    expect(stderr).toContain('nowhere: error: cannot read the data folder: no such file or folder');
  });
});

describe('usage errors exit 2', () => {
  it('on an unknown command', () => {
    const { code, stderr } = revue(['biuld']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: unknown command "biuld"\n  hint: did you mean "build"?');
  });
  it('on an unknown option', () => {
    const { code, stderr } = revue(['validate', '--dat', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: unknown option "--dat" for "revue validate"\n  hint: did you mean "--data"?');
  });
  it('on a year without data, and a rep that does not exist', () => {
    expect(revue(['figures', '--data', path.join(FIXTURES, 'minimal'), '--year', '2031']).stderr).toContain(
      'error: no data for 2031\n  hint: years in the workspace: 2025, 2026',
    );
    const rep = revue(['build', '--data', path.join(FIXTURES, 'minimal'), '--out', tmp, '--rep', 'ann-le']);
    expect(rep.code).toBe(2);
    expect(rep.stderr).toContain('error: no rep "ann-le" in 2026\n  hint: did you mean "ann-lee"?');
  });
  it('without a command, with the list of commands', () => {
    const { code, stderr } = revue([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Commands:\n\s+build/);
  });
});

describe('stdout carries only what was asked for', () => {
  it('revue schema prints a JSON Schema', () => {
    const { code, stdout, stderr } = revue(['schema', 'framework']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const schema = parseJson(
      stdout,
      z.object({ properties: z.object({ competencies: z.object({ type: z.string() }) }) }),
    );
    expect(schema.properties.competencies.type).toBe('array');
  });

  it('revue figures prints the SPEC §7 object, warnings stay on stderr', () => {
    const { code, stdout } = revue(['figures', '--data', path.join(FIXTURES, 'minimal')]);
    expect(code).toBe(0);
    expect(Object.keys(parseJson(stdout, z.record(z.string(), z.unknown())))).toEqual([
      'year',
      'reps',
      'teams',
      'organisation',
    ]);
    const figures = parseJson(
      stdout,
      z.object({
        reps: z.array(
          z.object({ id: z.string(), overall: z.object({ level: z.number() }), focus: z.array(z.string()) }),
        ),
      }),
    );
    const ann = figures.reps.find((r) => r.id === 'ann-lee');
    // (2.5 + 2.75 + 2) / 3
    expect(ann?.overall.level).toBeCloseTo(7.25 / 3, 12);
    expect(ann?.focus).toEqual(['negotiation', 'discovery', 'prospecting']);
  });

  it('revue figures --format csv gives one row per rep and competency', () => {
    const { stdout } = revue(['figures', '--data', path.join(FIXTURES, 'minimal'), '--format', 'csv']);
    const rows = stdout.trim().split(/\r?\n/);
    expect(rows).toHaveLength(1 + 2 * 3);
    expect(rows[0]).toMatch(/^year,rep,name,team,competency,competency label,level,/);
  });
});

describe('revue build', () => {
  it('writes nothing, and keeps the previous reports, when the data is invalid', async () => {
    const out = path.join(tmp, 'kept');
    await mkdir(path.join(out, '2026', 'reps'), { recursive: true });
    await writeFile(path.join(out, '2026', 'reps', 'typos.pdf'), 'previous report');
    const { code, stderr } = revue(['build', '--data', path.join(FIXTURES, 'broken'), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('The data is invalid: no report was written.');
    expect(await readFile(path.join(out, '2026', 'reps', 'typos.pdf'), 'utf8')).toBe('previous report');
  });

  it('exits 2 naming the browser it was told to use when it is not there', async () => {
    const out = path.join(tmp, 'nobrowser');
    const { code, stderr } = revue(['build', '--data', path.join(FIXTURES, 'minimal'), '--out', out], {
      REVUE_BROWSER: '/opt/none/chrome',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('/opt/none/chrome');
    await expect(stat(out)).rejects.toThrow();
  });

  it('renders one rep as standalone HTML with --html-only, without a browser, with plain progress lines off a terminal', async () => {
    const out = path.join(tmp, 'html');
    // No browser is needed for HTML: the charts are drawn by revue itself.
    const { code, stderr } = revue(
      ['build', '--data', path.join(FIXTURES, 'minimal'), '--out', out, '--rep', 'ann-lee', '--html-only'],
      { REVUE_BROWSER: '/opt/none/chrome' },
    );
    expect(code).toBe(0);
    expect(stderr).toContain('[1/1] wrote');
    expect(stderr).toMatch(/✓ 2026: 1 written, 0 up to date, 0 failed, 1 warning in \d+\.\d s/);
    const html = await readFile(path.join(out, '2026', 'reps', 'ann-lee.html'), 'utf8');
    expect(html).toContain('<title>Annual review 2026 – Ann Lee</title>');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('skips what is up to date, --force renders everything, --shard takes its part', () => {
    const out = path.join(tmp, 'incremental');
    const data = path.join(FIXTURES, 'minimal');
    expect(revue(['build', '--data', data, '--out', out, '--html-only']).stderr).toMatch(
      /4 written, 0 up to date, 0 failed/,
    );
    expect(revue(['build', '--data', data, '--out', out, '--html-only']).stderr).toMatch(
      /0 written, 4 up to date, 0 failed/,
    );
    expect(revue(['build', '--data', data, '--out', out, '--html-only', '--force']).stderr).toMatch(
      /4 written, 0 up to date, 0 failed/,
    );
    const bad = revue(['build', '--data', data, '--out', out, '--shard', '3/2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: the shard must be between 1 and 2, got 3');
  }, 180_000);
});
