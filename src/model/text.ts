/** Small text helpers shared by validation messages. */

/** Levenshtein distance, bounded: enough to suggest a spelling. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/**
 * The closest known spelling of `input`, when it is close enough to be a typo:
 * at most a third of the word's letters differ (and at least one edit allowed).
 */
export function closest(input: string, known: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(needle.length, 3) / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

export function didYouMean(input: string, known: Iterable<string>): string | undefined {
  const suggestion = closest(input, known);
  return suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
}

/** A value as a user typed it, for messages: strings quoted, long ones cut. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** The slug of ids (rep, competency, context, role, team): SPEC §1. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A slug from any name: "Paris Sud" -> "paris-sud", "Île-de-France" -> "ile-de-france". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Code-unit order: the same on every machine, whatever the locale of the
 * process (`localeCompare` without a locale follows LANG: under da_DK "aa"
 * sorts after "z"). For ids, file names and dates, which are ASCII.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
