import { daysInMonth } from '../analyze/dates.js';

/**
 * What is wrong with a date that is not a day of the calendar, said in the
 * hint instead of "write dates as YYYY-MM-DD": written so already
 * (`2026-02-30`, `2026-13-01`), or day first with a day its month does not
 * have (`31/11/2026`), which written year-month-day would be refused again.
 */
export function dayThatIsNot(value: string, locale: 'en' | 'fr'): string | undefined {
  const parts = yearMonthDay(value, locale);
  if (parts === undefined) return undefined;
  const [year, month, day, iso] = parts;
  if (month < 1 || month > 12) {
    if (!iso) return undefined;
    return locale === 'fr'
      ? 'le mois vient en second, de 01 à 12\u00a0: AAAA-MM-JJ'
      : 'the month comes second, from 01 to 12: YYYY-MM-DD';
  }
  const days = daysInMonth(year, month);
  if (day <= days) return undefined;
  const name = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
  return locale === 'fr' ? `${name} ${year} a ${days} jours` : `${name} ${year} has ${days} days`;
}

/**
 * Year, month and day of `2026-02-30`, or of a date written day first
 * (`31/11/2026`: in French always, in English only when the first number
 * cannot be a month, or month first when the second cannot).
 */
function yearMonthDay(value: string, locale: 'en' | 'fr'): [number, number, number, boolean] | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso !== null) return [Number(iso[1]), Number(iso[2]), Number(iso[3]), true];
  const written = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (written === null) return undefined;
  const [a, b, year] = [Number(written[1]), Number(written[2]), Number(written[3])];
  if (locale === 'fr' || a > 12) return [year, b, a, false];
  if (b > 12) return [year, a, b, false];
  return undefined;
}
