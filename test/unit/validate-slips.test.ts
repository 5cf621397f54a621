/**
 * The slips of a file typed by hand (SPEC §4, issue 12), each in both
 * languages: reported at its line in plain words with its fix written out,
 * and the rest of the file read as meant, so that the slip is the file's
 * only diagnostic (no parser noise, no error it would cause further down).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { validate } from '../../src/validate/index.js';
import type { DiagnosticCode } from '../../src/messages/diagnostics.js';
import { FIXTURES, lines, tempWorkspace } from '../helpers.js';

const framework = await readFile(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');

/** A valid file; each slip changes one of its lines. */
const REP = [
  'name: Ann Lee',
  'role: junior',
  'team: North',
  'assessments:',
  '  - date: 2026-02-10',
  '    context: new-business',
  '    scores:',
  '      discovery: 2',
  '      prospecting: 2.5',
  '      negotiation: 2',
  '  - date: 2026-04-11',
  '    scores:',
  '      discovery: 3',
];

/** REP with its 1-based `line` (and `count - 1` more) replaced by `text`. */
function withLine(line: number, text: string | string[], count = 1): string {
  const replaced = [...REP];
  replaced.splice(line - 1, count, ...(Array.isArray(text) ? text : [text]));
  return `${replaced.join('\n')}\n`;
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

async function check(files: Record<string, string>, locale: 'en' | 'fr', asOf = '2026-12-31') {
  const ws = await tempWorkspace({ 'framework.yaml': framework.replace('locale: en', `locale: ${locale}`), ...files });
  cleanups.push(ws.cleanup);
  const result = await validate({ data: ws.dir, asOf });
  return { ...result, dir: ws.dir };
}

async function diagnose(rep: string, locale: 'en' | 'fr') {
  const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': rep }, locale);
  return diagnostics.map((d) => ({
    at: `${path.relative(dir, d.file)}:${d.line}:${d.column}`,
    code: d.code,
    message: d.message,
    hint: d.hint,
  }));
}

interface Case {
  slip: string;
  file: string;
  at: string;
  code: DiagnosticCode;
  en: { message: string; hint: string };
  fr: { message: string; hint: string };
}

const SLIPS: Case[] = [
  {
    slip: 'a duplicate key',
    file: withLine(13, ['      discovery: 3', 'team: South']),
    at: '2026/ann-lee.yaml:14:1',
    code: 'duplicate-key',
    en: {
      message: 'duplicate key "team": it is already set at line 3',
      hint: 'keep one of the two "team:" lines; until then, this later one is the one read',
    },
    fr: {
      message: 'clé en double «\u00a0team\u00a0»\u00a0: elle est déjà définie ligne 3',
      hint: 'gardez une seule des deux lignes «\u00a0team:\u00a0»\u202f; en attendant, c’est celle-ci, la dernière, qui est lue',
    },
  },
  {
    slip: 'a missing "- " before a new assessment',
    file: withLine(11, '    date: 2026-04-11'),
    // Where the "- " goes, not the key: typed at the key, it would make the line wrong another way.
    at: '2026/ann-lee.yaml:11:3',
    code: 'missing-dash',
    en: {
      message:
        '"date" is set twice in one entry of "assessments" (line 5, then here): the "- " that starts a new entry is missing',
      hint: 'start the new entry with "- " at column 3: "  - date: 2026-04-11"',
    },
    fr: {
      message:
        '«\u00a0date\u00a0» apparaît deux fois dans une même entrée de «\u00a0assessments\u00a0» (ligne 5, puis ici)\u00a0: il manque le «\u00a0-\u00a0» qui commence une nouvelle entrée',
      hint: 'commencez la nouvelle entrée par «\u00a0-\u00a0», colonne 3\u00a0: «\u00a0  - date: 2026-04-11\u00a0»',
    },
  },
  {
    slip: 'a tab',
    file: withLine(8, '\tdiscovery: 2'),
    at: '2026/ann-lee.yaml:8:1',
    code: 'tab-indent',
    en: {
      message: 'this line is indented with a tab: YAML indents with spaces only',
      hint: 'indent with 6 spaces: "      discovery: 2"',
    },
    fr: {
      message: 'cette ligne est indentée par une tabulation\u00a0: le YAML n’indente qu’avec des espaces',
      hint: 'indentez avec 6 espaces\u00a0: «\u00a0      discovery: 2\u00a0»',
    },
  },
  {
    slip: 'a wrong indentation',
    file: withLine(10, '     negotiation: 2'),
    at: '2026/ann-lee.yaml:10:6',
    code: 'bad-indent',
    en: {
      message: 'wrong indentation: this line starts at column 6, the lines around it at column 7',
      hint: 'start it at column 7: "      negotiation: 2"',
    },
    fr: {
      message: 'mauvaise indentation\u00a0: cette ligne commence colonne 6, les lignes voisines colonne 7',
      hint: 'commencez-la colonne 7\u00a0: «\u00a0      negotiation: 2\u00a0»',
    },
  },
  {
    slip: 'a decimal comma',
    file: withLine(9, '      prospecting: 2,5'),
    at: '2026/ann-lee.yaml:9:20',
    code: 'decimal-comma',
    en: {
      message: 'assessments[0].scores.prospecting: "2,5" is written with a decimal comma: YAML reads it as text',
      hint: 'use a point: prospecting: 2.5',
    },
    fr: {
      message:
        'assessments[0].scores.prospecting\u00a0: «\u00a02,5\u00a0» est écrit avec une virgule décimale\u00a0: le YAML le lit comme du texte',
      hint: 'utilisez un point\u00a0: prospecting: 2.5',
    },
  },
  {
    slip: 'no space after a colon',
    file: withLine(8, '      discovery:2'),
    at: '2026/ann-lee.yaml:8:7',
    code: 'missing-space',
    en: {
      message: 'a space is missing after the colon: YAML reads "discovery:2" as one piece of text',
      hint: 'write discovery: 2',
    },
    fr: {
      message:
        'il manque un espace après le deux-points\u00a0: le YAML lit «\u00a0discovery:2\u00a0» comme un seul texte',
      hint: 'écrivez discovery: 2',
    },
  },
  {
    slip: 'an unclosed quote',
    file: withLine(3, 'team: "North'),
    at: '2026/ann-lee.yaml:3:7',
    code: 'unclosed-quote',
    en: {
      message: 'the quote " opened here is never closed: the rest of the file reads as its text',
      hint: 'close it: team: "North"',
    },
    fr: {
      message: 'le guillemet " ouvert ici n’est jamais fermé\u00a0: la suite du fichier est lue comme son texte',
      hint: 'fermez-le\u00a0: team: "North"',
    },
  },
  {
    slip: 'a date written day first',
    file: withLine(5, '  - date: 14/02/2026'),
    at: '2026/ann-lee.yaml:5:11',
    code: 'invalid-date',
    en: {
      message: 'assessments[0].date: "14/02/2026" is not a valid date',
      hint: 'write it year-month-day: - date: 2026-02-14',
    },
    fr: {
      message: 'assessments[0].date\u00a0: «\u00a014/02/2026\u00a0» n’est pas une date valide',
      hint: 'écrivez-la année-mois-jour\u00a0: - date: 2026-02-14',
    },
  },
  {
    slip: 'an unclosed bracket',
    file: withLine(12, '    scores: { discovery: 3', 2),
    at: '2026/ann-lee.yaml:12:13',
    code: 'unclosed-bracket',
    en: { message: 'the "{" opened here is never closed', hint: 'close it: scores: { discovery: 3 }' },
    fr: {
      message: 'le «\u00a0{\u00a0» ouvert ici n’est jamais fermé',
      hint: 'fermez-le\u00a0: scores: { discovery: 3 }',
    },
  },
];

describe.each(['en', 'fr'] as const)('each slip, alone in its file, in %s', (locale) => {
  it.each(SLIPS)('$slip', async ({ file, at, code, ...words }) => {
    expect(await diagnose(file, locale)).toEqual([{ at, code, ...words[locale] }]);
  });
});

describe('a file with several slips', () => {
  it('reports a duplicate key, a syntax error and six content errors in one run, each at its line', async () => {
    const rep = [
      'name: Ann Lee',
      'role: junor', // 2: unknown role
      'team: North',
      'goals:',
      '  - competency: discovery',
      '    target: 5', // 6: outside the scale
      'assessments:',
      '  - date: 2026-02-10',
      '    kind: "Field visit', // 9: unclosed quote (the syntax error)
      '    scores:',
      '      discovry: 2', // 11: unknown competency
      '      prospecting: 2,5', // 12: decimal comma
      '  - date: 2026-14-02', // 13: not a date
      '    strenghts: Good preparation', // 14: unknown key
      '    scores:',
      '      negotiation: two', // 16: not a number
      'name: Ann Leigh', // 17: duplicate key
      '',
    ].join('\n');
    const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': rep }, 'en');
    expect(lines(diagnostics, dir)).toEqual([
      '2026/ann-lee.yaml:2:7: error: role: unknown role "junor" (did you mean "junior"?)',
      '2026/ann-lee.yaml:6:13: error: goals[0].target: 5 is outside the scale 1–4',
      '2026/ann-lee.yaml:9:11: error: the quote " opened here is never closed: the rest of the file reads as its text (close it: kind: "Field visit")',
      '2026/ann-lee.yaml:11:7: error: unknown competency "discovry" (did you mean "discovery"?)',
      '2026/ann-lee.yaml:12:20: error: assessments[0].scores.prospecting: "2,5" is written with a decimal comma: YAML reads it as text (use a point: prospecting: 2.5)',
      '2026/ann-lee.yaml:13:11: error: assessments[1].date: "2026-14-02" is not a valid date (the month comes second, from 01 to 12: YYYY-MM-DD)',
      '2026/ann-lee.yaml:14:5: error: unknown key "strenghts" in assessments[1] (did you mean "strengths"?)',
      '2026/ann-lee.yaml:16:20: error: assessments[1].scores.negotiation: expected a number, got "two"',
      '2026/ann-lee.yaml:17:1: error: duplicate key "name": it is already set at line 1 (keep one of the two "name:" lines; until then, this later one is the one read)',
    ]);
  });

  it('repairs one slip after another: a tab, then the indentation it hid, then a missing "- "', async () => {
    const rep = withLine(
      8,
      ['\tdiscovery: 2', '     prospecting: 2.5', '      negotiation: 2', '    date: 2026-04-11'],
      4,
    );
    const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': rep }, 'en');
    expect(lines(diagnostics, dir).map((l) => l.replace(/ \(.*$/, ''))).toEqual([
      '2026/ann-lee.yaml:8:1: error: this line is indented with a tab: YAML indents with spaces only',
      '2026/ann-lee.yaml:9:6: error: wrong indentation: this line starts at column 6, the lines around it at column 7',
      '2026/ann-lee.yaml:11:3: error: "date" is set twice in one entry of "assessments"',
    ]);
  });

  it('a score moved one level out, between two others: that line is the slip, not the score below it', async () => {
    // Found by a walkthrough: "unknown key" for it, and a hint to move the next score, which was right.
    const rep = withLine(9, '    prospecting: 2.5');
    const en = await diagnose(rep, 'en');
    expect(en.map((d) => `${d.at} ${d.code}: ${d.message} | ${d.hint ?? ''}`)).toEqual([
      '2026/ann-lee.yaml:9:5 bad-indent: wrong indentation: this line starts at column 5, the lines around it at column 7 | start it at column 7: "      prospecting: 2.5"',
    ]);
    expect((await diagnose(rep, 'fr')).map((d) => `${d.at} ${d.code}`)).toEqual(['2026/ann-lee.yaml:9:5 bad-indent']);
  });

  it('the last score of a session moved one level out: an unknown key of the session, said to be a score', async () => {
    const rep = withLine(10, '    negotiation: 2');
    expect((await diagnose(rep, 'en')).map((d) => `${d.at} ${d.code}: ${d.message} | ${d.hint ?? ''}`)).toEqual([
      '2026/ann-lee.yaml:10:5 unknown-key: unknown key "negotiation" in assessments[0] | "negotiation" is a competency: indent it under scores:, with the other scores',
    ]);
    expect((await diagnose(rep, 'fr')).map((d) => d.hint)).toEqual([
      '«\u00a0negotiation\u00a0» est une compétence\u00a0: indentez-la sous scores:, avec les autres notes',
    ]);
    // A key that is no competency keeps its "did you mean".
    const typo = await diagnose(withLine(6, '    contxt: new-business'), 'en');
    expect(typo.map((d) => d.hint)).toEqual(['did you mean "context"?']);
  });

  it('a "- " deleted, leaving the entry at the dashes\' column: the missing dash, not the lines below it moved', async () => {
    // Found by a walkthrough: five diagnostics, three of them hints to move lines that were right.
    const rep = withLine(11, '  date: 2026-04-11');
    const en = await diagnose(rep, 'en');
    expect(en.map((d) => `${d.at} ${d.code}: ${d.message} | ${d.hint ?? ''}`)).toEqual([
      '2026/ann-lee.yaml:11:3 missing-dash: "date" is set twice in one entry of "assessments" (line 5, then here): the "- " that starts a new entry is missing | start the new entry with "- " at column 3: "  - date: 2026-04-11"',
    ]);
    expect((await diagnose(rep, 'fr')).map((d) => d.code)).toEqual(['missing-dash']);
    // Read as meant: the two sessions.
    expect(parseYamlFile('x.yaml', rep).value).toEqual(parse(`${REP.join('\n')}\n`));
  });

  it('a date in the right form that is no day of the calendar: says why, in both languages', async () => {
    const hints = async (date: string, locale: 'en' | 'fr') =>
      (await diagnose(withLine(11, `  - date: ${date}`), locale)).map((d) => `${d.code} | ${d.hint ?? ''}`);
    expect(await hints('2026-02-29', 'en')).toEqual(['invalid-date | February 2026 has 28 days']);
    expect(await hints('2026-04-31', 'fr')).toEqual(['invalid-date | avril 2026 a 30 jours']);
    expect(await hints('2026-00-10', 'fr')).toEqual([
      'invalid-date | le mois vient en second, de 01 à 12\u00a0: AAAA-MM-JJ',
    ]);
    // Day first, with a day the month does not have: written year-month-day it would be refused again.
    expect(await hints('31/11/2026', 'fr')).toEqual(['invalid-date | novembre 2026 a 30 jours']);
    expect(await hints('31/11/2026', 'en')).toEqual(['invalid-date | November 2026 has 30 days']);
    expect(await hints('11/31/2026', 'en')).toEqual(['invalid-date | November 2026 has 30 days']);
    // 2028 is a leap year: 29 February is a day, the 30th is not.
    expect(await hints('2028-02-30', 'en')).toContain('invalid-date | February 2028 has 29 days');
  });

  it('a tab among the scores: the column of the keys of its kind, not the one a tab of 4 looks nearest to', async () => {
    // Found by a walkthrough: a tab for the 6 spaces of a competency after the others of a session was
    // snapped to column 5, among the session's own keys ("unknown key" then, and a hint that misled).
    for (const tab of ['\tnegotiation: 2', '  \tnegotiation: 2']) {
      const found = await diagnose(withLine(10, tab), 'en');
      expect(found.map((d) => `${d.at} ${d.code} | ${d.hint ?? ''}`)).toEqual([
        '2026/ann-lee.yaml:10:1 tab-indent | indent with 6 spaces: "      negotiation: 2"',
      ]);
    }
    // A key of the session itself goes where the other sessions have it.
    const scores = await diagnose(withLine(12, '\tscores:'), 'en');
    expect(scores.map((d) => `${d.code} | ${d.hint ?? ''}`)).toEqual([
      'tab-indent | indent with 4 spaces: "    scores:"',
    ]);
  });

  it('a file indented with tabs throughout (an editor set so): one diagnostic, the file read as meant', async () => {
    const tabs = REP.map((line) => line.replace(/^( {2})+/, (spaces) => '\t'.repeat(spaces.length / 2))).join('\n');
    const { diagnostics, dataset, dir } = await check({ '2026/ann-lee.yaml': `${tabs}\n` }, 'en');
    expect(lines(diagnostics, dir)).toEqual([
      '2026/ann-lee.yaml:5:1: error: this line and 8 others are indented with tabs: YAML indents with spaces only (indent with 2 spaces: "  - date: 2026-02-10")',
    ]);
    expect(dataset).toBeUndefined();
    // What it was read as: the same as the file with spaces.
    expect(parseYamlFile('x.yaml', `${tabs}\n`).value).toEqual(parse(`${REP.join('\n')}\n`));
  });

  it('tells a role typo hidden by a wrong indentation (issue 12)', async () => {
    const rep = withLine(2, ' role: junor');
    const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': rep }, 'en');
    expect(lines(diagnostics, dir).map((l) => l.replace(/ \(.*$/, ''))).toEqual([
      '2026/ann-lee.yaml:2:2: error: wrong indentation: this line starts at column 2, the lines around it at column 1',
      '2026/ann-lee.yaml:2:8: error: role: unknown role "junor"',
    ]);
  });

  it('an amount with its thousands grouped: the digits alone, never a decimal point (540,000 is not 540.000)', async () => {
    const withResults = (achieved: string) =>
      withLine(3, ['team: North', 'results:', '  target: 500000', `  achieved: ${achieved}`]);
    const said = async (achieved: string, locale: 'en' | 'fr') =>
      (await diagnose(withResults(achieved), locale)).map((d) => `${d.at} ${d.code}: ${d.message} | ${d.hint ?? ''}`);
    expect(await said('540,000', 'en')).toEqual([
      '2026/ann-lee.yaml:6:13 grouped-digits: results.achieved: "540,000" is written with its thousands grouped: YAML reads it as text | write the digits alone: achieved: 540000',
    ]);
    expect(await said('1 250 000', 'en')).toEqual([
      '2026/ann-lee.yaml:6:13 grouped-digits: results.achieved: "1 250 000" is written with its thousands grouped: YAML reads it as text | write the digits alone: achieved: 1250000',
    ]);
    // As French writes it, with no-break spaces.
    expect(await said('540\u202f000', 'fr')).toEqual([
      '2026/ann-lee.yaml:6:13 grouped-digits: results.achieved\u00a0: «\u00a0540\u202f000\u00a0» est écrit avec ses milliers séparés\u00a0: le YAML le lit comme du texte | écrivez les chiffres seuls\u00a0: achieved: 540000',
    ]);
    // One digit after the comma is a decimal comma, in an amount too.
    expect((await diagnose(withResults('540,5'), 'en')).map((d) => d.code)).toEqual(['decimal-comma']);
    // A score's comma is a decimal one, however many digits follow it.
    const score = await diagnose(withLine(9, '      prospecting: 2,500'), 'en');
    expect(score.map((d) => `${d.code} | ${d.hint ?? ''}`)).toEqual([
      'decimal-comma | use a point: prospecting: 2.500',
    ]);
  });

  it('a notes block slipped between actions: and its item: the syntax error, not a list read as a competency', async () => {
    // Seen by a walkthrough: the `- item` under `notes:` was a list used as a key, reported as
    // 'unknown competency "[ Call back within a week ]"' beside the syntax error.
    const rep = withLine(10, [
      '      negotiation: 2',
      '    actions:',
      '    notes:',
      '      discovery: Two closed questions',
      '      - Call back within a week',
    ]);
    for (const locale of ['en', 'fr'] as const) {
      const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': rep }, locale);
      expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
        '11:13 wrong-type',
        '14:1 yaml-syntax',
      ]);
      expect(lines(diagnostics, dir).join('\n')).not.toContain('Call back');
      expect(diagnostics[0]?.hint).toBe(
        locale === 'en'
          ? 'write its entries on the lines below it, each starting with "- ", or leave the key out'
          : 'écrivez ses entrées sur les lignes en dessous, chacune commençant par «\u00a0-\u00a0», ou retirez la clé',
      );
    }
  });

  it("keeps every position inside the file, the parser's leftovers in at most two lines per slip", async () => {
    const rep = `${REP.slice(0, 8).join('\n')}\n      prospecting: [2.5\n      negotiation: 2]]\n`;
    const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': rep }, 'en');
    const text = rep.split('\n');
    for (const d of diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(text.length);
      expect(d.column).toBeLessThanOrEqual((text[d.line - 1] ?? '').length + 1);
    }
    expect(diagnostics.filter((d) => d.code === 'yaml-syntax').length).toBeLessThanOrEqual(2);
    expect(lines(diagnostics, dir).length).toBeGreaterThan(0);
  });
});

describe('a year not begun yet', () => {
  it('says a rep has no session in it yet, not that they were never coached, until the year begins', async () => {
    const file = 'name: Ann Lee\nrole: junior\nteam: North\nassessments: []\n';
    const said = async (asOf: string, locale: 'en' | 'fr') =>
      (
        await check({ '2026/ann-lee.yaml': withLine(1, 'name: Ann Lee'), '2027/ann-lee.yaml': file }, locale, asOf)
      ).diagnostics
        .filter((d) => d.code === 'never-coached')
        .map((d) => d.message);
    expect(await said('2026-12-02', 'en')).toEqual([
      'no assessment in 2027 yet: the year has not begun (as of 2026-12-02)',
    ]);
    expect(await said('2026-12-02', 'fr')).toEqual([
      'aucune observation en 2027 pour l’instant\u00a0: l’année n’a pas commencé (au 2026-12-02)',
    ]);
    expect(await said('2027-02-01', 'en')).toEqual(['no assessment in 2027: this rep was never coached this year']);
  });
});

describe("notes and the build's date (SPEC §4)", () => {
  const notes = withLine(13, [
    '      discovery: 3',
    '    notes:',
    '      discovery: Two open questions',
    '      presentation: Clear',
    '      negociation: Held the price',
  ]);

  it('an unknown competency in notes is an error at its key, with "did you mean"', async () => {
    const { diagnostics, dir } = await check({ '2026/ann-lee.yaml': notes }, 'en');
    expect(lines(diagnostics, dir)).toEqual([
      '2026/ann-lee.yaml:16:7: error: unknown competency "presentation" (known competencies: prospecting, discovery, negotiation)',
      '2026/ann-lee.yaml:17:7: error: unknown competency "negociation" (did you mean "negotiation"?)',
    ]);
  });

  it('a note for a competency the session did not score is a warning at the note', async () => {
    const valid = notes.replace('      presentation: Clear\n', '').replace('negociation', 'negotiation');
    for (const [locale, message, hint] of [
      [
        'en',
        'a note about "negotiation", which this session did not score',
        'add its score under "scores:" (negotiation: …), or write the note under "improvements:"',
      ],
      [
        'fr',
        'un commentaire sur «\u00a0negotiation\u00a0», que cette séance n’a pas notée',
        'ajoutez son score sous «\u00a0scores:\u00a0» (negotiation: …), ou déplacez le commentaire sous «\u00a0improvements:\u00a0»',
      ],
    ] as const) {
      const { diagnostics, dataset } = await check({ '2026/ann-lee.yaml': valid }, locale);
      expect(dataset).toBeDefined();
      expect(diagnostics.map((d) => [d.severity, `${d.line}:${d.column}`, d.code, d.message, d.hint])).toEqual([
        ['warning', '16:7', 'note-not-scored', message, hint],
      ]);
    }
  });

  it("an assessment dated after the build's date is a warning", async () => {
    const { diagnostics, dataset } = await check(
      { '2026/ann-lee.yaml': withLine(11, '  - date: 2026-04-11') },
      'en',
      '2026-03-31',
    );
    expect(dataset).toBeDefined();
    expect(diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.code}: ${d.message} (${d.hint})`)).toEqual([
      "warning 11:11 after-build-date: 2026-04-11 is after the build's date, 2026-03-31: an assessment records a session that took place (check the date (or, to build as of a later day, pass --as-of))",
    ]);
  });
});

describe('the language of the workspace', () => {
  it('is read from framework.yaml even when the rest of it is wrong', async () => {
    const ws = await tempWorkspace({
      'framework.yaml': 'organisation: Acme\nlocale: fr\nscale: 4\n',
      '2026/ann-lee.yaml': 'name: Ann\n',
    });
    cleanups.push(ws.cleanup);
    const { diagnostics, locale } = await validate({ data: ws.dir });
    expect(locale).toBe('fr');
    expect(lines(diagnostics, ws.dir)).toEqual([
      '2026/ann-lee.yaml:1:1: error: clé obligatoire manquante\u00a0: «\u00a0role\u00a0»',
      'framework.yaml:1:1: error: clé obligatoire manquante\u00a0: «\u00a0competencies\u00a0»',
      'framework.yaml:1:1: error: clé obligatoire manquante\u00a0: «\u00a0roles\u00a0»',
      'framework.yaml:3:8: error: scale\u00a0: il faut une table de clés (une clé: valeur par ligne), pas 4',
    ]);
  });

  it('is English without a framework', async () => {
    const ws = await tempWorkspace({ '2026/ann-lee.yaml': 'name: Ann\n' });
    cleanups.push(ws.cleanup);
    const { diagnostics, locale } = await validate({ data: ws.dir });
    expect(locale).toBe('en');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'missing required key "role"',
      'missing: every workspace needs one framework.yaml',
    ]);
  });
});
