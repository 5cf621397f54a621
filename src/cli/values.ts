/**
 * The values of the options and of the environment, checked at the edge:
 * a wrong one is a usage error (exit 2) in the workspace's language, with
 * the value as it should have been typed where that can be guessed.
 */
import { UsageError } from '../errors.js';
import type { CliCatalogue } from '../messages/cli.js';
import { isCalendarDate } from '../model/schema.js';
import { closest } from '../model/text.js';
import type { Shard } from '../plan/shard.js';
import { isoDateFor } from '../validate/content-slips.js';
import type { Locale } from '../messages/diagnostics.js';

export function parseYear(t: CliCatalogue, value: string | undefined, option = '--year'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(t.expectsYear({ option, value }));
  return Number(value);
}

/** `--as-of YYYY-MM-DD`, a real day; `30/11/2026` gets "did you mean --as-of 2026-11-30?". */
export function parseDate(
  t: CliCatalogue,
  locale: Locale,
  value: string | undefined,
  option = '--as-of',
): string | undefined {
  if (value === undefined) return undefined;
  if (isCalendarDate(value)) return value;
  throw new UsageError(t.expectsDate({ option, value }), {
    hint: t.dateHint({ option, fix: isoDateFor(value, locale) }),
  });
}

export function parseWholeNumber(t: CliCatalogue, value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(t.expectsWholeNumber({ option, value }));
  return n;
}

export function parseSeconds(t: CliCatalogue, value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(t.expectsSeconds({ option, value }));
  return n;
}

export function parseChoice<const C extends string>(
  t: CliCatalogue,
  value: string | undefined,
  option: string,
  choices: readonly C[],
): C | undefined {
  if (value === undefined) return undefined;
  const chosen = choices.find((choice) => choice === value);
  if (chosen !== undefined) return chosen;
  const suggestion = closest(value, choices);
  throw new UsageError(t.expectsChoice({ option, value, choices }), {
    ...(suggestion === undefined ? {} : { hint: t.didYouMean({ suggestion }) }),
  });
}

/** `--shard K/N` (plan/shard.ts has the same rule, for the library's callers). */
export function parseShardArg(t: CliCatalogue, value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (match === null) throw new UsageError(t.expectsShard({ value }), { hint: t.shardHint });
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(t.shardCount({ count }));
  if (!Number.isSafeInteger(index) || index < 1 || index > count)
    throw new UsageError(t.shardRange({ count, index }), { hint: t.shardRangeHint });
  return { index, count };
}

/** 9999-12-31T23:59:59Z: the last second a YYYY-MM-DD date can name. */
const LAST_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH, as the reproducible-builds specification defines it:
 * a whole, non-negative number of seconds, in ASCII digits only. Anything
 * else set there is an error rather than a build quietly not reproducible
 * (`1e9`, `-5`, `" 1790000000"`, `1.5`, a date past 9999, and the empty
 * value a failed `$(git log …)` leaves).
 */
export function sourceDateEpoch(t: CliCatalogue, env: NodeJS.ProcessEnv): number | undefined {
  const value = env['SOURCE_DATE_EPOCH'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds > LAST_EPOCH) throw new UsageError(t.badEpoch({ value }), { hint: t.epochHint });
  return seconds;
}
