/**
 * Which reports of a build are up to date (SPEC §7), and the manifest this
 * build will leave: see write/manifest.ts for what an entry promises.
 */
import pLimit from 'p-limit';
import { emptyManifest, isUpToDate, readManifests, sha256, type KnownOutputs, type Manifest } from './manifest.js';
import type { Shard } from '../plan/shard.js';

/** A report as the check sees it. */
export interface Candidate {
  kind: string;
  id: string;
  /** Relative to the year's output folder, with its extension: `reps/alice-martin.pdf`. */
  file: string;
  /** The digest of its inputs (`inputsDigest`). */
  inputs: string;
}

export interface OutputCheck {
  /** The files (Candidate.file) that are on disk as their inputs would render them. */
  upToDate: Set<string>;
  /** What this build will write as its manifest: so far, the up-to-date reports (and, for a partial build, the others' entries). */
  manifest: Manifest;
  /** Every manifest of the folder as it was before this build: what earlier builds wrote there. */
  known: KnownOutputs;
}

/** Output files read at the same time while checking (a large organisation has thousands). */
const READS = 16;

export async function checkOutputs(
  yearDir: string,
  shard: Shard,
  candidates: readonly Candidate[],
  options: { tool: string; force: boolean; partial: boolean },
): Promise<OutputCheck> {
  const known = await readManifests(yearDir, shard);
  const manifest = emptyManifest(options.tool, shard);
  if (options.partial && known.own !== undefined) {
    // A build of a few reps (--rep) leaves the entries of the others as they were.
    Object.assign(manifest.reports, known.own.reports);
  }
  // A report is named again only once it is written, or found up to date.
  for (const candidate of candidates) Reflect.deleteProperty(manifest.reports, candidate.file);

  const upToDate = new Set<string>();
  if (!options.force) {
    const limit = pLimit(READS);
    await Promise.all(
      candidates.map((candidate) =>
        limit(async () => {
          const entry = await isUpToDate(known, yearDir, candidate.file, candidate.inputs);
          if (entry === undefined) return;
          upToDate.add(candidate.file);
          // Its kind and id from the plan, never as read back from the folder.
          manifest.reports[candidate.file] = { ...entry, kind: candidate.kind, id: candidate.id };
        }),
      ),
    );
  }
  return { upToDate, manifest, known };
}

/** Records a report just written whole. */
export function recordWritten(manifest: Manifest, candidate: Candidate, written: string | Uint8Array): void {
  manifest.reports[candidate.file] = {
    kind: candidate.kind,
    id: candidate.id,
    inputs: candidate.inputs,
    output: sha256(written),
  };
}

/**
 * The digest of everything one report is built from: what every report of
 * the build shares (revue's version, the format and paper, the templates and
 * stylesheet, the fonts and logo, the date stamped in the documents when it
 * is fixed) and the report's own fingerprint (its view and chart specs, see
 * render/plan.ts).
 */
export function inputsDigest(shared: SharedInputs, fingerprint: string): string {
  return sha256(`${sharedDigest(shared)}\0${fingerprint}`);
}

export interface SharedInputs {
  tool: string;
  format: 'pdf' | 'html';
  paper: string;
  /** Templates.digest */
  templates: string;
  css: string;
  logo: string | null;
  /** SOURCE_DATE_EPOCH, when set: the documents carry it. */
  epoch: number | null;
}

const sharedDigests = new WeakMap<SharedInputs, string>();

function sharedDigest(shared: SharedInputs): string {
  let digest = sharedDigests.get(shared);
  if (digest === undefined) {
    digest = sha256(
      JSON.stringify({ ...shared, css: sha256(shared.css), logo: shared.logo === null ? null : sha256(shared.logo) }),
    );
    sharedDigests.set(shared, digest);
  }
  return digest;
}
