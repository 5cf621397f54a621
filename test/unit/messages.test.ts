/**
 * The catalogues of messages (src/messages): every code and every message
 * rendered in both languages from the same parameters (the samples below
 * are typed by the catalogues: a new message does not compile until it has
 * one), French typography in every French message, and every diagnostic
 * code documented in docs/format.md.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEn, type CliCatalogue } from '../../src/messages/cli-en.js';
import { cliFr } from '../../src/messages/cli-fr.js';
import { diagnosticsEn } from '../../src/messages/diagnostics-en.js';
import { diagnosticsFr } from '../../src/messages/diagnostics-fr.js';
import {
  DIAGNOSTIC_CODES,
  renderText,
  type DiagnosticCatalogue,
  type DiagnosticParams,
} from '../../src/messages/diagnostics.js';
import { typesetFrench } from '../../src/messages/typography.js';

const reason = { code: 'ENOENT', detail: 'dd' };
const id = { what: 'competency', value: 'vv', where: 'ww', suggestion: 'ss', known: ['kk', 'll'] } as const;

/** One set of parameters per code. Words without punctuation, so that only the catalogue's own shows. */
const DIAGNOSTICS: DiagnosticParams = {
  'data-folder-unreadable': { reason },
  'framework-missing': {},
  'link-outside-file': {},
  'link-outside-folder': {},
  'not-regular-file': {},
  'file-too-large': { megabytes: 3, limit: 2 },
  'binary-file': {},
  'not-utf8': {},
  'file-unreadable': { reason },
  'folder-unreadable': { reason: { code: 'EOTHER', detail: 'dd' } },
  'ignored-file': {},
  'not-year-folder': { name: 'nn' },
  'duplicate-rep-file': { rep: 'rr', year: 'yy', other: 'oo' },
  'bad-file-name': { stem: 'ss', slug: 'gg' },
  'yaml-nesting': { max: 64 },
  'yaml-unreadable': { detail: 'dd' },
  'yaml-aliases': { detail: 'dd', max: 200 },
  'yaml-tag': { tag: 'tt' },
  'yaml-syntax': { parserCode: 'BAD_INDENT', detail: 'dd' },
  'yaml-too-many-errors': { count: 9 },
  'empty-file': {},
  'duplicate-key': { key: 'kk', firstLine: 4 },
  'missing-dash': { column: 3, key: 'kk', list: 'll', firstLine: 4, fix: 'ff' },
  'tab-indent': { others: 2, fix: 'ff' },
  'bad-indent': { column: 6, expected: 9, fix: 'ff' },
  'missing-space': { written: 'ww', fix: 'ff' },
  'unclosed-quote': { quote: 'qq', fix: 'ff' },
  'unclosed-bracket': { bracket: 'bb', fix: 'ff' },
  'unknown-key': { key: 'kk', where: 'ww', suggestion: undefined, known: ['kk', 'll'] },
  'missing-key': { key: 'kk', where: 'ww' },
  'wrong-type': { where: 'ww', expected: 'number', received: 'rr' },
  'grouped-digits': { where: 'ww', received: 'rr', fix: 'ff' },
  'decimal-comma': { where: 'ww', received: 'rr', fix: 'ff' },
  'not-allowed': { where: 'ww', received: 'rr', allowed: ['aa', 'bb'] },
  'unknown-id': id,
  'not-slug': { where: 'ww', value: 'vv', slug: 'gg' },
  'out-of-scale': { where: 'ww', value: 6, min: 1, max: 4 },
  'off-step': { where: 'ww', value: 6, step: 9, nearest: [1, 4] },
  'invalid-date': { where: 'ww', value: 'vv', fix: 'ff' },
  'date-outside-year': { where: 'ww', value: 'vv', year: 9 },
  'empty-text': { where: 'ww' },
  'too-few': { where: 'ww', what: 'role' },
  'negative-number': { where: 'ww', value: 6 },
  'not-positive': { where: 'ww', value: 6 },
  'invalid-currency': { where: 'ww', value: 'vv' },
  'invalid-colour': { where: 'ww', value: 'vv' },
  'invalid-level-key': { where: 'ww', key: 'kk' },
  'logo-not-found': { logo: 'oo', suggestion: undefined },
  invalid: { where: 'ww', detail: 'dd' },
  'scale-max-not-above-min': { min: 1, max: 4 },
  'step-not-leading': { step: 9, min: 1, max: 4 },
  'level-outside-scale': { level: 'll', min: 1, max: 4 },
  'duplicate-id': { id: 'ii', list: 'll' },
  'unknown-expected-competency': { key: 'kk', role: 'rr', suggestion: 'ss', known: ['kk'] },
  'expected-out-of-scale': { value: 6, min: 1, max: 4 },
  'expected-off-step': { value: 6, step: 9 },
  'duplicate-goal': { competency: 'cc', first: 4 },
  'before-since': { date: 'dd', since: 'ss' },
  'never-coached': { year: 9 },
  'never-observed': { year: 9, labels: ['aa', 'bb'] },
  'after-build-date': { date: 'dd', asOf: 'aa' },
  'note-not-scored': { competency: 'cc' },
  // --- Hostile files (issue 13)
  'yaml-alias-expansion': { max: 10000 },
  'team-id-collision': { team: 'tt', other: 'oo', otherPlace: 'pp', file: 'ff' },
  'too-many-diagnostics': { count: 9 },
  'control-character': { where: 'ww', character: 'cc' },
  'file-name-too-long': { length: 9, max: 4 },
};

type CliFunction = {
  [K in keyof CliCatalogue]: CliCatalogue[K] extends (p: never) => string ? K : never;
}[keyof CliCatalogue];
type CliParams = { [K in CliFunction]: Parameters<CliCatalogue[K]>[0] };

const CLI: CliParams = {
  diagnosticLine: { place: 'pp', label: 'll', message: 'mm' },
  labelled: { label: 'll', text: 'tt' },
  didYouMean: { suggestion: 'ss' },
  statusNeverObserved: { competencies: ['c1', 'c2'], contexts: ['x1'] },
  summary: { errors: 2, files: 3, warnings: 4 },
  otherYears: { count: 2, years: [7, 8] },
  valid: { data: 'dd', files: 3, years: [7, 8] },
  runHelp: { command: 'cc' },
  unknownCommand: { name: 'nn' },
  knownCommands: { commands: ['aa', 'bb'] },
  unknownOption: { option: 'oo', command: 'cc' },
  knownOptions: { options: ['aa', 'bb'] },
  missingValue: { option: 'oo' },
  tooManyArguments: { extra: 'ee' },
  expectsYear: { option: 'oo', value: 'vv' },
  expectsDate: { option: 'oo', value: 'vv' },
  dateHint: { option: 'oo', fix: 'ff' },
  expectsWholeNumber: { option: 'oo', value: 'vv' },
  expectsSeconds: { option: 'oo', value: 'vv' },
  expectsChoice: { option: 'oo', value: 'vv', choices: ['aa', 'bb'] },
  expectsShard: { value: 'vv' },
  shardCount: { count: 3 },
  shardRange: { count: 3, index: 4 },
  badEpoch: { value: 'vv' },
  unknownSchema: { name: 'nn' },
  noDataForYear: { year: 7 },
  knownYears: { years: [7, 8] },
  noRep: { id: 'ii', year: 7 },
  knownReps: { reps: ['aa', 'bb'] },
  building: { total: 3, year: 7 },
  reportFailed: { file: 'ff', reason: 'rr' },
  reportWarning: { file: 'ff', warning: 'ww' },
  buildSummary: { year: 7, written: 1, skipped: 2, failed: 0, warnings: 3, seconds: '5.5' },
  openIndex: { file: 'ff' },
  removed: { file: 'ff', kind: 'rep', year: 7 },
  changed: { files: ['aa', 'bb'] },
  initCreated: { dir: 'dd' },
  initAppended: { file: 'ff' },
  initBuild: { year: 7 },
  initBadYear: { year: 7 },
  initNotFolder: { dir: 'dd' },
  initExisting: { dir: 'dd', files: ['aa', 'bb'] },
  tagline: { version: 'vv' },
  usage: { line: 'll' },
  defaultIs: { value: 'vv' },
  // --- The daily loop (issue 14) ---
  logWritten: { date: 'dd', name: 'nn', file: 'ff', created: true },
  logMissing: { missing: ['aa', 'bb'] },
  yearNotBegun: { year: 9, asOf: 'aa', previous: 8 },
  logMissingHint: { rep: 'rr', context: 'cc', scores: [{ id: 's1', score: 1.5 }] },
  logRepAndNew: { rep: 'rr' },
  logUnknownRep: { rep: 'rr' },
  logRepTaken: { id: 'ii', file: 'ff' },
  logRepTakenHint: { id: 'ii' },
  logNoSlug: { name: 'nn' },
  logUnknownRole: { role: 'rr', roles: ['aa', 'bb'] },
  logRefused: { file: 'ff' },
  logTitle: { name: 'nn' },
  statusGroup: { team: 'tt', manager: 'mm' },
  statusSummary: { overdue: 2, total: 3, days: 30, asOf: 'aa' },
  statusNoReps: { year: 7 },
  newYearWrote: { count: 2, year: 7 },
  newYearFile: { file: 'ff', goals: ['aa', 'bb'] },
  newYearNothing: { year: 7, previous: 6 },
  newYearNoPrevious: { year: 7, previous: 6 },
  newYearKept: { file: 'ff' },
  previewServing: { url: 'uu' },
  previewInvalid: { errors: 2 },
  previewPortInUse: { port: 9 },
};

/** Every text of a CLI catalogue: its strings, its sections' strings, and its functions called with the samples. */
function cliTexts(catalogue: CliCatalogue): string[] {
  const texts: string[] = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    if (typeof entry === 'string') texts.push(entry);
    else if (typeof entry === 'object') texts.push(...Object.values<string>(entry));
    else if (typeof entry === 'function') {
      const params: unknown = Reflect.get(CLI, key);
      expect(params, `a sample for ${key}`).toBeDefined();
      texts.push(String(Reflect.apply(entry, catalogue, [params])));
    }
  }
  return texts;
}

function diagnosticTexts(catalogue: DiagnosticCatalogue): string[] {
  return DIAGNOSTIC_CODES.flatMap((code) => {
    const { message, hint } = renderText(catalogue, { code, params: DIAGNOSTICS[code] });
    return hint === undefined ? [message] : [message, hint];
  });
}

/** French punctuation not as French typography wants it, in what the catalogue wrote. */
function typographyErrors(text: string): string[] {
  // The samples' values ("kk", "ww"…) out of the way: only the catalogue's own words remain.
  const words = text.replace(/\b([a-z])\1\b/g, 'X');
  const errors: string[] = [];
  // A space, or nothing, before ; ? ! where a narrow no-break space belongs (a ";" in code such as "&lt;" aside).
  for (const m of words.matchAll(/(.)([;?!])(?=\s|$)/g))
    if (m[1] !== '\u202f') errors.push(`before "${m[2]}": ${text}`);
  // A plain space before a colon: the no-break space was forgotten ("clé: valeur", YAML shown as code, has none).
  if (/ :/.test(words)) errors.push(`before ":": ${text}`);
  if (/«(?!\u00a0)/.test(words) || /(?<!\u00a0)»/.test(words)) errors.push(`inside « »: ${text}`);
  return errors;
}

describe('the diagnostics catalogues', () => {
  it('have the same codes, in the same order', () => {
    expect(Object.keys(diagnosticsFr)).toEqual(Object.keys(diagnosticsEn));
    expect(DIAGNOSTIC_CODES).toEqual(Object.keys(DIAGNOSTICS));
  });

  it.each([
    ['en', diagnosticsEn],
    ['fr', diagnosticsFr],
  ] as const)('in %s, word every code with a message (and no trace of a missing value)', (_, catalogue) => {
    for (const text of diagnosticTexts(catalogue)) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('in French, follow French typography', () => {
    expect(diagnosticTexts(diagnosticsFr).flatMap(typographyErrors)).toEqual([]);
  });

  it('in English, use no French spacing', () => {
    expect(diagnosticTexts(diagnosticsEn).join('\n')).not.toMatch(/[\u00a0\u202f«»]/);
  });
});

describe('the command-line catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(cliFr)).toEqual(Object.keys(cliEn));
    expect(Object.keys(cliFr.options)).toEqual(Object.keys(cliEn.options));
    expect(Object.keys(cliFr.csv)).toEqual(Object.keys(cliEn.csv));
  });

  it('in French, follow French typography', () => {
    expect(cliTexts(cliFr).flatMap(typographyErrors)).toEqual([]);
  });

  it('in English, use no French spacing', () => {
    expect(cliTexts(cliEn).join('\n')).not.toMatch(/[\u00a0\u202f«»]/);
  });
});

describe('the typesetting of French', () => {
  it.each([
    ['erreur : x', 'erreur\u00a0: x'],
    ['vraiment ? oui ; non !', 'vraiment\u202f? oui\u202f; non\u202f!'],
    ['« mot »', '«\u00a0mot\u00a0»'],
    ['http://x et 2:3', 'http://x et 2:3'],
  ])('%j -> %j', (text, typeset) => {
    expect(typesetFrench(text)).toBe(typeset);
  });
});

describe('docs/format.md', () => {
  it('lists every diagnostic code, and no other', async () => {
    const doc = await readFile(path.join(import.meta.dirname, '..', '..', 'docs', 'format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### Diagnostic codes'));
    const documented = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });
});
