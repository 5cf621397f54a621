import path from 'node:path';
import type { ParsedArgs } from 'citty';
import { startOfYear, utcDay } from '../../analyze/dates.js';
import { build, type BuildOptions, type BuildResult } from '../../build.js';
import { listYearFolders } from '../../load/workspace.js';
import { watchBuild } from '../../watch.js';
import { isRevueError } from '../../errors.js';
import { repeated } from '../args.js';
import type { Console } from '../context.js';
import { boundHeapGrowth } from '../heap.js';
import { EXIT, type ExitCode } from '../exit.js';
import { createProgress } from '../progress.js';
import type { Verbosity } from '../report-diagnostics.js';
import { reasonOf, sayError, textOf } from '../say-error.js';
import { parseDate, parseSeconds, parseShardArg, parseWholeNumber, parseYear, sourceDateEpoch } from '../values.js';
import { buildDateOf } from './build-date.js';
import type { buildSpec } from './specs.js';

export async function run(
  args: ParsedArgs<(typeof buildSpec)['args']>,
  rawArgs: readonly string[],
  out: Console,
): Promise<ExitCode> {
  boundHeapGrowth();
  const { t } = out;
  const year = parseYear(t, args.year);
  const reps = repeated(rawArgs, 'rep');
  const concurrency = parseWholeNumber(t, args.concurrency, '--concurrency');
  const shard = parseShardArg(t, args.shard);
  const wait = parseSeconds(t, args.wait, '--wait');
  const epoch = sourceDateEpoch(t, out.io.env);
  const asOf = buildDateOf(parseDate(t, out.locale, args['as-of']), epoch);
  const { data, found } = out.workspace;
  const verbosity: Verbosity = { verbose: args.verbose === true, quiet: args.quiet === true };
  // The year folders, when the build takes the latest: for the progress line, and to say when that year has not begun.
  const folders = year === undefined ? await listYearFolders(data) : [];
  const progress = createProgress(out, year ?? folders.at(-1) ?? null, verbosity);
  const options: BuildOptions = {
    data,
    // Found from a folder inside the workspace: the reports go to the workspace's output/, not the current folder's.
    out:
      args.out ??
      (found ? path.relative(out.io.cwd, path.join(path.dirname(path.resolve(out.io.cwd, data)), 'output')) : 'output'),
    ...(year === undefined ? {} : { year }),
    ...(reps.length === 0 ? {} : { reps }),
    htmlOnly: args['html-only'] === true,
    force: args.force === true,
    ...(shard === undefined ? {} : { shard }),
    ...(wait === undefined ? {} : { lockTimeout: wait * 1000 }),
    ...(args.templates === undefined ? {} : { templates: args.templates }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(epoch === undefined ? {} : { sourceDateEpoch: epoch }),
    ...(asOf === undefined ? {} : { asOf }),
    env: out.io.env,
    onProgress: progress.update,
  };
  if (args.watch !== true) {
    // Ctrl-C or SIGTERM stops the build, which still ends with its summary (a second one kills revue).
    const interrupt = new AbortController();
    out.io.onInterrupt?.(() => interrupt.abort());
    const result = await build({ ...options, signal: interrupt.signal }).finally(progress.stop);
    const code = summarize(out, result, verbosity);
    if (year === undefined && !verbosity.quiet) sayIfNotBegun(out, result.year, asOf ?? utcDay(Date.now()), folders);
    return code;
  }

  const stop = new AbortController();
  out.io.onInterrupt?.(() => stop.abort());
  await watchBuild(
    // A short quiet time after a save (issue 14: save → PDF under 800 ms); a build started on half a save is
    // followed by another, watch.ts gathers the changes made meanwhile.
    { ...options, signal: stop.signal, debounceMs: 50 },
    {
      onChange: (files) => out.say(out.style.dim(t.changed({ files: files.map((f) => path.relative(out.io.cwd, f)) }))),
      onBuild: (result) => {
        progress.stop();
        summarize(out, result, verbosity);
        out.say(out.style.dim(t.watching));
      },
      onError: (error) => {
        progress.stop();
        if (isRevueError(error)) sayError(out, error);
        else
          out.say(
            t.labelled({ label: out.style.red(t.error), text: error instanceof Error ? error.message : String(error) }),
          );
      },
    },
  );
  out.say(t.stoppedWatching);
  return EXIT.ok;
}

/** The closing summary (SPEC §7): reports written, skipped, failed, warnings, time. */
function summarize(out: Console, result: BuildResult, { quiet }: Verbosity): ExitCode {
  const { t, style } = out;
  if (!result.ok) {
    out.say(style.red(t.invalidData));
    return EXIT.failed;
  }
  const count = (status: string) => result.reports.filter((r) => r.status === status).length;
  const failed = result.reports.filter((r) => r.status === 'failed');
  for (const report of failed) {
    const file = path.relative(out.io.cwd, report.file);
    out.say(style.red(t.reportFailed({ file, reason: reasonOf(out, report.error) })));
  }
  const reportWarnings = result.reports.flatMap((r) => (r.warnings ?? []).map((w) => ({ file: r.file, message: w })));
  if (!quiet)
    for (const warning of reportWarnings)
      out.say(
        style.yellow(
          t.reportWarning({ file: path.relative(out.io.cwd, warning.file), warning: textOf(out, warning.message) }),
        ),
      );
  if (!quiet)
    for (const stale of result.removed) {
      const file = path.relative(out.io.cwd, stale.file);
      out.say(style.dim(t.removed({ file, kind: stale.kind, year: result.year })));
    }
  // What failed besides the reports (the index or the manifest not written, an interruption): after them, before the count.
  for (const error of result.errors) sayError(out, error);
  const ok = failed.length === 0 && result.errors.length === 0;
  if (quiet && ok) return EXIT.ok;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length + reportWarnings.length;
  const summary = t.buildSummary({
    year: result.year,
    written: count('written'),
    skipped: count('skipped'),
    failed: failed.length,
    warnings,
    seconds: (result.durationMs / 1000).toFixed(1),
  });
  out.say(`${ok ? style.green('✓') : style.red('✗')} ${summary}`);
  if (result.index !== null && !quiet) out.say(t.openIndex({ file: path.relative(out.io.cwd, result.index) }));
  return ok ? EXIT.ok : EXIT.failed;
}

/**
 * The latest year folder, which a build takes by default, may be one that
 * `revue new-year` made in December: built before 1 January, its reports show
 * no session. Said, with the command for this year's reviews, when the year
 * before it has a folder.
 */
function sayIfNotBegun(out: Console, year: number | null, asOf: string, folders: readonly number[]): void {
  if (year === null || asOf >= startOfYear(year)) return;
  const previous = year - 1;
  if (!folders.includes(previous)) return;
  out.say(out.style.yellow(out.t.yearNotBegun({ year, asOf, previous })));
}
