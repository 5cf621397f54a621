/**
 * The cache of validated rep files (validate/rep-cache.ts) as a file of the
 * output folder, shared by every year and every shard:
 *
 *     output/.revue-cache/validated.txt
 *
 * A first line names the format and revue's version; then one line per
 * file: key, latest date, digest, and the data as JSON (which holds no tab
 * and no line break), separated by tabs. A file of another format or
 * version is ignored whole; a line that does not prove itself (a truncated
 * file, an edited line) is ignored alone. Shards write the same entries
 * (each validates the whole workspace), each file whole (writeFileAtomic),
 * so the last one written is as good as any.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RepCache, RepCacheEntry } from '../validate/rep-cache.js';
import { emptyRepCache } from '../validate/rep-cache.js';
import { writeFileAtomic } from './atomic.js';

/** Bumped when what an entry means changes: an older cache is then ignored. */
const CACHE_FORMAT = 1;

/** Far above the cache of 10,000 reps over two years (some 60 MB): anything larger is not read. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

export function validationCacheFile(out: string): string {
  return path.join(out, '.revue-cache', 'validated.txt');
}

function header(version: string): string {
  return `revue-validation-cache\t${String(CACHE_FORMAT)}\t${version}`;
}

/** The cache of an output folder for revue `version`: empty when there is none, or it is unreadable or foreign. */
export async function readValidationCache(out: string, version: string): Promise<RepCache> {
  const file = validationCacheFile(out);
  const size = await stat(file).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
  if (size === undefined || size > MAX_CACHE_BYTES) return emptyRepCache();
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.split('\n');
  if (lines[0] !== header(version)) return emptyRepCache();
  const known = new Map<string, RepCacheEntry>();
  for (const line of lines.slice(1)) {
    const parts = line.split('\t', 3);
    if (parts.length !== 3) continue;
    const [key = '', last = '', sum = ''] = parts;
    const json = line.slice(key.length + last.length + sum.length + 3);
    known.set(key, { key, last, sum, json });
  }
  return emptyRepCache(known);
}

/** Writes the entries of this validation, when they differ from those read. */
export async function writeValidationCache(out: string, version: string, cache: RepCache): Promise<void> {
  if (!cache.changed && cache.next.size === cache.known.size) return;
  const lines = [header(version)];
  for (const entry of cache.next.values()) lines.push(`${entry.key}\t${entry.last}\t${entry.sum}\t${entry.json}`);
  await writeFileAtomic(validationCacheFile(out), `${lines.join('\n')}\n`);
}
