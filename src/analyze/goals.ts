/** SPEC §5 goal status. */
import type { Goal } from '../model/schema.js';
import { EPSILON } from './series.js';
import type { GoalCounts, GoalFigures, GoalStatus } from './types.js';

/**
 * SPEC §5 goal status: "met when level(c,y) ≥ target; not met when below; not
 * assessed when level is none". A level equal to the target up to floating
 * point noise is met.
 */
export function goalStatus(level: number | null, target: number): GoalStatus {
  if (level === null) return 'not-assessed';
  return level >= target - EPSILON ? 'met' : 'not-met';
}

/** The year's goals in file order, each with the level of its competency. */
export function goalFigures(goals: readonly Goal[], levelOf: (competency: string) => number | null): GoalFigures[] {
  return goals.map((goal) => {
    const level = levelOf(goal.competency);
    return {
      competency: goal.competency,
      target: goal.target,
      level,
      status: goalStatus(level, goal.target),
      note: goal.note ?? null,
    };
  });
}

/** How many goals were set, met, not met and not assessed. */
export function countGoals(goals: readonly GoalFigures[]): GoalCounts {
  const counts: GoalCounts = { set: goals.length, met: 0, notMet: 0, notAssessed: 0 };
  for (const goal of goals) {
    if (goal.status === 'met') counts.met++;
    else if (goal.status === 'not-met') counts.notMet++;
    else counts.notAssessed++;
  }
  return counts;
}

/** The sum of several goal counts. */
export function addGoalCounts(all: readonly GoalCounts[]): GoalCounts {
  const total: GoalCounts = { set: 0, met: 0, notMet: 0, notAssessed: 0 };
  for (const counts of all) {
    total.set += counts.set;
    total.met += counts.met;
    total.notMet += counts.notMet;
    total.notAssessed += counts.notAssessed;
  }
  return total;
}
