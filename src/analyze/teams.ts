/**
 * SPEC §5, last paragraph: "Team and organisation figures: for each
 * competency the mean of the reps' levels (`y` and `y−1`, over the reps having
 * one), the count of reps who progressed / were stable / regressed, and the
 * coaching figures summed."
 *
 * A group is the set of reps having a file in `y` (a rep who left is in no
 * group). Its y−1 figures are those of the same reps, from their own y−1
 * files, whatever team those files named: the team's progress is the progress
 * of the people in it now.
 */
import type { Framework } from '../model/schema.js';
import { monthIndex } from './dates.js';
import { addGoalCounts, countGoals } from './goals.js';
import { compareText, difference, mean } from './series.js';
import type {
  CompetencyFigures,
  GroupCoaching,
  GroupCompetency,
  GroupFigures,
  LevelComparison,
  MemberRow,
  OrganisationFigures,
  RepFigures,
  TeamColumn,
  TeamFigures,
} from './types.js';

/** The figures of a group of reps (a team, or the whole organisation). */
export function groupFigures(framework: Framework, reps: readonly RepFigures[]): GroupFigures {
  return {
    repCount: reps.length,
    overall: meanComparison(
      reps.map((rep) => rep.overall.level),
      reps.map((rep) => rep.overall.previous),
    ),
    competencies: framework.competencies.map((competency) => groupCompetency(competency.id, reps)),
    goals: addGoalCounts(reps.map((rep) => countGoals(rep.goals))),
    coaching: groupCoaching(reps),
    managers: distinctSorted(reps.map((rep) => rep.manager)),
    members: reps.map(memberRow),
  };
}

/**
 * SPEC §5 team figures of one competency: the mean of the reps' levels in y
 * and in y−1 (each over the reps having one), delta = the difference of the
 * two means, and the reps' trends counted.
 */
export function groupCompetency(id: string, reps: readonly RepFigures[]): GroupCompetency {
  const figures = reps
    .map((rep) => rep.competencies.find((competency) => competency.id === id))
    .filter((c): c is CompetencyFigures => c !== undefined);
  const levels = present(figures.map((competency) => competency.level));
  const previous = present(figures.map((competency) => competency.previous));
  const level = mean(levels);
  const previousLevel = mean(previous);
  const counts = { progressed: 0, stable: 0, regressed: 0, unknown: reps.length - figures.length };
  for (const competency of figures) counts[competency.trend ?? 'unknown']++;
  return {
    id,
    level,
    previous: previousLevel,
    delta: difference(level, previousLevel),
    expected: mean(present(figures.map((competency) => competency.expected))),
    reps: levels.length,
    previousReps: previous.length,
    ...counts,
  };
}

/**
 * The coaching figures summed: assessments and assessments per month over
 * the reps; last year's count over the reps having a y−1 file (null when
 * none has one); and one coverage row per rep for the heat table.
 */
export function groupCoaching(reps: readonly RepFigures[]): GroupCoaching {
  const perMonth = new Array<number>(12).fill(0);
  let count = 0;
  let previousCount: number | null = null;
  for (const rep of reps) {
    count += rep.coaching.count;
    rep.coaching.perMonth.forEach((n, month) => {
      perMonth[month] = (perMonth[month] ?? 0) + n;
    });
    if (rep.coaching.previous !== null) previousCount = (previousCount ?? 0) + rep.coaching.previous.count;
  }
  return {
    count,
    perMonth,
    previousCount,
    repsWithout: reps.filter((rep) => rep.coaching.count === 0).length,
    coverage: reps.map((rep) => ({
      id: rep.id,
      name: rep.name,
      perMonth: [...rep.coaching.perMonth],
      count: rep.coaching.count,
      longestGapDays: rep.coaching.longestGapDays,
      startMonth: monthIndex(rep.coaching.start),
    })),
  };
}

/**
 * The reps grouped by team id (slugify of the team name), sorted by team id;
 * the reps whose file names no team form the last group, with a null id and
 * name. The name is the spelling of the group's first rep.
 */
export function teamFigures(framework: Framework, reps: readonly RepFigures[]): TeamFigures[] {
  const groups = new Map<string | null, RepFigures[]>();
  for (const rep of reps) {
    const members = groups.get(rep.teamId);
    if (members === undefined) groups.set(rep.teamId, [rep]);
    else members.push(rep);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareTeamIds(a, b))
    .map(([id, members]) => ({ id, name: members[0]?.team ?? null, ...groupFigures(framework, members) }));
}

/** The organisation: every rep as one group, and every team side by side. */
export function organisationFigures(
  framework: Framework,
  reps: readonly RepFigures[],
  teams: readonly TeamFigures[],
): OrganisationFigures {
  return { ...groupFigures(framework, reps), teams: teams.map(teamColumn) };
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
    competencies: team.competencies.map(({ id, level, previous, delta }) => ({ id, level, previous, delta })),
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

function meanComparison(levels: ReadonlyArray<number | null>, previous: ReadonlyArray<number | null>): LevelComparison {
  const level = mean(present(levels));
  const before = mean(present(previous));
  return { level, previous: before, delta: difference(level, before) };
}

function present<T>(values: ReadonlyArray<T | null>): T[] {
  return values.filter((value): value is T => value !== null);
}

function distinctSorted(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(present(values))].sort(compareText);
}
