/** Small text helpers shared by validation and the command line. */

/**
 * Edit distance with transpositions (optimal string alignment): "biuld" is
 * one edit from "build", as a typing slip is. Enough to suggest a spelling.
 */
export function editDistance(a: string, b: string): number {
  // Rows i-2, i-1 and i of the distance matrix.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
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
