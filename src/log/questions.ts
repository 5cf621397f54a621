/**
 * What `revue log` asks on a terminal for what the command line left out
 * (SPEC §7): the rep by name, the context, each competency by label with the
 * scale's steps, then the notes. Built here as plain data, in the framework's
 * language; the command line puts them to the user with a prompt library.
 */
import type { Dataset } from '../model/dataset.js';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export type Question =
  | { kind: 'rep'; message: string; choices: Choice[] }
  | { kind: 'context'; message: string; choices: Choice[] }
  | { kind: 'role'; message: string; choices: Choice[] }
  | { kind: 'score'; competency: string; message: string; choices: Choice[] }
  | { kind: 'text'; field: 'kind' | 'strengths' | 'improvements' | 'action'; message: string };

/** The empty choice of a score or a context: "not observed" / "none". */
export const SKIP = '';

interface Words {
  rep: string;
  role: string;
  context: string;
  noContext: string;
  score: (label: string) => string;
  notObserved: string;
  kind: string;
  strengths: string;
  improvements: string;
  action: string;
}

const WORDS: Record<'en' | 'fr', Words> = {
  en: {
    rep: 'Which rep?',
    role: 'Their role?',
    context: 'In which context?',
    noContext: 'none of these',
    score: (label) => `${label}?`,
    notObserved: 'not observed',
    kind: 'Kind of session (field visit, call review, …)?',
    strengths: 'Strengths seen?',
    improvements: 'To improve?',
    action: 'An action agreed (empty: none)?',
  },
  fr: {
    rep: 'Quel commercial\u202f?',
    role: 'Son rôle\u202f?',
    context: 'Dans quel contexte\u202f?',
    noContext: 'aucun de ceux-ci',
    score: (label) => `${label}\u202f?`,
    notObserved: 'non observé',
    kind: 'Type de séance (accompagnement terrain, écoute d’appel…)\u202f?',
    strengths: 'Points forts observés\u202f?',
    improvements: 'Axes de progrès\u202f?',
    action: 'Une action convenue (vide\u00a0: aucune)\u202f?',
  },
};

/** What is already known of the session, to ask only the rest. */
export interface Known {
  rep: boolean;
  /** False only for a new rep (`--new`) given without `--role`. Default: true. */
  role?: boolean;
  context: boolean;
  kind: boolean;
  scores: boolean;
  strengths: boolean;
  improvements: boolean;
  actions: boolean;
}

/** The questions for what is not `known`, in the order they are asked; `year`: the reps offered are that year's first. */
export function logQuestions(dataset: Dataset, known: Known, year: number): Question[] {
  const { framework } = dataset;
  const w = WORDS[framework.locale];
  const questions: Question[] = [];
  if (!known.rep) questions.push({ kind: 'rep', message: w.rep, choices: repChoices(dataset, year) });
  if (known.role === false)
    questions.push({
      kind: 'role',
      message: w.role,
      choices: framework.roles.map((r) => ({ value: r.id, label: r.label })),
    });
  const contexts = framework.contexts ?? [];
  if (!known.context && contexts.length > 0)
    questions.push({
      kind: 'context',
      message: w.context,
      choices: [{ value: SKIP, label: w.noContext }, ...contexts.map((c) => ({ value: c.id, label: c.label }))],
    });
  if (!known.kind) questions.push({ kind: 'text', field: 'kind', message: w.kind });
  if (!known.scores) {
    const steps = scaleSteps(framework.scale);
    const labels = framework.scale.labels ?? {};
    for (const c of framework.competencies)
      questions.push({
        kind: 'score',
        competency: c.id,
        message: w.score(c.label),
        choices: [
          { value: SKIP, label: w.notObserved },
          ...steps.map((s) => {
            const name = labels[String(s)];
            return { value: String(s), label: String(s), ...(name === undefined ? {} : { hint: name }) };
          }),
        ],
      });
  }
  if (!known.strengths) questions.push({ kind: 'text', field: 'strengths', message: w.strengths });
  if (!known.improvements) questions.push({ kind: 'text', field: 'improvements', message: w.improvements });
  if (!known.actions) questions.push({ kind: 'text', field: 'action', message: w.action });
  return questions;
}

/** Every rep of the workspace, those with a file in `year` first, each by name with their id and team beside. */
function repChoices(dataset: Dataset, year: number): Choice[] {
  const latest = new Map<string, { name: string; team: string | undefined; year: number }>();
  for (const r of dataset.reps) {
    const seen = latest.get(r.id);
    if (seen === undefined || r.year >= seen.year)
      latest.set(r.id, { name: r.data.name, team: r.data.team, year: r.year });
  }
  return [...latest.entries()]
    .sort(([, a], [, b]) => Number(b.year === year) - Number(a.year === year) || a.name.localeCompare(b.name))
    .map(([id, r]) => ({ value: id, label: r.name, hint: r.team === undefined ? id : `${id}, ${r.team}` }));
}

/** min, min + step, …, max. */
export function scaleSteps(scale: { min: number; max: number; step: number }): number[] {
  const steps: number[] = [];
  const count = Math.round((scale.max - scale.min) / scale.step);
  for (let i = 0; i <= count; i++) steps.push(Math.round((scale.min + i * scale.step) * 1e6) / 1e6);
  return steps;
}
