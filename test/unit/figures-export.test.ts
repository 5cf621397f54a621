/** `revue figures` output: the §7 JSON object and the CSV. */
import { describe, expect, it } from 'vitest';
import { computeFigures, figuresToCsv, figuresToJson, stringifyFigures } from '../../src/analyze/index.js';
import { csvField, csvNumber } from '../../src/analyze/export.js';
import { dataset, framework, on, repYear } from '../fixtures/figures-builders.js';

const fw = framework({ scale: { min: 1, max: 4, step: 0.1 } });
const records = [
  repYear('r1', 2025, { name: 'Martin, "Al"', team: 'Paris Sud', assessments: [on('2025-04-01', { a: 2 })] }),
  repYear('r1', 2026, {
    name: 'Martin, "Al"',
    team: 'Paris Sud',
    goals: [{ competency: 'a', target: 2 }],
    results: { target: 100, achieved: 0 },
    assessments: [on('2026-03-01', { a: 2.1, b: 3 }, 'x'), on('2026-04-01', { a: 2.2 }, 'y')],
  }),
  repYear('r2', 2026, { name: 'Line\nBreak', role: 'partial' }),
];
// Built on 2026-04-30: January to April are over; 2025 is taken as of 2025-12-31.
const figures = computeFigures(dataset(records, fw), 2026, '2026-04-30');

describe('figuresToJson', () => {
  const json = figuresToJson(figures);

  it('has the SPEC §7 shape', () => {
    expect(Object.keys(json)).toEqual(['year', 'reps', 'teams', 'organisation']);
    const rep = json.reps[0];
    expect(rep).toBeDefined();
    // overall: a (2.1 + 2.2) / 2 and b 3 this year; a 2 last year
    const overall = ((2.1 + 2.2) / 2 + 3) / 2;
    expect(rep).toMatchObject({
      id: 'r1',
      name: 'Martin, "Al"',
      team: 'Paris Sud',
      firstYear: false,
      overall: { level: overall, previous: 2, delta: overall - 2 },
      goals: [{ competency: 'a', target: 2, level: (2.1 + 2.2) / 2, status: 'met' }],
      focus: ['a'],
      uncertain: ['b', 'c', 'd'],
      // 2026: 01-01 -> 03-01: 59; 03-01 -> 04-01: 31; 04-01 -> 04-30: 29.
      // 2025 (changed, was 90): 01-01 -> 04-01: 90; 04-01 -> 12-31: 274, the end of y−1 counts.
      coaching: {
        count: 2,
        perMonth: [0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        longestGapDays: 59,
        monthsWithout: [1, 2],
        monthInProgress: null,
        asOf: '2026-04-30',
        previous: { count: 1, longestGapDays: 274, asOf: '2025-12-31' },
      },
      results: { ratio: 0, previous: null },
    });
    for (const c of rep?.competencies ?? []) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          'id',
          'level',
          'previous',
          'delta',
          'mean',
          'expected',
          'gap',
          'count',
          'trend',
          'weakestContext',
        ]),
      );
    }
    for (const g of rep?.goals ?? [])
      expect(Object.keys(g)).toEqual(expect.arrayContaining(['competency', 'target', 'level', 'status']));
  });

  it('survives JSON unchanged: no NaN, no undefined, no Infinity', () => {
    const copy: unknown = JSON.parse(JSON.stringify(json));
    expect(copy).toStrictEqual(json);
    const text = stringifyFigures(figures);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toStrictEqual(json);
  });

  it('writes null for the figures that do not exist', () => {
    const parsed: unknown = JSON.parse(JSON.stringify(json));
    const r2 = {
      id: 'r2',
      team: null,
      firstYear: true,
      overall: { level: null, previous: null, delta: null },
      // never coached: 01-01 -> 04-30 = 31 + 28 + 31 + 29 (was null)
      coaching: { count: 0, longestGapDays: 119, monthsWithout: [1, 2, 3, 4], previous: null },
      results: { ratio: null, previous: null },
    };
    const b = {
      id: 'b',
      level: null,
      previous: null,
      delta: null,
      mean: null,
      expected: null,
      gap: null,
      count: 0,
      trend: null,
      weakestContext: null,
    };
    expect(parsed).toMatchObject({ reps: [{}, { ...r2, competencies: [{}, b, {}, {}] }] });
  });
});

describe('figuresToCsv', () => {
  it('gives one row per rep and competency, labels beside ids, RFC 4180 quoted, dots as decimals, empty cells for null', () => {
    const expected = [
      'year,rep,name,team,competency,competency label,level,previous year,change,mean,expected,gap,assessments,trend,weakest context,weakest context label,focus rank',
      // a: (2.1 + 2.2) / 2 = 2.15 (2.1500000000000004 in floating point), 2025: 2, gap 3 - 2.15
      '2026,r1,"Martin, ""Al""",Paris Sud,a,A,2.15,2,0.15,2.15,3,0.85,2,stable,x,X,1',
      '2026,r1,"Martin, ""Al""",Paris Sud,b,B,3,,,3,3,0,1,,,,',
      '2026,r1,"Martin, ""Al""",Paris Sud,c,C,,,,,3,,0,,,,',
      '2026,r1,"Martin, ""Al""",Paris Sud,d,D,,,,,3,,0,,,,',
      // role "partial": a 3, c 2, no default
      '2026,r2,"Line\nBreak",,a,A,,,,,3,,0,,,,',
      '2026,r2,"Line\nBreak",,b,B,,,,,,,0,,,,',
      '2026,r2,"Line\nBreak",,c,C,,,,,2,,0,,,,',
      '2026,r2,"Line\nBreak",,d,D,,,,,,,0,,,,',
    ];
    expect(figuresToCsv(figures, { framework: fw })).toBe(expected.join('\r\n') + '\r\n');
  });

  it('in French: a byte order mark, ";" between fields, decimal commas, the words of the headers and trends', () => {
    const csv = figuresToCsv(figures, { framework: { ...fw, locale: 'fr' } });
    expect(csv.startsWith('\uFEFFannée;commercial;nom;équipe;compétence;libellé de la compétence;niveau;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2026;r1;"Martin, ""Al""";Paris Sud;a;A;2,15;2;0,15;2,15;3;0,85;2;stable;x;X;1');
  });

  it('--table reps: one row per rep, what a director pastes into a slide', () => {
    const csv = figuresToCsv(figures, { framework: fw, table: 'reps' });
    // r1: overall ((2.1 + 2.2) / 2 + 3) / 2 = 2.575, 2025 overall 2; goal a met; results 0 / 100
    expect(csv.split('\r\n')).toEqual([
      'year,rep,name,team,manager,role,role label,overall,overall previous year,overall change,goals met,goals,focus,focus label,coaching sessions,longest stretch without coaching (days),results (achieved / target),results previous year',
      '2026,r1,"Martin, ""Al""",Paris Sud,,flat,Flat,2.575,2,0.575,1,1,a,A,2,59,0,',
      '2026,r2,"Line\nBreak",,,partial,Partial,,,,0,0,,,0,119,,',
      '',
    ]);
    const fr = figuresToCsv(figures, { framework: { ...fw, locale: 'fr' }, table: 'reps' });
    expect(fr.split('\r\n')[1]).toBe('2026;r1;"Martin, ""Al""";Paris Sud;;flat;Flat;2,575;2;0,575;1;1;a;A;2;59;0;');
  });

  it('is a header alone for a year without reps', () => {
    expect(figuresToCsv(computeFigures(dataset(records, fw), 2030, '2030-06-01'), { framework: fw })).toBe(
      'year,rep,name,team,competency,competency label,level,previous year,change,mean,expected,gap,assessments,trend,weakest context,weakest context label,focus rank\r\n',
    );
  });

  it.each<[number | null, string]>([
    [null, ''],
    [Number.NaN, ''],
    [3, '3'],
    [-0.5, '-0.5'],
    [0.1 + 0.2, '0.3'],
    [1130000 / 1200000, '0.9416666667'],
    [-0, '0'],
    [-1e-12, '0'],
    [12.5, '12.5'],
    [100, '100'],
  ])('number %s -> %j', (value, text) => {
    expect(csvNumber(value)).toBe(text);
    expect(csvNumber(value, ',')).toBe(text.replace('.', ','));
  });

  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['Île-de-France; Nord', 'Île-de-France; Nord'],
  ])('field %j -> %j', (value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it('quotes a field holding the separator in use', () => {
    expect(csvField('Île-de-France; Nord', ';')).toBe('"Île-de-France; Nord"');
    expect(csvField('a,b', ';')).toBe('a,b');
  });
});
