import type { ParsedArgs } from 'citty';
import { validate } from '../../validate/index.js';
import { listYearFolders } from '../../load/workspace.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { diagnosticsJson, reportDiagnostics } from '../report-diagnostics.js';
import { parseChoice, parseDate, sourceDateEpoch } from '../values.js';
import { buildDateOf } from './build-date.js';
import type { validateSpec } from './specs.js';

export async function run(
  args: ParsedArgs<(typeof validateSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const { t } = out;
  const format = parseChoice(t, args.format, '--format', ['text', 'json'] as const) ?? 'text';
  const asOf = buildDateOf(parseDate(t, out.locale, args['as-of']), sourceDateEpoch(t, out.io.env));
  const data = out.workspace.data;
  const { dataset, diagnostics } = await validate({ data, ...(asOf === undefined ? {} : { asOf }) });
  if (format === 'json') {
    out.print(diagnosticsJson(out, diagnostics));
    return dataset === undefined ? EXIT.failed : EXIT.ok;
  }
  const years = await listYearFolders(data);
  const verbosity = { verbose: args.verbose === true, quiet: args.quiet === true };
  reportDiagnostics(out, diagnostics, years.at(-1) ?? null, verbosity);
  if (dataset === undefined) return EXIT.failed;
  if (!verbosity.quiet)
    out.say(out.style.green(t.valid({ data, files: dataset.reps.length + 1, years: dataset.years })));
  return EXIT.ok;
}
