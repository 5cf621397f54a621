/**
 * Two teams, one report file: "R&D" and "R-D" both give `teams/r-d.pdf`, and
 * a build would write one report titled after the first, listing the other
 * team's reps (issue 13). Names that differ only in case or spacing are one
 * team (model/team-id.ts); any other two names with one id are an error on
 * the later file, naming both teams and where the first is written.
 */
import type { Diagnostic, RepRecord } from '../model/dataset.js';
import { teamId, teamKey } from '../model/team-id.js';
import type { ParsedFile } from '../load/parse-yaml.js';
import { diagnosticOf, type DiagnosticCatalogue } from '../messages/diagnostics.js';

export function teamIdCollisions(
  reps: readonly RepRecord[],
  sourceOf: (file: string) => ParsedFile | undefined,
  catalogue: DiagnosticCatalogue,
): Diagnostic[] {
  const place = (rep: RepRecord) => ({
    file: rep.file,
    ...(sourceOf(rep.file)?.locate(['team']) ?? { line: 0, column: 0 }),
  });
  /** The first team (name, rep) of each id; the names already reported for it. */
  const first = new Map<string, { team: string; key: string; rep: RepRecord }>();
  const reported = new Set<string>();
  const out: Diagnostic[] = [];
  for (const rep of reps) {
    const team = rep.data.team;
    if (team === undefined) continue;
    const id = teamId(team);
    const key = teamKey(team);
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, { team, key, rep });
      continue;
    }
    if (earlier.key === key || reported.has(`${id}\n${key}`)) continue;
    reported.add(`${id}\n${key}`);
    // Placed only now: a file read by the fast path or the cache is parsed with positions only for a collision.
    const there = place(earlier.rep);
    out.push(
      diagnosticOf(catalogue, 'error', place(rep), {
        code: 'team-id-collision',
        params: { team, other: earlier.team, otherPlace: `${there.file}:${there.line}`, file: `teams/${id}.pdf` },
      }),
    );
  }
  return out;
}
