/**
 * Every word and number format of the reports, in the framework's locale
 * (SPEC §6: "every label and date is in the framework's locale"). The locale
 * comes in as an argument: nothing here reads a global.
 */
import { en, enPlurals } from './messages-en.js';
import { fr, frPlurals, type MessageKey, type PluralForms, type PluralKey } from './messages-fr.js';

export type Locale = 'fr' | 'en';
export type { MessageKey, PluralKey, PluralForms } from './messages-fr.js';

/**
 * French typography: a no-break space before « : » and inside « », a narrow
 * one before « ; ? ! », so that a line never starts with a colon or a
 * closing guillemet. Applied to the catalogue's texts, never to the values
 * filled in (a rep's free text is shown as written).
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([:»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ ([;?!])/g, '\u202f$1');
}

/** The keys of a record, typed: Object.keys would give plain strings. */
export function keysOf<K extends string>(record: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(record).filter((key): key is K => Object.hasOwn(record, key));
}

function spaced<K extends string>(messages: Readonly<Record<K, string>>): Record<K, string> {
  const out: Record<K, string> = { ...messages };
  for (const key of keysOf(messages)) out[key] = frenchSpacing(messages[key]);
  return out;
}

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many'] as const;

function spacedPlurals<K extends string>(plurals: Readonly<Record<K, PluralForms>>): Record<K, PluralForms> {
  const out: Record<K, PluralForms> = { ...plurals };
  for (const key of keysOf(plurals)) {
    const forms = plurals[key];
    const copy: PluralForms = { other: frenchSpacing(forms.other) };
    for (const category of CATEGORIES) {
      const text = forms[category];
      if (text !== undefined) copy[category] = frenchSpacing(text);
    }
    out[key] = copy;
  }
  return out;
}

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { fr: spaced(fr), en };
const PLURALS: Record<Locale, Record<PluralKey, PluralForms>> = { fr: spacedPlurals(frPlurals), en: enPlurals };

/** Number, date and text formatting for one locale. */
export interface Formatter {
  locale: Locale;
  /** The BCP 47 tag every format here uses: "fr-FR" / "en-US". */
  tag: string;
  messages: Readonly<Record<MessageKey, string>>;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /**
   * The form of `key` that agrees with `n` (`Intl.PluralRules` of the
   * locale), `{n}` filled with `n` formatted: "1 jour" / "2 jours", "1 day" /
   * "2 days".
   */
  plural: (key: PluralKey, n: number, values?: Record<string, string | number>) => string;
  /** A level or mean, one decimal, with a real minus sign: "3,5" / "3.5" / "−1.5"; a dash for none. */
  level: (value: number | null) => string;
  /** A signed change, one decimal, with a real minus sign: "+0,5" / "−0,5" / "0,0". */
  delta: (value: number | null) => string;
  /** A ratio as a whole percentage: "94 %" / "94%". */
  percent: (value: number | null) => string;
  /** An amount in the framework's currency, no decimals. */
  money: (value: number | null) => string;
  integer: (value: number) => string;
  /** "14 février 2026" / "February 14, 2026"; "1er décembre 2026" in French. */
  date: (iso: string) => string;
  /** "14 févr." / "Feb 14"; "1er déc." in French. */
  shortDate: (iso: string) => string;
  /** Month names, January first. */
  months: readonly string[];
  shortMonths: readonly string[];
  list: (items: readonly string[]) => string;
}

/** Intl writes a hyphen-minus; a number in a report gets the minus sign, U+2212. */
export function minusSign(text: string): string {
  return text.replace(/-/g, '\u2212');
}

export function createFormatter(locale: Locale, currency: string): Formatter {
  const messages = MESSAGES[locale];
  const plurals = PLURALS[locale];
  const tag = locale === 'fr' ? 'fr-FR' : 'en-US';
  // signDisplay "negative": −0.04 rounds to "0,0", not "−0,0".
  const oneDecimal = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'negative' });
  const money = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    signDisplay: 'negative',
  });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay: 'negative' });
  const rules = new Intl.PluralRules(tag);
  const longDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const dash = messages.na;
  // French writes the first of the month as an ordinal: « le 1er décembre ».
  const day = (format: Intl.DateTimeFormat, iso: string) =>
    format
      .formatToParts(utc(iso))
      .map((part) => (locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
      .join('');
  const months = Array.from({ length: 12 }, (_, m) => month.format(new Date(Date.UTC(2000, m, 1))));
  return {
    locale,
    tag,
    messages,
    t: (key, values = {}) => fill(messages[key], values),
    plural: (key, n, values = {}) => {
      const forms = plurals[key];
      return fill(forms[rules.select(n)] ?? forms.other, { n: minusSign(integer.format(n)), ...values });
    },
    level: (value) => (value === null ? dash : minusSign(oneDecimal.format(value))),
    delta: (value) => {
      if (value === null) return dash;
      // Half away from zero, as Intl rounds the levels: +0.25 -> +0.3, -0.25 -> -0.3.
      const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
      const text = oneDecimal.format(Math.abs(rounded));
      return rounded > 0 ? `+${text}` : rounded < 0 ? `\u2212${text}` : text;
    },
    percent: (value) => (value === null ? dash : minusSign(percent.format(value))),
    money: (value) => (value === null ? dash : minusSign(money.format(value))),
    integer: (value) => minusSign(integer.format(value)),
    date: (iso) => day(longDate, iso),
    shortDate: (iso) => day(shortDate, iso),
    months,
    shortMonths: Array.from({ length: 12 }, (_, m) =>
      shortMonth.format(new Date(Date.UTC(2000, m, 1))).replace(/\.$/, ''),
    ),
    list: (items) => list.format(items),
  };
}

/** "{name}" placeholders replaced by their values; unknown ones are left as written. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
