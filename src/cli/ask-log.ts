/**
 * The questions of `revue log` put to a user on a terminal, with
 * @clack/prompts (loaded only here, only on a terminal): the rep with
 * completion, the context and each score as a selection, the notes as text.
 * Ctrl-C cancels: nothing is written.
 */
import { autocomplete, isCancel, select, text } from '@clack/prompts';
import { SKIP, type Question } from '../log/questions.js';

export interface Answers {
  rep?: string;
  role?: string;
  context?: string;
  kind?: string;
  /** `id=score`, as the command line takes them. */
  scores: string[];
  strengths?: string;
  improvements?: string;
  actions: string[];
}

/** Asks each question in turn; undefined when the user cancelled. */
export async function ask(questions: readonly Question[]): Promise<Answers | undefined> {
  const answers: Answers = { scores: [], actions: [] };
  for (const q of questions) {
    if (q.kind === 'rep') {
      const rep = await autocomplete({ message: q.message, options: q.choices, maxItems: 8 });
      if (isCancel(rep)) return undefined;
      answers.rep = rep;
      continue;
    }
    if (q.kind === 'role') {
      const role = await select({ message: q.message, options: q.choices });
      if (isCancel(role)) return undefined;
      answers.role = role;
      continue;
    }
    if (q.kind === 'context' || q.kind === 'score') {
      const chosen = await select({ message: q.message, options: q.choices, initialValue: SKIP });
      if (isCancel(chosen)) return undefined;
      if (chosen === SKIP) continue;
      if (q.kind === 'context') answers.context = chosen;
      else answers.scores.push(`${q.competency}=${chosen}`);
      continue;
    }
    const typed = await text({ message: q.message });
    if (isCancel(typed)) return undefined;
    const value = typed.trim();
    if (value === '') continue;
    if (q.field === 'action') answers.actions.push(value);
    else answers[q.field] = value;
  }
  return answers;
}
