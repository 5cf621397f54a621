/**
 * No byte of the data drives the terminal (issue 13): every line the command
 * line prints shows control characters escaped (`\u001b`), and names, teams
 * and labels holding one are refused by validation, so that none reaches a
 * PDF's title or bookmarks either.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STYLE_MARK, escapeControl, terminalText } from '../../src/cli/terminal-text.js';
import { validate } from '../../src/validate/index.js';
import { revue, revueOnTerminal } from '../cli/spawn.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function workspace(files: Record<string, string>) {
  const ws = await tempWorkspace(files);
  cleanups.push(ws.cleanup);
  return ws.dir;
}

const ESC = '\u001b';
/** Any control character a terminal acts on: C0 but tab and line feed, DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const clear = `${ESC}[2J${ESC}[H`;
const osc52 = `${ESC}]52;c;aGVsbG8=\u0007`;
const fakeValid = `${ESC}[1A${ESC}[2K✓ valid`;
/** A rep file whose name, team and an unknown key each hold terminal codes (YAML's own escapes: \e is ESC). */
const hostileRep = [
  'name: "Ann\\e[2J\\e[H Lee"',
  'role: junior',
  'team: "Sales\\e]52;c;aGVsbG8=\\a"',
  '"bad\\e[1A\\e[2K✓ valid": 1',
  '"\\x9b2J": 2',
  'assessments:',
  '  - date: 2026-02-10',
  '    scores:',
  '      discovery: 2',
  '',
].join('\n');

describe('the one way out to the terminal', () => {
  it('escapes every control character but tab and line break', () => {
    expect(escapeControl(`a${clear}b`)).toBe('a\\u001b[2J\\u001b[Hb');
    expect(escapeControl(osc52)).toBe('\\u001b]52;c;aGVsbG8=\\u0007');
    expect(escapeControl('\u009b2J \u0085 \u007f \u0000 \r \f')).toBe(
      '\\u009b2J \\u0085 \\u007f \\u0000 \\u000d \\u000c',
    );
    expect(escapeControl('tab\there\nnext line\r\nCRLF kept')).toBe('tab\there\nnext line\r\nCRLF kept');
  });

  it('turns revue’s own colour marks into colour codes, and nothing else', () => {
    expect(terminalText(`${STYLE_MARK}[31merror${STYLE_MARK}[39m`)).toBe(`${ESC}[31merror${ESC}[39m`);
    // A mark in the data can at most colour: it never becomes another sequence.
    expect(terminalText(`${STYLE_MARK}[2J ${STYLE_MARK}]52;c;x`)).not.toContain(ESC);
    expect(terminalText(`x${ESC}[31my`)).toBe('x\\u001b[31my');
  });
});

describe('validate prints no control character from the data', () => {
  it('names, teams, keys and file names are printed escaped (no colour)', async () => {
    const dir = await workspace({
      'framework.yaml': framework,
      '2026/ann-lee.yaml': hostileRep,
      [`2026/bo${ESC}[31m.yaml`]: 'name: Bo\nrole: junior\n',
    });
    const run = revue(['validate', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    const out = run.stderr.replaceAll(dir, '<data>').split('\n');
    expect(out).toEqual([
      '<data>/2026/ann-lee.yaml:1:7: error: name: the control character \\u001b is not allowed in a name or a label',
      '  hint: remove it: it is invisible in the file, and a terminal would act on it (only tabs and line breaks are allowed)',
      '<data>/2026/ann-lee.yaml:3:7: error: team: the control character \\u001b is not allowed in a name or a label',
      '  hint: remove it: it is invisible in the file, and a terminal would act on it (only tabs and line breaks are allowed)',
      '<data>/2026/ann-lee.yaml:4:1: error: unknown key "bad\\u001b[1A\\u001b[2K✓ valid"',
      '  hint: expected one of: name, role, team, manager, since, goals, results, assessments, review',
      '<data>/2026/ann-lee.yaml:5:1: error: unknown key "\\u009b2J"',
      '  hint: expected one of: name, role, team, manager, since, goals, results, assessments, review',
      '<data>/2026/bo\\u001b[31m.yaml: error: the file name "bo\\u001b[31m" is not a valid rep id',
      '  hint: name the file after the rep in lowercase with hyphens: bo-31m.yaml',
      '<data>/2026/bo\\u001b[31m.yaml: warning: no assessment in 2026: this rep was never coached this year',
      '5 errors in 2 files, 1 warning',
      '',
    ]);
  });

  it('on a terminal, keeps revue’s colours and escapes the data’s codes', async () => {
    // The codes written raw in the file this time: the line quoted under the error holds them too.
    const raw = `name: Ann${clear} Lee\nrole: junior\nteam: Sales${osc52}\nbad${fakeValid}: 1\n\u009b2J: 2\n`;
    const dir = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': raw });
    const run = revueOnTerminal(['validate', '--data', dir], { NO_COLOR: undefined });
    expect(run.stdout).toContain(`${ESC}[31merror${ESC}[39m`);
    for (const code of [clear, osc52, fakeValid, '\u009b']) expect(run.stdout).not.toContain(code);
    expect(run.stdout).toContain(' name: Ann\\u001b[2J\\u001b[H Lee');
    expect(run.stdout).toContain(' team: Sales\\u001b]52;c;aGVsbG8=\\u0007');
    expect(run.stdout).toContain('unknown key "bad\\u001b[1A\\u001b[2K✓ valid"');
    // Every ESC that remains opens a colour (SGR) code of revue's.
    expect(
      run.stdout
        .split(ESC)
        .slice(1)
        .every((rest) => /^\[[0-9;]*m/.test(rest)),
    ).toBe(true);
  });

  it('build refuses them before any report is written, and prints them escaped', async () => {
    const dir = await workspace({ 'framework.yaml': framework, '2026/ann-lee.yaml': hostileRep });
    const out = path.join(dir, 'out');
    const run = revue(['build', '--data', dir, '--out', out, '--year', '2026']);
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(RAW_CONTROL);
    expect(run.stderr).toContain('unknown key "bad\\u001b[1A\\u001b[2K✓ valid"');
    expect(existsSync(path.join(out, '2026'))).toBe(false);
  });
});

describe('control characters are refused in names, teams and labels', () => {
  async function check(files: Record<string, string>) {
    const dir = await workspace(files);
    const result = await validate({ data: dir });
    return lines(result.diagnostics, dir).filter((l) => !/never observed|jamais observ/.test(l));
  }
  const rep = (field: string, value: string) =>
    `name: Ann Lee\nrole: junior\n${field}: ${JSON.stringify(value)}\nassessments:\n  - date: 2026-02-10\n    scores:\n      discovery: 2\n`;

  it.each([
    ['team', `Sales${ESC}[2J`, '\\u001b'],
    ['manager', `Jo\u009b`, '\\u009b'],
    ['team', 'North\u0000', '\\u0000'],
    ['manager', 'Jo\rRoux', '\\u000d'],
  ])('%s %j: an error naming the character', async (field, value, shown) => {
    expect(await check({ 'framework.yaml': framework, '2026/ann-lee.yaml': rep(field, value) })).toEqual([
      `2026/ann-lee.yaml:3:${field.length + 3}: error: ${field}: the control character ${shown} is not allowed in a name or a label (remove it: it is invisible in the file, and a terminal would act on it (only tabs and line breaks are allowed))`,
    ]);
  });

  it('the framework’s organisation and labels, in French', async () => {
    const fr = framework
      .replace('locale: en', 'locale: fr')
      .replace('organisation: Acme Tools', 'organisation: "Acme\\e]0;owned\\a"')
      .replace('label: Discovery', 'label: "Discovery\\e[8m"');
    const out = await check({ 'framework.yaml': fr, '2026/ann-lee.yaml': rep('team', 'North') });
    expect(out).toEqual([
      'framework.yaml:1:15: error: organisation\u00a0: le caractère de contrôle \\u001b n’est pas permis dans un nom ou un libellé (retirez-le\u00a0: il est invisible dans le fichier, et un terminal l’interpréterait (seules les tabulations et les fins de ligne sont permises))',
      'framework.yaml:16:12: error: competencies[1].label\u00a0: le caractère de contrôle \\u001b n’est pas permis dans un nom ou un libellé (retirez-le\u00a0: il est invisible dans le fichier, et un terminal l’interpréterait (seules les tabulations et les fins de ligne sont permises))',
    ]);
  });

  it('tabs and line breaks stay allowed', async () => {
    expect(await check({ 'framework.yaml': framework, '2026/ann-lee.yaml': rep('team', 'North\tEast') })).toEqual([]);
  });
});
