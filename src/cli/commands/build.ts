import path from 'node:path';
import { defineCommand } from 'citty';
import { build, type BuildOptions, type BuildResult } from '../../build.js';
import { watchBuild } from '../../watch.js';
import { parseShard } from '../../plan/shard.js';
import { UsageError } from '../../errors.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { createProgress } from '../progress.js';
import { dataArg, parseYear, repeated, yearArg } from './shared-args.js';

const args = {
  data: dataArg,
  out: {
    type: 'string',
    description: 'Where reports are written, one folder per year',
    default: 'output',
    valueHint: 'DIR',
  },
  year: yearArg,
  rep: { type: 'string', description: 'Only this rep’s report (repeatable)', valueHint: 'ID' },
  htmlOnly: { type: 'boolean', description: 'Write standalone HTML files instead of PDFs', default: false },
  templates: {
    type: 'string',
    description: 'Templates overriding the package’s (default: templates/ beside the data folder)',
    valueHint: 'DIR',
  },
  concurrency: { type: 'string', description: 'Pages printing at the same time (default: 2)', valueHint: 'N' },
  watch: { type: 'boolean', description: 'Rebuild what a saved file affects, until Ctrl-C', default: false },
  force: { type: 'boolean', description: 'Render every report, even those that are up to date', default: false },
  shard: {
    type: 'string',
    description: 'Render only the K-th of N deterministic parts (teams, organisation and index in part 1)',
    valueHint: 'K/N',
  },
  wait: {
    type: 'string',
    description: 'Seconds to wait for another build writing into the same output (default: 0, refuse at once)',
    valueHint: 'S',
  },
} as const;

export const buildCommand = (out: Console) => ({
  args,
  def: defineCommand({
    meta: {
      name: 'build',
      description: 'Render the year’s reports: one PDF per rep, per team, and for the organisation',
    },
    args,
    async run({ args, rawArgs }) {
      const year = parseYear(args.year);
      const reps = repeated(rawArgs, 'rep');
      const concurrency = args.concurrency === undefined ? undefined : Number(args.concurrency);
      if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1))
        throw new UsageError(`--concurrency expects a whole number ≥ 1, got "${args.concurrency}"`);
      const shard = args.shard === undefined ? undefined : parseShard(args.shard);
      const wait = args.wait === undefined ? undefined : Number(args.wait);
      if (wait !== undefined && (!Number.isFinite(wait) || wait < 0))
        throw new UsageError(`--wait expects a number of seconds, got "${args.wait}"`);
      const epoch = out.io.env['SOURCE_DATE_EPOCH'];
      const progress = createProgress(out);
      const options: BuildOptions = {
        data: args.data,
        out: args.out,
        ...(year === undefined ? {} : { year }),
        ...(reps.length === 0 ? {} : { reps }),
        htmlOnly: args.htmlOnly,
        force: args.force,
        ...(shard === undefined ? {} : { shard }),
        ...(wait === undefined ? {} : { lockTimeout: wait * 1000 }),
        ...(args.templates === undefined ? {} : { templates: args.templates }),
        ...(concurrency === undefined ? {} : { concurrency }),
        ...(epoch === undefined || !/^\d+$/.test(epoch) ? {} : { sourceDateEpoch: Number(epoch) }),
        env: out.io.env,
        onProgress: progress.update,
      };
      if (!args.watch) {
        // Ctrl-C or SIGTERM stops the build, which still ends with its summary (a second one kills revue).
        const interrupt = new AbortController();
        out.io.onInterrupt?.(() => interrupt.abort());
        return summarize(out, await build({ ...options, signal: interrupt.signal }).finally(progress.stop));
      }

      const stop = new AbortController();
      out.io.onInterrupt?.(() => stop.abort());
      await watchBuild(
        { ...options, signal: stop.signal },
        {
          onChange: (files) =>
            out.say(out.style.dim(`changed: ${files.map((f) => path.relative(out.io.cwd, f)).join(', ')}`)),
          onBuild: (result) => {
            progress.stop();
            summarize(out, result);
            out.say(out.style.dim('watching for changes (Ctrl-C to stop)'));
          },
          onError: (error) => {
            progress.stop();
            out.say(`${out.style.red('error')}: ${error instanceof Error ? error.message : String(error)}`);
          },
        },
      );
      out.say('stopped watching');
      return EXIT.ok;
    },
  }),
});

/** The closing summary (SPEC §7): reports written, skipped, failed, warnings, time. */
function summarize(out: Console, result: BuildResult): ExitCode {
  if (!result.ok) {
    out.say(out.style.red('The data is invalid: no report was written.'));
    return EXIT.failed;
  }
  const count = (status: string) => result.reports.filter((r) => r.status === status).length;
  const failed = result.reports.filter((r) => r.status === 'failed');
  for (const report of failed)
    out.say(
      `${out.style.red('failed')}: ${path.relative(out.io.cwd, report.file)}: ${report.error?.message ?? 'unknown error'}`,
    );
  const reportWarnings = result.reports.flatMap((r) => (r.warnings ?? []).map((w) => ({ file: r.file, message: w })));
  for (const warning of reportWarnings)
    out.say(`${out.style.yellow('warning')}: ${path.relative(out.io.cwd, warning.file)}: ${warning.message}`);
  for (const stale of result.removed) {
    const file = path.relative(out.io.cwd, stale.file);
    const what = stale.kind === 'rep' ? 'rep' : stale.kind === 'team' ? 'team' : 'report';
    out.say(`${out.style.dim('removed')} ${file}: no such ${what} in ${result.year}`);
  }
  // What failed besides the reports (the index or the manifest not written, an interruption): after them, before the count.
  for (const error of result.errors) {
    out.say(`${out.style.red('error')}: ${error.message}`);
    if (error.hint !== undefined) out.say(`  ${out.style.cyan('hint')}: ${error.hint}`);
  }
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length + reportWarnings.length;
  const seconds = (result.durationMs / 1000).toFixed(1);
  out.say(
    `${failed.length === 0 && result.errors.length === 0 ? out.style.green('✓') : out.style.red('✗')} ${result.year}: ${count('written')} written, ${count('skipped')} skipped, ${failed.length} failed, ${warnings} warning${warnings === 1 ? '' : 's'} in ${seconds} s`,
  );
  if (result.index !== null) out.say(`  open ${path.relative(out.io.cwd, result.index)}`);
  return failed.length === 0 && result.errors.length === 0 ? EXIT.ok : EXIT.failed;
}
