/**
 * What `revue log` is to write, decided before anything is written (SPEC §7):
 * the rep's file of the session's year with the new entry added (a new file
 * when the rep has none that year, copying name, role, team and manager from
 * their latest file; or from `--new`), and every diagnostic of the whole
 * workspace as it would be with it. Pure: the workspace was read by
 * `loadWorkspace`; the caller writes the file only when there is no error.
 */
import path from 'node:path';
import { Document } from 'yaml';
import type { LoadedWorkspace, SourceFile } from '../load/workspace.js';
import type { Dataset, Diagnostic, RepRecord } from '../model/dataset.js';
import { validateWorkspace } from '../validate/validate-workspace.js';
import { appendAssessment, type NewAssessment } from './append-assessment.js';

/** The identity of a rep new to the workspace (`--new`). */
export interface NewRep {
  name: string;
  role: string;
  team?: string | undefined;
  manager?: string | undefined;
}

export interface LogPlan {
  /** The file to write, as the loader names it (the data folder joined with the year and the rep). */
  file: string;
  /** Whether the file is new (the rep had none for that year). */
  created: boolean;
  text: string;
  /** The lines of the new entry in `text`, 1-based, first and last. */
  entryLines: [number, number];
  /** Every diagnostic of the workspace with the new entry; write nothing when one is an error. */
  diagnostics: Diagnostic[];
}

/**
 * `rep` (an id) with `entry` added, in `workspace` as it was read and
 * validated into `dataset`. `identity`: for a rep with no file in any year.
 */
export function planLog(
  workspace: LoadedWorkspace,
  dataset: Dataset,
  rep: string,
  entry: NewAssessment,
  options: { asOf: string; identity?: NewRep | undefined },
): LogPlan {
  const year = entry.date.slice(0, 4);
  const folder = workspace.years.find((y) => y.name === year);
  const existing = folder?.files.find((f) => f.stem === rep);
  let base: string;
  let file: string;
  if (existing?.text !== undefined) {
    base = existing.text;
    file = existing.path;
  } else {
    const latest = latestRecord(dataset, rep);
    const identity = latest === undefined ? options.identity : identityOf(latest);
    if (identity === undefined) throw new Error(`no file of ${rep} to start ${year}'s from`);
    base = newRepFile(identity);
    file = path.join(folder?.path ?? path.join(workspace.root, year), `${rep}.yaml`);
  }
  const text = appendAssessment(base, entry);
  const source: SourceFile = { path: file, stem: rep, text };
  const years = workspace.years.map((y) =>
    y.name !== year
      ? y
      : {
          ...y,
          files:
            existing === undefined
              ? sortFiles([...y.files, source])
              : y.files.map((f) => (f === existing ? source : f)),
        },
  );
  if (folder === undefined) {
    years.push({ name: year, path: path.join(workspace.root, year), files: [source] });
    years.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const { diagnostics } = validateWorkspace({ ...workspace, years }, { asOf: options.asOf });
  return { file, created: existing === undefined, text, entryLines: insertedLines(base, text), diagnostics };
}

/** The lines `after` has and `before` had not: the entry appendAssessment inserted (whole lines, in one run). */
function insertedLines(before: string, after: string): [number, number] {
  const old = before.split('\n');
  const now = after.split('\n');
  let first = 0;
  while (first < old.length && old[first] === now[first]) first++;
  return [first + 1, first + Math.max(1, now.length - old.length)];
}

function sortFiles(files: SourceFile[]): SourceFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The rep's file of the latest year they have one. */
export function latestRecord(dataset: Dataset, rep: string): RepRecord | undefined {
  return dataset.reps.filter((r) => r.id === rep).sort((a, b) => b.year - a.year)[0];
}

function identityOf(record: RepRecord): NewRep {
  return {
    name: record.data.name,
    role: record.data.role,
    team: record.data.team,
    manager: record.data.manager,
  };
}

/** The first line of a rep's file, as `revue init` writes it: editors complete and check the file with the schema. */
const SCHEMA_LINE = '# yaml-language-server: $schema=../../schema/rep.schema.json';

/** A rep's file for a year, before its first entry: the `$schema` line as `revue init` writes it, and who they are. */
export function newRepFile(identity: NewRep): string {
  const data: Record<string, string> = { name: identity.name, role: identity.role };
  if (identity.team !== undefined) data['team'] = identity.team;
  if (identity.manager !== undefined) data['manager'] = identity.manager;
  return `${SCHEMA_LINE}\n${new Document(data).toString({ lineWidth: 0 })}`;
}
