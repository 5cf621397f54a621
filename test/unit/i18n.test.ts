import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/render/i18n.js';

const fr = createFormatter('fr', 'EUR');
const en = createFormatter('en', 'USD');
// French uses a narrow no-break space before % and in thousands.
const nnbsp = '\u202f';

describe('numbers, changes, percentages and dates in the framework locale', () => {
  it.each([
    [3.5, '3,5', '3.5'],
    [2.75, '2,8', '2.8'],
    [2.25, '2,3', '2.3'],
    [null, '—', '—'],
  ])('level %s', (value, french, english) => {
    expect(fr.level(value)).toBe(french);
    expect(en.level(value)).toBe(english);
  });

  it.each([
    [0.5, '+0,5', '+0.5'],
    [-0.25, '\u22120,3', '\u22120.3'],
    [0.25, '+0,3', '+0.3'],
    [0.04, '0,0', '0.0'],
    [-0.04, '0,0', '0.0'],
    [null, '—', '—'],
  ])('signed change %s rounds half away from zero, with a real minus sign', (value, french, english) => {
    expect(fr.delta(value)).toBe(french);
    expect(en.delta(value)).toBe(english);
  });

  it('percentages are whole, money has no decimals', () => {
    expect(fr.percent(1130000 / 1200000)).toBe(`94\u00a0%`);
    expect(en.percent(0.9)).toBe('90%');
    expect(fr.money(1130000)).toBe(`1${nnbsp}130${nnbsp}000\u00a0€`);
    expect(en.money(450000)).toBe('$450,000');
  });

  it('dates and months', () => {
    expect(fr.date('2026-02-14')).toBe('14 février 2026');
    expect(en.date('2026-02-14')).toBe('February 14, 2026');
    expect(fr.months[7]).toBe('août');
    expect(fr.shortMonths.slice(0, 3)).toEqual(['janv', 'févr', 'mars']);
    expect(en.list(['May', 'July', 'August'])).toBe('May, July, and August');
    expect(fr.list(['mai', 'juillet', 'août'])).toBe('mai, juillet et août');
  });

  it('messages take their values', () => {
    expect(fr.t('course', { next: 2027 })).toBe('Cap proposé pour 2027');
    expect(en.t('stretchFromTo', { from: 'Jun 12', to: 'Oct 3' })).toBe('from Jun 12 to Oct 3');
  });

  it.each([
    ['days', 0, '0 jour', '0 days'],
    ['days', 1, '1 jour', '1 day'],
    ['days', 2, '2 jours', '2 days'],
    ['days', 1234, `1${nnbsp}234 jours`, '1,234 days'],
    ['months', 1, '1 mois', '1 month'],
    ['months', 7, '7 mois', '7 months'],
    ['observations', 1, '1 observation', '1 assessment'],
    ['observations', 2, '2 observations', '2 assessments'],
    ['overReps', 1, 'sur 1 commercial', 'over 1 rep'],
    ['overReps', 3, 'sur 3 commerciaux', 'over 3 reps'],
    ['overRepsBothYears', 1, 'sur 1 commercial suivi les deux années', 'over 1 rep assessed both years'],
    ['overRepsBothYears', 2, 'sur 2 commerciaux suivis les deux années', 'over 2 reps assessed both years'],
  ] as const)('plural %s of %d agrees with Intl.PluralRules', (key, n, french, english) => {
    expect(fr.plural(key, n).replace(/\u00a0/g, ' ')).toBe(french.replace(/\u00a0/g, ' '));
    expect(en.plural(key, n)).toBe(english);
  });

  it('levels and every number below zero get a real minus sign, never a hyphen or "−0,0"', () => {
    expect(fr.level(-1.5)).toBe('\u22121,5');
    expect(en.level(-0.04)).toBe('0.0');
    expect(en.integer(-3)).toBe('\u22123');
    expect(fr.plural('days', -1)).not.toContain('-');
  });

  it('writes the first of the month as an ordinal in French', () => {
    expect(fr.date('2026-12-01')).toBe('1er décembre 2026');
    expect(fr.shortDate('2026-12-01')).toBe('1er déc.');
    expect(fr.date('2026-12-11')).toBe('11 décembre 2026');
    expect(en.date('2026-12-01')).toBe('December 1, 2026');
  });

  it('puts the no-break spaces of French typography in every French message, none in English', () => {
    for (const text of Object.values(fr.messages)) {
      expect(text, text).not.toMatch(/ [:;?!»]|« /);
    }
    expect(fr.t('firstYear', { previous: 2025 })).toBe(
      'Première année\u00a0: aucune comparaison avec 2025 n’est possible.',
    );
    expect(fr.t('competencyNote', { competency: 'Négociation', date: '3 mars' })).toBe(
      'Dernière note sur «\u00a0Négociation\u00a0» (3 mars)\u00a0:',
    );
    expect(fr.plural('fewAssessments', 2)).toContain('seulement\u00a0:');
    expect(Object.values(en.messages).join('')).not.toMatch(/[\u00a0\u202f]/);
  });
});
