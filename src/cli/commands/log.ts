/**
 * `revue log REP …` (SPEC §7, issue 14): one coaching session added to a
 * rep's file. What the command line leaves out is asked on a terminal (with
 * @clack/prompts, loaded only then); elsewhere a missing rep or score is a
 * usage error naming it. The entry is checked with the whole workspace before
 * anything is written; on any error nothing is.
 */
import path from 'node:path';
import type { ParsedArgs } from 'citty';
import { utcDay } from '../../analyze/dates.js';
import { UsageError } from '../../errors.js';
import { loadWorkspace, type LoadedWorkspace } from '../../load/workspace.js';
import { planLog, type LogPlan, type NewRep } from '../../log/plan-log.js';
import { logQuestions, type Known } from '../../log/questions.js';
import { findId, fold, resolveEntry, type LogInput } from '../../log/resolve-entry.js';
import type { Dataset, Diagnostic } from '../../model/dataset.js';
import { closest, slugify } from '../../model/text.js';
import { validateWorkspace } from '../../validate/validate-workspace.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { optionValues } from '../args.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import { parseDate, sourceDateEpoch } from '../values.js';
import { buildDateOf } from './build-date.js';
import type { logSpec } from './specs.js';

const quiet = { verbose: false, quiet: false };
const YEAR_SO_FAR: ReadonlySet<string> = new Set(['never-observed', 'never-coached']);

export async function run(
  args: ParsedArgs<(typeof logSpec)['args']>,
  rawArgs: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const { t } = out;
  const today =
    buildDateOf(parseDate(t, out.locale, args['as-of']), sourceDateEpoch(t, out.io.env)) ?? utcDay(Date.now());
  const date = parseDate(t, out.locale, args.date, '--date') ?? today;
  const positionals = args._;
  const scores = positionals.filter((p) => p.includes('='));
  const named = positionals.filter((p) => !p.includes('='));
  if (named.length > 1) throw new UsageError(t.tooManyArguments({ extra: named[1] ?? '' }));

  const workspace = await loadWorkspace(out.workspace.data);
  const current = validateWorkspace(workspace, { asOf: today });
  const dataset = current.dataset;
  if (dataset === undefined) {
    reportDiagnostics(out, current.diagnostics, null, quiet);
    out.say(out.style.red(t.logWorkspaceInvalid));
    return EXIT.failed;
  }
  const interactive = out.io.stdinIsTTY === true && out.io.stdout.isTTY === true;
  const input: LogInput = {
    date,
    kind: args.kind,
    context: args.context,
    scores,
    strengths: args.strengths,
    improvements: args.improvements,
    notes: optionValues(rawArgs, 'note'),
    actions: optionValues(rawArgs, 'action'),
  };

  let rep = named[0] === undefined ? undefined : repId(named[0], dataset, out);
  let identity: NewRep | undefined;
  if (args.new !== undefined) {
    if (rep !== undefined) throw new UsageError(t.logRepAndNew({ rep: named[0] ?? rep }));
    rep = newRepId(args.new, workspace, out);
    const role = args.role === undefined ? undefined : roleId(args.role, dataset, out);
    identity = { name: args.new.trim(), role: role ?? '', team: args.team?.trim(), manager: args.manager?.trim() };
  }

  const missing: string[] = [];
  if (rep === undefined) missing.push(t.logMissingRep);
  if (identity !== undefined && identity.role === '') missing.push(t.logMissingRole);
  if (scores.length === 0) missing.push(t.logMissingScores);
  if (missing.length > 0) {
    if (!interactive)
      throw new UsageError(t.logMissing({ missing }), { hint: t.logMissingHint(example(rep, dataset)) });
    const known: Known = {
      rep: rep !== undefined,
      role: identity === undefined || identity.role !== '',
      context: input.context !== undefined,
      kind: input.kind !== undefined,
      scores: scores.length > 0,
      strengths: input.strengths !== undefined,
      improvements: input.improvements !== undefined,
      actions: input.actions.length > 0,
    };
    const { ask } = await import('../ask-log.js');
    const answers = await ask(logQuestions(dataset, known, Number(date.slice(0, 4))));
    if (answers === undefined) {
      out.say(t.logCancelled);
      return EXIT.failed;
    }
    rep ??= answers.rep;
    if (identity !== undefined && identity.role === '') identity.role = answers.role ?? '';
    Object.assign(input, {
      ...(answers.context === undefined ? {} : { context: answers.context }),
      ...(answers.kind === undefined ? {} : { kind: answers.kind }),
      scores: [...input.scores, ...answers.scores],
      ...(answers.strengths === undefined ? {} : { strengths: answers.strengths }),
      ...(answers.improvements === undefined ? {} : { improvements: answers.improvements }),
      actions: [...input.actions, ...answers.actions],
    });
    if (rep === undefined || input.scores.length === 0) {
      out.say(t.logCancelled);
      return EXIT.failed;
    }
  }
  if (rep === undefined) throw new UsageError(t.logMissing({ missing: [t.logMissingRep] }));

  const { entry, problems } = resolveEntry(input, dataset.framework);
  if (problems.length > 0) return refuse(out, problems, t.logArgumentsRefused, false);
  const plan = planLog(workspace, dataset, rep, entry, { asOf: today, identity });
  const shown = plan.file;
  // The warnings about the rep's file, but those about the year so far (what was never observed): a session is logged
  // as it happened, and `revue status` is where the year stands.
  const mine = plan.diagnostics
    .filter((d) => d.severity === 'error' || (samePath(d.file, plan.file) && !YEAR_SO_FAR.has(d.code)))
    .map((d) => atArgument(d, plan, input));
  if (plan.diagnostics.some((d) => d.severity === 'error'))
    return refuse(out, mine, t.logRefused({ file: displayPath(out, shown) }));
  reportDiagnostics(out, mine, null, quiet, false);
  await writeFileAtomic(plan.file, plan.text);
  const name = identity?.name ?? dataset.reps.findLast((r) => r.id === rep)?.data.name ?? rep;
  out.say(out.style.green(t.logWritten({ date, name, file: displayPath(out, plan.file), created: plan.created })));
  return EXIT.ok;
}

/** The rep named on the command line, by id or by name. */
function repId(typed: string, dataset: Dataset, out: Console): string {
  const reps = new Map(dataset.reps.map((r) => [r.id, r.data.name]));
  if (reps.has(typed)) return typed;
  const byName = [...reps].find(([, name]) => fold(name) === fold(typed));
  if (byName !== undefined) return byName[0];
  const suggestion = closest(typed, [...reps.keys()]) ?? closest(typed, [...reps.values()]);
  throw new UsageError(out.t.logUnknownRep({ rep: typed }), {
    hint: suggestion === undefined ? out.t.logNewRepHint : out.t.didYouMean({ suggestion }),
  });
}

/** The id of a rep new to the workspace: the slug of their name, refused when a file already has it. */
function newRepId(name: string, workspace: LoadedWorkspace, out: Console): string {
  const id = slugify(name);
  if (id === '') throw new UsageError(out.t.logNoSlug({ name }));
  for (const year of workspace.years) {
    const taken = year.files.find((f) => f.stem === id);
    if (taken !== undefined)
      throw new UsageError(out.t.logRepTaken({ id, file: displayPath(out, taken.path) }), {
        hint: out.t.logRepTakenHint({ id }),
      });
  }
  return id;
}

function roleId(typed: string, dataset: Dataset, out: Console): string {
  const roles = dataset.framework.roles;
  const id = findId(typed, roles);
  if (id !== undefined) return id;
  const suggestion = closest(
    typed,
    roles.map((r) => r.id),
  );
  throw new UsageError(out.t.logUnknownRole({ role: typed, roles: roles.map((r) => r.id) }), {
    ...(suggestion === undefined ? {} : { hint: out.t.didYouMean({ suggestion }) }),
  });
}

function refuse(out: Console, diagnostics: readonly Diagnostic[], why: string, summary = true): ExitCode {
  reportDiagnostics(out, diagnostics, null, quiet, summary);
  out.say(out.style.red(why));
  return EXIT.failed;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function displayPath(out: Console, file: string): string {
  return path.relative(out.io.cwd, path.resolve(out.io.cwd, file)) || file;
}

/**
 * A diagnostic of the whole workspace's check that falls in the new entry
 * (a line not on disk): placed at the argument it came from, as those of
 * `resolveEntry` are. Any other is left as it is.
 */
function atArgument(d: Diagnostic, plan: LogPlan, input: LogInput): Diagnostic {
  const [first, last] = plan.entryLines;
  if (!samePath(d.file, plan.file) || d.line < first || d.line > last) return d;
  const lines = plan.text.split(/\r?\n/);
  const line = lines[d.line - 1] ?? '';
  const key = /^\s*(?:-\s+)?([^\s:{]+):/.exec(line)?.[1];
  const indent = line.search(/\S/);
  const parent = lines
    .slice(first - 1, d.line - 1)
    .reverse()
    .find((l) => l.trim() !== '' && l.search(/\S/) < indent)
    ?.trim();
  const typed = (option: string, value: string | undefined) =>
    value === undefined ? undefined : `--${option} ${value}`;
  let argument: string | undefined;
  if (parent === 'actions:') argument = input.actions.map((a) => `--action ${a}`).join(' ');
  else if (parent === 'notes:') argument = input.notes.map((n) => `--note ${n}`).join(' ');
  else if (parent === 'scores:' || key === 'scores') argument = input.scores.join(' ');
  else if (key === 'date') argument = `--date ${input.date}`;
  else if (key === 'kind' || key === 'context' || key === 'strengths' || key === 'improvements')
    argument = typed(key, input[key]);
  if (argument === undefined || argument === '') return d;
  const { excerpt: _excerpt, ...rest } = d;
  return { ...rest, file: argument, line: 0, column: 0 };
}

/**
 * The command line a manager could have typed, made of this workspace: the
 * rep named (or its first rep), its first context and two competencies
 * scored at the middle of the scale (the catalogue writes them with the
 * workspace's decimal mark: `closing=2,5` in French).
 */
function example(rep: string | undefined, dataset: Dataset) {
  const { framework } = dataset;
  const { min, max, step } = framework.scale;
  const middle = min + Math.round((max - min) / 2 / step) * step;
  const latest = dataset.years.at(-1);
  return {
    rep: rep ?? dataset.reps.find((r) => r.year === latest)?.id ?? dataset.reps[0]?.id ?? 'alice-martin',
    context: framework.contexts?.[0]?.id,
    scores: framework.competencies
      .slice(0, 2)
      .map((c, i) => ({ id: c.id, score: Number((i === 0 ? middle : middle - step).toFixed(6)) })),
  };
}
