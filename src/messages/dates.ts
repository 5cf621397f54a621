/**
 * What is wrong with a date written year-month-day that is not a day of the
 * calendar (`2026-02-30`, `2026-13-01`): said in the hint instead of "write
 * dates as YYYY-MM-DD", which it already is.
 */
export function dayThatIsNot(value: string, locale: 'en' | 'fr'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12)
    return locale === 'fr'
      ? 'le mois vient en second, de 01 à 12\u00a0: AAAA-MM-JJ'
      : 'the month comes second, from 01 to 12: YYYY-MM-DD';
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const name = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
  return locale === 'fr' ? `${name} ${year} a ${days} jours` : `${name} ${year} has ${days} days`;
}
