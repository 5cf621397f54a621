/**
 * `revue log`'s arguments read against the framework (SPEC §7): competencies
 * and contexts by id or by label (`"Découverte des besoins"=3`), scores with a
 * decimal point or comma (`2,5`), notes as `COMPETENCY=TEXT`. Each argument
 * that cannot be read gives a diagnostic placed at that argument (`discovry=3`)
 * rather than at a line of a file, in the workspace's language, with "did you
 * mean" where a known spelling is close. Pure.
 */
import { diagnosticCatalogue, diagnosticOf, type DiagnosticText } from '../messages/diagnostics.js';
import type { Diagnostic } from '../model/dataset.js';
import { isOnStep, type Framework } from '../model/schema.js';
import { closest } from '../model/text.js';
import type { NewAssessment } from './append-assessment.js';

/** What the command line (or the questions) gave for one session, as typed. */
export interface LogInput {
  date: string;
  kind?: string | undefined;
  /** A context id or label. */
  context?: string | undefined;
  /** `COMPETENCY=SCORE` arguments, as typed. */
  scores: readonly string[];
  strengths?: string | undefined;
  improvements?: string | undefined;
  /** `COMPETENCY=TEXT` values of `--note`, as typed. */
  notes: readonly string[];
  actions: readonly string[];
}

export interface ResolvedEntry {
  entry: NewAssessment;
  /** One per argument that could not be read; the entry is not to be written when there is any. */
  problems: Diagnostic[];
}

interface Named {
  id: string;
  label: string;
}

/** Letters compared without case or accents: "decouverte des besoins" finds "Découverte des besoins". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2019']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The id named by `typed`, an id or a label; undefined when none is. */
export function findId(typed: string, known: readonly Named[]): string | undefined {
  const exact = known.find((item) => item.id === typed);
  if (exact !== undefined) return exact.id;
  const folded = fold(typed);
  return known.find((item) => fold(item.id) === folded || fold(item.label) === folded)?.id;
}

/** A score as typed: `2.5` or `2,5`; undefined when it is not a number. */
export function parseScore(typed: string): number | undefined {
  const text = typed.trim().replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

/** `key=value`, split at the first `=` (a note's text may hold one) or, for scores, the last (a label may not). */
function split(arg: string, at: 'first' | 'last'): [string, string] | undefined {
  const i = at === 'first' ? arg.indexOf('=') : arg.lastIndexOf('=');
  if (i <= 0) return undefined;
  return [arg.slice(0, i).trim(), arg.slice(i + 1)];
}

export function resolveEntry(input: LogInput, framework: Framework): ResolvedEntry {
  const catalogue = diagnosticCatalogue(framework.locale);
  const problems: Diagnostic[] = [];
  const problem = (arg: string, text: DiagnosticText) =>
    problems.push(diagnosticOf(catalogue, 'error', { file: arg, line: 0, column: 0 }, text));
  const competencies = framework.competencies;
  const contexts = framework.contexts ?? [];

  const unknown = (arg: string, what: 'competency' | 'context', typed: string, known: readonly Named[]) =>
    problem(arg, {
      code: 'unknown-id',
      params: {
        what,
        value: typed,
        where: '',
        suggestion: closest(typed, [...known.map((k) => k.id), ...known.map((k) => k.label)]),
        known: known.map((k) => k.id),
      },
    });

  const scores: Record<string, number> = {};
  for (const arg of input.scores) {
    const parts = split(arg, 'last');
    if (parts === undefined) {
      problem(arg, {
        code: 'unknown-id',
        params: {
          what: 'competency',
          value: arg,
          where: '',
          suggestion: undefined,
          known: competencies.map((c) => c.id),
        },
      });
      continue;
    }
    const [name, typedScore] = parts;
    const id = findId(name, competencies);
    if (id === undefined) {
      unknown(arg, 'competency', name, competencies);
      continue;
    }
    const value = parseScore(typedScore);
    const { min, max, step } = framework.scale;
    if (value === undefined) {
      problem(arg, {
        code: 'wrong-type',
        params: { where: id, expected: 'number', received: typedScore },
      });
    } else if (value < min || value > max) {
      problem(arg, { code: 'out-of-scale', params: { where: id, value, min, max } });
    } else if (!isOnStep(value, framework.scale)) {
      const below = min + Math.floor((value - min) / step) * step;
      const nearest = [below, below + step].filter((v) => v >= min && v <= max);
      problem(arg, { code: 'off-step', params: { where: id, value, step, nearest } });
    } else scores[id] = value;
  }

  let context: string | undefined;
  if (input.context !== undefined) {
    context = findId(input.context, contexts);
    if (context === undefined) unknown(`--context ${input.context}`, 'context', input.context, contexts);
  }

  const notes: Record<string, string> = {};
  for (const arg of input.notes) {
    const parts = split(arg, 'first');
    const id = parts === undefined ? undefined : findId(parts[0], competencies);
    if (parts === undefined || id === undefined)
      unknown(`--note ${arg}`, 'competency', parts?.[0] ?? arg, competencies);
    else if (parts[1].trim() !== '') notes[id] = parts[1].trim();
  }

  const entry: NewAssessment = { date: input.date, scores };
  const kind = input.kind?.trim();
  if (kind !== undefined && kind !== '') entry.kind = kind;
  if (context !== undefined) entry.context = context;
  const strengths = input.strengths?.trim();
  if (strengths !== undefined && strengths !== '') entry.strengths = strengths;
  const improvements = input.improvements?.trim();
  if (improvements !== undefined && improvements !== '') entry.improvements = improvements;
  if (Object.keys(notes).length > 0) entry.notes = notes;
  const actions = input.actions.map((a) => a.trim()).filter((a) => a !== '');
  if (actions.length > 0) entry.actions = actions;
  return { entry, problems };
}
