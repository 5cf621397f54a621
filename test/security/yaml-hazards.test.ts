/**
 * Hostile files in the data folder (issue 6): each is answered in bounded time
 * and memory with one clear diagnostic, and nothing outside the data folder is
 * read. Complements test/unit/yaml-hazards.test.ts (alias bomb, custom tags,
 * 10 MB, binary junk and invalid UTF-8 in a rep file, BOM, CRLF, tabs).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, symlink, truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { MAX_NESTING } from '../../src/load/nesting.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';
import { BIN } from '../cli/spawn.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const rep = 'name: Ann Lee\nrole: junior\nassessments:\n  - date: 2026-02-10\n    scores:\n      discovery: 2\n';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function workspace(files: Record<string, string | Uint8Array>) {
  const ws = await tempWorkspace(files);
  cleanups.push(ws.cleanup);
  return ws;
}

/**
 * Validates, and returns the diagnostics as `file:line:column: severity: message (hint)`, with the time taken.
 * The limits on that time below only guard against a hang (a parser recursing, a read waiting for a writer):
 * each is ten times what a loaded machine takes. How fast a file is refused is the benchmark's business
 * (STYLE.md), not a test's.
 */
async function check(dir: string) {
  const started = performance.now();
  const result = await validate({ data: dir });
  const ms = performance.now() - started;
  return { ...result, ms, lines: lines(result.diagnostics, dir).filter((l) => !l.includes('warning: never observed')) };
}

describe('deep nesting is refused before the parser recurses', () => {
  const deepFiles: Array<[string, string, string]> = [
    [
      '10,000 nested [',
      `name: Ann\nrole: junior\nresults: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      `3:${10 + MAX_NESTING - 1}`,
    ],
    [
      '10,000 nested flow mappings',
      `name: Ann\nrole: junior\nresults: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
      `3:${10 + 4 * (MAX_NESTING - 1)}`,
    ],
    ['10,000 unclosed [', `name: Ann\nrole: junior\nresults: ${'['.repeat(10_000)}\n`, `3:${10 + MAX_NESTING - 1}`],
    ['10,000 nested compact lists', `${'- '.repeat(10_000)}x\n`, `1:${1 + 2 * MAX_NESTING}`],
    // 1,500 levels of indentation: 1.1 MB, under the size limit.
    [
      '1,500 nested block mappings',
      `${Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
      `${MAX_NESTING + 1}:${MAX_NESTING + 1}`,
    ],
  ];

  it.each(deepFiles)('%s: one error at the level where it goes too deep', async (_, text, position) => {
    const ws = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': text });
    const { lines: out, dataset, ms } = await check(ws.dir);
    expect(dataset).toBeUndefined();
    expect(out).toEqual([
      `2026/ann-lee.yaml:${position}: error: nested more than ${MAX_NESTING} levels deep (a review file nests a few levels: check the brackets and the indentation here)`,
    ]);
    expect(ms).toBeLessThan(20_000);
  });

  it('reads brackets that are text: in block, plain and quoted scalars and comments', () => {
    const many = '[{'.repeat(5_000);
    const text = [
      'name: Ann Lee',
      'role: junior',
      `# ${many}`,
      'review:',
      '  manager: |',
      `    ${many}`,
      '    and more text',
      `  rep: "${many}"`,
      'assessments:',
      '  - date: 2026-02-10',
      `    strengths: plain text with ${many} inside`,
      '',
    ].join('\n');
    const parsed = parseYamlFile('ann-lee.yaml', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.value).toMatchObject({
      review: { manager: `${many}\nand more text\n`, rep: many },
      assessments: [{ strengths: `plain text with ${many} inside` }],
    });
  });

  it('lets a real file nest as deep as it needs', async () => {
    const example = await readFile(path.join(FIXTURES, '..', '..', 'data', '2026', 'alice-martin.yaml'), 'utf8');
    expect(parseYamlFile('alice-martin.yaml', example).diagnostics).toEqual([]);
    // 30 levels of lists within lists: far more than any review, still read.
    expect(parseYamlFile('x.yaml', `a: ${'['.repeat(30)}1${']'.repeat(30)}\n`).diagnostics).toEqual([]);
  });
});

describe('files that are not review files', () => {
  it('refuses a 50 MB file from its size, without reading it', async () => {
    const ws = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': rep });
    // Sparse: 50 MB on paper, nothing on the disk.
    await truncate(path.join(ws.dir, '2026', 'ann-lee.yaml'), 50 * 1024 * 1024);
    const before = process.memoryUsage();
    const { lines: out, ms } = await check(ws.dir);
    const after = process.memoryUsage();
    expect(out).toEqual([
      '2026/ann-lee.yaml:0:0: error: is too large to be a review file (50.0 MB; the limit is 2 MB) (a rep-year file is normally a few kilobytes: check that this is the right file)',
    ]);
    // Not read: memory did not grow by the file's size (and, against a hang, it took less than 10 s).
    expect(ms).toBeLessThan(10_000);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses a framework.yaml that is binary junk or not UTF-8, and says nothing else about it', async () => {
    const junk = await workspace({
      'framework.yaml': Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        randomBytes(4096),
      ]),
      '2026/ann-lee.yaml': rep,
    });
    expect((await check(junk.dir)).lines).toEqual(['framework.yaml:0:0: error: is a binary file, not YAML text']);
    const latin1 = await workspace({
      'framework.yaml': Buffer.from(framework.replace('Acme Tools', 'Société Acme'), 'latin1'),
      '2026/ann-lee.yaml': rep,
    });
    expect((await check(latin1.dir)).lines).toEqual([
      'framework.yaml:0:0: error: is not valid UTF-8 text (save the file as UTF-8 in your editor)',
    ]);
  });

  it('answers junk that is valid text with a bounded list of short syntax errors', () => {
    // Printable ASCII noise (no NUL byte, valid UTF-8, 1.5 MB), the same on every run.
    let seed = 42;
    const noise = Array.from({ length: 1_500_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return String.fromCharCode(32 + (seed % 95)) + (seed % 13 === 0 ? '\n' : '');
    }).join('');
    const started = performance.now();
    const parsed = parseYamlFile('noise.yaml', noise);
    expect(performance.now() - started).toBeLessThan(50_000);
    expect(parsed.value).toBeUndefined();
    // Fifty errors, then one line for the (tens of thousands of) others.
    expect(parsed.diagnostics).toHaveLength(51);
    expect(parsed.diagnostics[50]?.message).toMatch(/^and \d+ more YAML syntax errors from here on$/);
    // The parser quotes whole tokens; messages cut them short.
    for (const d of parsed.diagnostics) expect(d.message.length).toBeLessThan(200);
  }, 120_000);

  it('refuses a named pipe called .yaml instead of waiting for a writer', async () => {
    const ws = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': rep });
    const made = spawnSync('mkfifo', [path.join(ws.dir, '2026', 'bo-chen.yaml')]);
    expect(made.status).toBe(0);
    const { lines: out, ms } = await check(ws.dir);
    expect(out).toEqual([
      '2026/bo-chen.yaml:0:0: error: is not a regular file (a folder, a pipe, a device or a socket) (a review file is a plain text file)',
    ]);
    expect(ms).toBeLessThan(20_000);
  });

  it('refuses a folder called .yaml reached through a link', async () => {
    const ws = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': rep, 'notes/keep.txt': 'x' });
    await symlink(path.join(ws.dir, 'notes'), path.join(ws.dir, '2026', 'bo-chen.yaml'));
    const { lines: out } = await check(ws.dir);
    expect(out).toContain(
      '2026/bo-chen.yaml:0:0: error: is not a regular file (a folder, a pipe, a device or a socket) (a review file is a plain text file)',
    );
  });
});

describe('links out of the data folder', () => {
  const secret = 'name: Top Secret\nrole: junior\nassessments:\n  - date: 2026-01-01\n    strengths: SALARY 123456\n';

  async function withOutside() {
    const outside = await workspace({ 'secret.yaml': secret, 'framework.yaml': framework, '2026/zed.yaml': secret });
    const ws = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': rep });
    return { outside: outside.dir, ws: ws.dir };
  }

  it('refuses a rep file that links outside, without reading it', async () => {
    const { outside, ws } = await withOutside();
    await symlink(path.join(outside, 'secret.yaml'), path.join(ws, '2026', 'bo-chen.yaml'));
    const result = await check(ws);
    expect(result.lines).toEqual([
      '2026/bo-chen.yaml:0:0: error: is a link to a file outside the data folder (copy the file into the data folder instead of linking it)',
    ]);
    expect(JSON.stringify(result.diagnostics)).not.toContain('SALARY');
  });

  it('refuses a year folder that links outside', async () => {
    const { outside, ws } = await withOutside();
    await symlink(path.join(outside, '2026'), path.join(ws, '2025'));
    const result = await check(ws);
    expect(result.lines).toEqual([
      '2025:0:0: error: is a link to a folder outside the data folder (move the year folder into the data folder)',
    ]);
    expect(JSON.stringify(result.diagnostics)).not.toContain('Top Secret');
  });

  it('refuses a framework.yaml that links outside', async () => {
    const { outside } = await withOutside();
    const ws = await workspace({ '2026/ann-lee.yaml': rep });
    await symlink(path.join(outside, 'framework.yaml'), path.join(ws.dir, 'framework.yaml'));
    expect((await check(ws.dir)).lines).toEqual([
      'framework.yaml:0:0: error: is a link to a file outside the data folder (copy the file into the data folder instead of linking it)',
    ]);
  });

  it('follows a link that stays inside, and stops on a loop of links', async () => {
    // A folder whose name starts with a dot is not a year folder: it is skipped.
    const ws = await workspace({ 'framework.yaml': framework, '.archive/ann.yaml': rep });
    await mkdir(path.join(ws.dir, '2026'));
    await symlink(path.join('..', '.archive', 'ann.yaml'), path.join(ws.dir, '2026', 'ann-lee.yaml'));
    await symlink('loop-b.yaml', path.join(ws.dir, '2026', 'loop-a.yaml'));
    await symlink('loop-a.yaml', path.join(ws.dir, '2026', 'loop-b.yaml'));
    const result = await check(ws.dir);
    expect(result.lines).toEqual([
      '2026/loop-a.yaml:0:0: error: cannot be read: too many symbolic links',
      '2026/loop-b.yaml:0:0: error: cannot be read: too many symbolic links',
    ]);
  });
});

describe('on the command line', () => {
  it('reports every hazard at once, exits 1, and prints no stack', async () => {
    const outside = await workspace({ 'secret.yaml': 'name: Secret\nrole: junior\n' });
    const ws = await workspace({
      'framework.yaml': framework,
      '2026/ann-lee.yaml': `name: Ann\nrole: junior\nresults: ${'['.repeat(10_000)}\n`,
      '2026/bo-chen.yaml': new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe]),
      '2026/cy-dee.yaml': rep,
    });
    await truncate(path.join(ws.dir, '2026', 'cy-dee.yaml'), 50 * 1024 * 1024);
    await symlink(path.join(outside.dir, 'secret.yaml'), path.join(ws.dir, '2026', 'di-eve.yaml'));
    expect(spawnSync('mkfifo', [path.join(ws.dir, '2026', 'ed-fox.yaml')]).status).toBe(0);

    const started = performance.now();
    const run = spawnSync(process.execPath, [BIN, 'validate', '--data', ws.dir], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 300_000,
    });
    expect(performance.now() - started).toBeLessThan(150_000);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const at = (name: string) => path.join(ws.dir, '2026', name);
    expect(run.stderr).toContain(
      `${at('ann-lee.yaml')}:3:${10 + MAX_NESTING - 1}: error: nested more than ${MAX_NESTING} levels deep`,
    );
    expect(run.stderr).toContain(`${at('bo-chen.yaml')}: error: is not valid UTF-8 text`);
    expect(run.stderr).toContain(
      `${at('cy-dee.yaml')}: error: is too large to be a review file (50.0 MB; the limit is 2 MB)`,
    );
    expect(run.stderr).toContain(`${at('di-eve.yaml')}: error: is a link to a file outside the data folder`);
    expect(run.stderr).toContain(`${at('ed-fox.yaml')}: error: is not a regular file`);
    expect(run.stderr).toMatch(/5 errors in 5 files/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 360_000);
});
