import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/load/workspace.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const rep = 'name: Ann Lee\nrole: junior\nassessments:\n  - date: 2026-02-10\n    scores:\n      discovery: 2\n';
/** Every workspace a test wrote (some write several), removed after it. */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function check(file: string | Uint8Array, name = '2026/ann-lee.yaml') {
  const ws = await tempWorkspace({ 'framework.yaml': framework, [name]: file });
  cleanups.push(ws.cleanup);
  const result = await validate({ data: ws.dir });
  return { ...result, lines: lines(result.diagnostics, ws.dir).filter((l) => !l.includes('warning: never observed')) };
}

describe('YAML hazards end in a clear error or a correct read', () => {
  it('refuses an alias bomb', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    // Only a guard against a hang (expanded, the bomb is 9^9 nodes); how fast it is refused is not a test's business.
    const started = Date.now();
    const { lines: out } = await check(bomb);
    expect(Date.now() - started).toBeLessThan(50_000);
    expect(out).toHaveLength(1);
    // Refused from what the aliases expand to (issue 13): the first alias of line 5 takes the file past the bound.
    expect(out).toEqual([
      '2026/ann-lee.yaml:5:8: error: this alias takes the file past 10000 values once the aliases are expanded (write the repeated part out once where it is needed, or reuse a smaller one)',
    ]);
  }, 120_000);

  it('refuses custom tags such as !!js/function', async () => {
    const { lines: out, dataset } = await check('name: !!js/function "function () { return 1 }"\nrole: junior\n');
    expect(dataset).toBeUndefined();
    expect(out.filter((l) => l.includes('error'))).toEqual([
      '2026/ann-lee.yaml:1:7: error: unsupported tag !!js/function (revue reads plain YAML only: remove the tag)',
    ]);
  });

  it('refuses a 10 MB file without reading it into the parser', async () => {
    const big = `name: Big\nrole: junior\nreview:\n  manager: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const { lines: out } = await check(big);
    expect(out).toEqual([
      '2026/ann-lee.yaml:0:0: error: is too large to be a review file (10.0 MB; the limit is 2 MB) (a rep-year file is normally a few kilobytes: check that this is the right file)',
    ]);
  });

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    const head = 'name: Big\nrole: junior\nreview:\n  manager: "';
    const sized = (bytes: number) => `${head}${'x'.repeat(bytes - head.length - 2)}"\n`;
    const atLimit = await check(sized(MAX_FILE_BYTES));
    expect(atLimit.lines.filter((l) => l.includes('too large'))).toEqual([]);
    expect(atLimit.dataset?.reps[0]?.data.review?.manager).toHaveLength(MAX_FILE_BYTES - head.length - 2);
    expect((await check(sized(MAX_FILE_BYTES + 1))).lines).toEqual([
      '2026/ann-lee.yaml:0:0: error: is too large to be a review file (2.0 MB; the limit is 2 MB) (a rep-year file is normally a few kilobytes: check that this is the right file)',
    ]);
  });

  it('reads each file on its own: one cut in the middle of a character leaves the next as written', async () => {
    const cut = new Uint8Array([...Buffer.from('name: Ann Lee\nrole: junior\nkind: caf'), 0xc3]);
    const ws = await tempWorkspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': cut, '2026/bob-ray.yaml': rep });
    cleanups.push(ws.cleanup);
    const result = await validate({ data: ws.dir });
    expect(lines(result.diagnostics, ws.dir).filter((l) => l.includes('error'))).toEqual([
      '2026/ann-lee.yaml:0:0: error: is not valid UTF-8 text (save the file as UTF-8 in your editor)',
    ]);
  });

  it('says an empty file is empty', async () => {
    const { lines: out } = await check('');
    expect(out).toEqual([
      '2026/ann-lee.yaml:1:1: error: the file is empty (a rep-year file needs at least name and role)',
    ]);
  });

  it('reads a file with a byte-order mark', async () => {
    const { dataset } = await check(`\uFEFF${rep}`);
    expect(dataset?.reps[0]?.data.name).toBe('Ann Lee');
  });

  it('reads CRLF line endings and reports positions on the right line', async () => {
    const { dataset } = await check(rep.replace(/\n/g, '\r\n'));
    expect(dataset?.reps[0]?.data.assessments[0]?.scores).toEqual({ discovery: 2 });
    const { lines: out } = await check(rep.replace('discovery', 'discovry').replace(/\n/g, '\r\n'));
    expect(out).toEqual(['2026/ann-lee.yaml:6:7: error: unknown competency "discovry" (did you mean "discovery"?)']);
  });

  it('points at a tab used for indentation', async () => {
    const { lines: out } = await check('name: Ann Lee\nrole: junior\nresults:\n\ttarget: 3\n');
    expect(out).toEqual([
      '2026/ann-lee.yaml:4:1: error: this line is indented with a tab: YAML indents with spaces only (indent with 2 spaces: "  target: 3")',
      // Read as meant once the tab is replaced: results has no achieved.
      '2026/ann-lee.yaml:4:2: error: missing required key "achieved" in results',
    ]);
  });

  it('refuses binary junk and invalid UTF-8', async () => {
    expect((await check(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).lines).toEqual([
      '2026/ann-lee.yaml:0:0: error: is a binary file, not YAML text',
    ]);
    expect((await check(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xc3, 0x28]))).lines).toEqual([
      '2026/ann-lee.yaml:0:0: error: is not valid UTF-8 text (save the file as UTF-8 in your editor)',
    ]);
  });

  it('reports a file that is a list instead of a mapping', async () => {
    const { lines: out } = await check('- name: Ann\n');
    expect(out).toEqual(['2026/ann-lee.yaml:1:1: error: expected a mapping, got a list']);
  });
});

describe('framework.yaml', () => {
  it('is required', async () => {
    const ws = await tempWorkspace({ '2026/ann-lee.yaml': rep });
    cleanups.push(ws.cleanup);
    const { diagnostics } = await validate({ data: ws.dir });
    expect(lines(diagnostics, ws.dir)).toEqual([
      'framework.yaml:0:0: error: missing: every workspace needs one framework.yaml (run "revue init" to create a workspace, or pass the right folder with --data)',
    ]);
  });

  it('reports its own inconsistencies, in its own language', async () => {
    const broken = framework
      .replace('locale: en', 'locale: de')
      .replace('      negotiation: 3.5', '      negociation: 3.5\n      discovery: 3.2')
      .replace('  - id: key-account', '  - id: new-business');
    const ws = await tempWorkspace({ 'framework.yaml': broken });
    cleanups.push(ws.cleanup);
    const { diagnostics } = await validate({ data: ws.dir });
    expect(lines(diagnostics, ws.dir)).toEqual([
      'framework.yaml:2:9: error: locale: "de" is not allowed (expected one of: "fr", "en")',
    ]);
    const ws2 = await tempWorkspace({ 'framework.yaml': broken.replace('locale: de', 'locale: fr') });
    const { diagnostics: second } = await validate({ data: ws2.dir });
    expect(lines(second, ws2.dir)).toEqual([
      'framework.yaml:27:9: error: identifiant en double «\u00a0new-business\u00a0» dans contexts (chaque identifiant désigne une seule entrée)',
      'framework.yaml:37:7: error: compétence inconnue «\u00a0negociation\u00a0» dans les niveaux attendus du rôle «\u00a0senior\u00a0» (vouliez-vous dire «\u00a0negotiation\u00a0»\u202f?)',
      'framework.yaml:38:18: error: le niveau attendu 3.2 n’est pas sur un pas de l’échelle (0.5)',
    ]);
    await ws2.cleanup();
  });
});
