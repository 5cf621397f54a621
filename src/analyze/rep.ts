/** The figures of one rep for one year: SPEC §5 assembled per competency. */
import type { RepRecord } from '../model/dataset.js';
import type { Framework } from '../model/schema.js';
import { teamId } from '../model/team-id.js';
import { coachingFigures } from './coaching.js';
import { contextLevels, weakestContext } from './contexts.js';
import { isUncertain, rankFocus } from './diagnosis.js';
import { goalFigures } from './goals.js';
import { deltaOf, expectedOf, gapOf, levelOf, meanOf, overallOf, trendOf } from './levels.js';
import { resultsFigures } from './results.js';
import { scoreSeries } from './series.js';
import type { CompetencyFigures, RepFigures, TrendCounts } from './types.js';

/**
 * The figures of the rep of `current` (their file of year `y`), compared with
 * `previous`, their file of `y−1` when there is one (otherwise a first year:
 * every comparison is null), as of `asOf` = asOf(y) (see `asOfYear`).
 */
export function computeRepFigures(
  framework: Framework,
  current: RepRecord,
  previous: RepRecord | undefined,
  asOf: string,
): RepFigures {
  const data = current.data;
  const contextIds = (framework.contexts ?? []).map((context) => context.id);
  const competencies = framework.competencies.map((competency): CompetencyFigures => {
    const scores = scoreSeries(data, competency.id);
    const previousScores = scoreSeries(previous?.data, competency.id);
    const level = levelOf(scores);
    const previousLevel = levelOf(previousScores);
    const delta = deltaOf(level, previousLevel);
    const expected = expectedOf(framework, data.role, competency.id);
    const contexts = contextLevels(scores, contextIds);
    return {
      id: competency.id,
      level,
      previous: previousLevel,
      delta,
      mean: meanOf(scores),
      previousMean: meanOf(previousScores),
      expected,
      gap: gapOf(expected, level),
      count: scores.length,
      previousCount: previous === undefined ? null : previousScores.length,
      trend: trendOf(delta),
      weakestContext: weakestContext(contexts),
      scores,
      previousScores,
      contexts,
      uncertain: isUncertain(scores.length),
      focusRank: null,
    };
  });

  const focus = rankFocus(competencies);
  for (const competency of competencies) {
    const rank = focus.indexOf(competency.id);
    competency.focusRank = rank === -1 ? null : rank + 1;
  }
  const levels = new Map(competencies.map((competency) => [competency.id, competency.level]));
  const overall = overallOf(competencies.map((competency) => competency.level));
  const previousOverall = overallOf(competencies.map((competency) => competency.previous));

  return {
    id: current.id,
    name: data.name,
    team: data.team ?? null,
    teamId: data.team === undefined ? null : teamId(data.team),
    role: data.role,
    manager: data.manager ?? null,
    since: data.since ?? null,
    firstYear: previous === undefined,
    overall: { level: overall, previous: previousOverall, delta: deltaOf(overall, previousOverall) },
    competencies,
    goals: goalFigures(data.goals ?? [], (id) => levels.get(id) ?? null),
    focus,
    uncertain: competencies.filter((competency) => competency.uncertain).map((competency) => competency.id),
    coaching: coachingFigures(data, previous?.data, current.year, asOf),
    results: resultsFigures(data, previous?.data),
    trends: countTrends(competencies.map((competency) => competency.trend)),
  };
}

/** How many trends are progressed, stable, regressed, or missing. */
export function countTrends(trends: ReadonlyArray<CompetencyFigures['trend']>): TrendCounts {
  const counts: TrendCounts = { progressed: 0, stable: 0, regressed: 0, unknown: 0 };
  for (const trend of trends) counts[trend ?? 'unknown']++;
  return counts;
}
