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
    expect(en.t('days', { n: 89 })).toBe('89 days');
  });
});
