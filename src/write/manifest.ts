/**
 * The build manifest (SPEC §7, incremental builds): per year output folder,
 * what each report file was built from and what was written.
 *
 *     output/2026/.revue-manifest.json          a whole build
 *     output/2026/.revue-manifest.3-of-40.json  shard 3 of 40 (shards never share a file)
 *
 * An entry says "this file, with this digest, was written from inputs with
 * this digest". A report is up to date when one entry of any manifest of the
 * folder names its file with today's inputs digest and the digest of the file
 * now on disk: so a file deleted or altered since is rebuilt, and manifests
 * left by other shards (or by an earlier number of shards) can only ever save
 * work, never skip a report wrongly. A manifest names only files that a build
 * wrote whole.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { WHOLE, type Shard } from '../plan/shard.js';
import { writeFileAtomic } from './atomic.js';

/** Bumped when the meaning of a digest changes: older manifests are then ignored. */
const MANIFEST_FORMAT = 1;

const PREFIX = '.revue-manifest';

export interface ManifestEntry {
  kind: string;
  id: string;
  /** sha256 of everything the report is built from (see `build.ts`). */
  inputs: string;
  /** sha256 of the file as written. */
  output: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** revue's version that wrote it (for people; the digests already include it). */
  tool: string;
  /** `K/N`, or null for a whole build. */
  shard: string | null;
  /** By file, relative to the year's output folder, with `/`: `reps/alice-martin.pdf`. */
  reports: Record<string, ManifestEntry>;
}

/** The manifest file of a shard (or of a whole build) in a year's output folder. */
export function manifestFile(yearDir: string, shard: Shard = WHOLE): string {
  return path.join(yearDir, shard.count === 1 ? `${PREFIX}.json` : `${PREFIX}.${shard.index}-of-${shard.count}.json`);
}

/**
 * The lock a build of `shard` holds on a year's output folder while it writes
 * there (write/build-lock.ts): `.revue-build.lock` for a whole build (and,
 * shared, for the shards of one layout), `.revue-build.3-of-40.lock` for
 * shard 3 of 40.
 */
export function lockFile(yearDir: string, shard: Shard = WHOLE): string {
  return path.join(
    yearDir,
    shard.count === 1 ? '.revue-build.lock' : `.revue-build.${shard.index}-of-${shard.count}.lock`,
  );
}

/** The shard whose lock (`lockFile`) a file of a year's output folder is, if it is one of a shard's. */
export function lockShard(name: string): Shard | undefined {
  const match = /^\.revue-build\.(\d+)-of-(\d+)\.lock$/.exec(name);
  return match === null ? undefined : { index: Number(match[1]), count: Number(match[2]) };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every manifest of the folder: this shard's own, and the others'. Unreadable ones are ignored. */
export interface KnownOutputs {
  /** This shard's manifest as it was, to carry forward what this build does not touch. */
  own: Manifest | undefined;
  /** Every entry of every manifest, by file. */
  entries: Map<string, ManifestEntry[]>;
}

export async function readManifests(yearDir: string, shard: Shard = WHOLE): Promise<KnownOutputs> {
  const known: KnownOutputs = { own: undefined, entries: new Map() };
  let names: string[];
  try {
    names = (await readdir(yearDir)).filter((name) => name.startsWith(PREFIX) && name.endsWith('.json')).sort();
  } catch {
    return known;
  }
  const ownName = path.basename(manifestFile(yearDir, shard));
  for (const name of names) {
    const manifest = parseManifest(await readFile(path.join(yearDir, name), 'utf8').catch(() => ''));
    if (manifest === undefined) continue;
    if (name === ownName) known.own = manifest;
    for (const [file, entry] of Object.entries(manifest.reports))
      known.entries.set(file, [...(known.entries.get(file) ?? []), entry]);
  }
  return known;
}

/**
 * Whether `file` (relative to `yearDir`) is on disk as some manifest says it
 * was written from `inputs`. Reads the file only when an entry's inputs match.
 */
export async function isUpToDate(
  known: KnownOutputs,
  yearDir: string,
  file: string,
  inputs: string,
): Promise<ManifestEntry | undefined> {
  const candidates = (known.entries.get(file) ?? []).filter((entry) => entry.inputs === inputs);
  if (candidates.length === 0) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(yearDir, file));
  } catch {
    return undefined;
  }
  const digest = sha256(bytes);
  return candidates.find((entry) => entry.output === digest);
}

export async function writeManifest(yearDir: string, shard: Shard, manifest: Manifest): Promise<string> {
  const file = manifestFile(yearDir, shard);
  const sorted: Manifest = {
    ...manifest,
    reports: Object.fromEntries(Object.entries(manifest.reports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  const text = `${JSON.stringify(sorted, null, 1)}\n`;
  // A rebuild that changed nothing leaves the file as it was, its date included (and spends no fsync on it).
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return file;
  await writeFileAtomic(file, text);
  return file;
}

export function emptyManifest(tool: string, shard: Shard): Manifest {
  return {
    format: MANIFEST_FORMAT,
    tool,
    shard: shard.count === 1 ? null : `${shard.index}/${shard.count}`,
    reports: {},
  };
}

/** A manifest read back, or undefined when it is not one this version understands. */
function parseManifest(text: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value['format'] !== MANIFEST_FORMAT || !isRecord(value['reports'])) return undefined;
  const reports: Record<string, ManifestEntry> = {};
  for (const [file, entry] of Object.entries(value['reports'])) {
    if (!isRecord(entry)) continue;
    const { kind, id, inputs, output } = entry;
    if (typeof kind === 'string' && typeof id === 'string' && typeof inputs === 'string' && typeof output === 'string')
      reports[file] = { kind, id, inputs, output };
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    tool: typeof value['tool'] === 'string' ? value['tool'] : '',
    shard: typeof value['shard'] === 'string' ? value['shard'] : null,
    reports,
  };
  return manifest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
