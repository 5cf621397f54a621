/**
 * The rep files validated by an earlier build, kept in the output folder
 * (load/validation-cache.ts reads them, write/validation-cache.ts writes
 * them), so that a rebuild with nothing changed reads and hashes the files
 * and does nothing else with them.
 *
 * An entry holds what validating a file gave when it gave no error: its
 * data and its warnings (with the lines they quote). It is found by a key that digests everything that result
 * depends on: revue's version, the framework's text, the year folder, the
 * file's name and its text. The one other input, the build's date (an
 * assessment after it is a warning), is checked against the date the entry
 * was validated as of and the latest date it holds. Each entry carries the
 * digest of its own content: an entry that does not match it (a truncated
 * or edited cache) is not used, and the file is validated as if there were
 * no cache.
 */
import { createHash } from 'node:crypto';
import { startOfYear } from '../analyze/dates.js';
import type { Diagnostic } from '../model/dataset.js';
import type { RepYear } from '../model/schema.js';

/** One validated file: its data as JSON, the latest assessment date in it, and the digest of both with the key. */
export interface RepCacheEntry {
  key: string;
  /** The latest assessment date (YYYY-MM-DD), '' when none. */
  last: string;
  /** The data, the warnings and the build's date they were found as of ('' for none), JSON: `{ data, warnings, asOf }`. */
  json: string;
  /** sha256 of key, last and json. */
  sum: string;
}

/** The entries read from an output folder, by key; and those of this validation, to write back. */
export interface RepCache {
  /** Entries of an earlier build; those that do not prove themselves are ignored. */
  readonly known: ReadonlyMap<string, RepCacheEntry>;
  /** Filled by validation: the entries for the files of this workspace (hits and new ones). */
  readonly next: Map<string, RepCacheEntry>;
  /** Whether `next` differs from `known` (something to write). */
  changed: boolean;
}

export function emptyRepCache(known: ReadonlyMap<string, RepCacheEntry> = new Map()): RepCache {
  return { known, next: new Map(), changed: false };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The digest of the framework's text: part of every key. */
export function frameworkDigest(text: string): string {
  return sha256(text);
}

/** What one file's result depends on, but for the build's date. */
export function repCacheKey(parts: { version: string; framework: string; year: number; stem: string; text: string }) {
  return sha256(`${parts.version}\0${parts.framework}\0${String(parts.year)}\0${parts.stem}\0${parts.text}`);
}

function sumOf(key: string, last: string, json: string): string {
  return sha256(`${key}\0${last}\0${json}`);
}

/** What a file validated before gave: its data, and its warnings (with the file's name as it was then). */
export interface ReusedRep {
  data: RepYear;
  warnings: Diagnostic[];
  /** The build's date it was validated as of; '' when none. */
  asOf: string;
}

/** No build date: no assessment is after it. */
const NEVER = '9999-99-99';

/**
 * What a file validated before with no error gave, when the entry proves
 * itself and the build's date `asOf` is not before any of its assessments;
 * undefined otherwise. The entry is kept for the next build.
 */
export function reuseRep(cache: RepCache, key: string, asOf: string | undefined, year?: number): ReusedRep | undefined {
  const entry = cache.known.get(key);
  if (entry === undefined || entry.key !== key || sumOf(key, entry.last, entry.json) !== entry.sum) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(entry.json);
  } catch {
    return undefined;
  }
  if (!isStored(stored)) return undefined;
  // The only check that depends on the build's date warns of an assessment after it, naming the date: the
  // result is the same as of the same date, or when no assessment is after either date.
  const then = stored.asOf === '' ? NEVER : stored.asOf;
  const now = asOf ?? NEVER;
  if (then !== now && (entry.last > then || entry.last > now)) return undefined;
  // A year without a session warns that it has not begun when the build's date is before it (never-coached).
  const start = year === undefined ? undefined : startOfYear(year);
  if (start !== undefined && then < start !== now < start) return undefined;
  cache.next.set(key, entry);
  return stored;
}

/**
 * Only what `recordRep` stored passes its digest, and it stored only data
 * the schema had produced and diagnostics validation had made: the digest,
 * checked just before, is the proof; this checks the shape a little more,
 * for a digest that would collide by accident.
 */
function isStored(value: unknown): value is ReusedRep {
  if (typeof value !== 'object' || value === null || !('data' in value) || !('warnings' in value)) return false;
  const { data, warnings } = value;
  return (
    'asOf' in value &&
    typeof value.asOf === 'string' &&
    typeof data === 'object' &&
    data !== null &&
    'assessments' in data &&
    Array.isArray(warnings) &&
    warnings.every((w: unknown) => typeof w === 'object' && w !== null && 'severity' in w && w.severity === 'warning')
  );
}

/**
 * Keeps what validating a file gave when it gave no error: its data and its
 * warnings, each with the line it quotes. Anything that would not come back
 * from JSON exactly as it is (never the case for what validation produces,
 * but cheap to make sure of) is not kept.
 */
export function recordRep(
  cache: RepCache,
  key: string,
  found: { data: RepYear; warnings: readonly Diagnostic[]; asOf: string | undefined },
): void {
  const { data, warnings } = found;
  if (cache.next.has(key) || warnings.some((w) => w.severity !== 'warning')) return;
  const stored = { data, warnings, asOf: found.asOf ?? '' };
  if (!comesBackFromJson(stored)) return;
  const json = JSON.stringify(stored);
  const last = data.assessments.reduce((latest, a) => (a.date > latest ? a.date : latest), '');
  cache.next.set(key, { key, last, json, sum: sumOf(key, last, json) });
  cache.changed = true;
}

/**
 * Whether `value` comes back from JSON exactly as it is: plain objects and
 * arrays of strings, booleans, null and finite numbers other than −0. Checked
 * in one pass over the value, without writing and reading it back.
 */
export function comesBackFromJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!comesBackFromJson(value[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (!comesBackFromJson(Reflect.get(value, key))) return false;
  return true;
}
