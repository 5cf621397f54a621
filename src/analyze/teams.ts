/**
 * SPEC §5 "Team and organisation figures: for each competency the mean of
 * the reps' levels (`y` and `y−1`, over the reps having one), the count of
 * reps who progressed / were stable / regressed, and the coaching figures
 * summed. The change of a team or of the organisation, per competency and
 * overall, is like for like: the mean of the reps' own `delta` over the reps
 * who have both levels, with that number of reps beside it; none when no rep
 * has both."
 *
 * A group is the set of reps having a file in `y` (a rep who left is in no
 * group). Its y−1 figures are those of the same reps, from their own y−1
 * files, whatever team those files named: the team's progress is the progress
 * of the people in it now.
 */
import type { Framework } from '../model/schema.js';
import { addGoalCounts, countGoals } from './goals.js';
import { groupCoaching } from './group-coaching.js';
import { compareText, mean, present } from './series.js';
import type {
  CompetencyFigures,
  GroupComparison,
  GroupCompetency,
  GroupFigures,
  LevelComparison,
  MemberRow,
  OrganisationFigures,
  RepFigures,
  TeamColumn,
  TeamFigures,
} from './types.js';

/**
 * The figures of a group of reps (a team, or the whole organisation) of
 * `year`, as of `asOf` = asOf(year) (the group's coaching months need it even
 * when the group has no rep).
 */
export function groupFigures(
  framework: Framework,
  reps: readonly RepFigures[],
  year: number,
  asOf: string,
): GroupFigures {
  return {
    repCount: reps.length,
    overall: likeForLike(reps.map((rep) => rep.overall)),
    competencies: framework.competencies.map((competency) => groupCompetency(competency.id, reps)),
    goals: addGoalCounts(reps.map((rep) => countGoals(rep.goals))),
    coaching: groupCoaching(reps, year, asOf),
    managers: distinctSorted(reps.map((rep) => rep.manager)),
    members: reps.map(memberRow),
  };
}

/**
 * SPEC §5 team figures of one competency: the mean of the reps' levels in y
 * and in y−1 (each over the reps having one), the change like for like (see
 * `likeForLike`), and the reps' trends counted.
 */
export function groupCompetency(id: string, reps: readonly RepFigures[]): GroupCompetency {
  const figures = reps
    .map((rep) => rep.competencies.find((competency) => competency.id === id))
    .filter((c): c is CompetencyFigures => c !== undefined);
  const counts = { progressed: 0, stable: 0, regressed: 0, unknown: reps.length - figures.length };
  for (const competency of figures) counts[competency.trend ?? 'unknown']++;
  return {
    id,
    ...likeForLike(figures),
    expected: mean(present(figures.map((competency) => competency.expected))),
    reps: present(figures.map((competency) => competency.level)).length,
    previousReps: present(figures.map((competency) => competency.previous)).length,
    ...counts,
  };
}

/**
 * SPEC §5 "the change […] is like for like: the mean of the reps' own
 * `delta` over the reps who have both levels, with that number of reps
 * beside it; none when no rep has both" — beside the mean of the reps'
 * levels in y and in y−1, each over the reps having one.
 *
 * Why not `level − previous`: with Ann +0.5 and Ben +0.0 from 2.0 each, and
 * Cat joining at 1.0, the means go from 2.0 to (2.5 + 2.0 + 1.0) / 3 ≈ 1.83,
 * a "regression" of −0.17 in a team where nobody regressed; like for like,
 * the change is (0.5 + 0.0) / 2 = +0.25 over 2 reps.
 */
export function likeForLike(reps: readonly LevelComparison[]): GroupComparison {
  const deltas = present(reps.map((rep) => rep.delta));
  return {
    level: mean(present(reps.map((rep) => rep.level))),
    previous: mean(present(reps.map((rep) => rep.previous))),
    delta: mean(deltas),
    deltaReps: deltas.length,
  };
}

/**
 * The reps grouped by team id (slugify of the team name), sorted by team id;
 * the reps whose file names no team form the last group, with a null id and
 * name. The name is the spelling of the group's first rep.
 */
export function teamFigures(
  framework: Framework,
  reps: readonly RepFigures[],
  year: number,
  asOf: string,
): TeamFigures[] {
  const groups = new Map<string | null, RepFigures[]>();
  for (const rep of reps) {
    const members = groups.get(rep.teamId);
    if (members === undefined) groups.set(rep.teamId, [rep]);
    else members.push(rep);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareTeamIds(a, b))
    .map(([id, members]) => ({ id, name: members[0]?.team ?? null, ...groupFigures(framework, members, year, asOf) }));
}

/** The organisation: every rep as one group, and every team side by side. */
export function organisationFigures(
  framework: Framework,
  reps: readonly RepFigures[],
  teams: readonly TeamFigures[],
  year: number,
  asOf: string,
): OrganisationFigures {
  return { ...groupFigures(framework, reps, year, asOf), teams: teams.map(teamColumn) };
}

/** Team ids in code-unit order, the reps without a team (null) last. */
export function compareTeamIds(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareText(a, b);
}

function teamColumn(team: TeamFigures): TeamColumn {
  return {
    id: team.id,
    name: team.name,
    repCount: team.repCount,
    managers: team.managers,
    overall: team.overall,
    competencies: team.competencies.map(({ id, level, previous, delta, deltaReps }) => ({
      id,
      level,
      previous,
      delta,
      deltaReps,
    })),
    goals: team.goals,
    assessments: team.coaching.count,
  };
}

function memberRow(rep: RepFigures): MemberRow {
  return {
    id: rep.id,
    name: rep.name,
    teamId: rep.teamId,
    manager: rep.manager,
    overall: rep.overall,
    goals: countGoals(rep.goals),
    focus: rep.focus[0] ?? null,
    assessments: rep.coaching.count,
    firstYear: rep.firstYear,
  };
}

function distinctSorted(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(present(values))].sort(compareText);
}
