/**
 * Stale reports (SPEC §7): a build of every report removes the reports that
 * earlier builds wrote into the year's folder and that the year no longer
 * produces — a rep renamed or gone, a team that disappeared. Managers zip
 * `reps/` to hand the reviews out: an old report left there could reach the
 * wrong person.
 *
 * Only what revue wrote is removed: a file named in a manifest of the folder
 * whose bytes are still those the manifest recorded. A file changed since,
 * or never named, is left where it is.
 *
 * Every shard plans every report of the year (from the same data), so any
 * build of every report — one whole build, or any shard of a sharded run —
 * knows what the year produces and may remove what it does not, whichever
 * shard wrote it: the year's reports stay exactly those one machine would
 * leave. A build of some reps (`--rep`) removes nothing.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFailure } from './atomic.js';
import { sha256, type KnownOutputs } from './manifest.js';

/** A report removed: its file (absolute), and what it was the report of. */
export interface RemovedReport {
  file: string;
  kind: string;
  id: string;
}

/**
 * Removes the files the manifests name that none of `produced` is (`produced`:
 * the year's report files without their extension, `reps/alice-martin`: a
 * report built as HTML is not stale for being a PDF).
 */
export async function removeStaleReports(
  yearDir: string,
  known: KnownOutputs,
  produced: ReadonlySet<string>,
): Promise<RemovedReport[]> {
  const removed: RemovedReport[] = [];
  for (const [file, entries] of [...known.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (produced.has(file.replace(/\.(pdf|html)$/, ''))) continue;
    const target = path.join(yearDir, file);
    // A name from a manifest is a name from disk: it must not lead out of the folder.
    if (path.relative(yearDir, target).startsWith('..') || path.isAbsolute(file)) continue;
    const bytes = await readFile(target).catch(() => undefined);
    if (bytes === undefined) continue;
    const digest = sha256(bytes);
    const entry = entries.find((candidate) => candidate.output === digest);
    if (entry === undefined) continue;
    await rm(target, { force: true }).catch((error: unknown) => {
      throw writeFailure(target, error);
    });
    removed.push({ file: path.resolve(target), kind: entry.kind, id: entry.id });
  }
  return removed;
}
