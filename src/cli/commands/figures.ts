import type { ParsedArgs } from 'citty';
import { figuresToCsv, stringifyFigures } from '../../analyze/index.js';
import { figures } from '../../figures.js';
import { listYearFolders } from '../../load/workspace.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import { parseChoice, parseDate, parseYear, sourceDateEpoch } from '../values.js';
import { buildDateOf } from './build-date.js';
import type { figuresSpec } from './specs.js';

export async function run(
  args: ParsedArgs<(typeof figuresSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const { t } = out;
  const year = parseYear(t, args.year);
  const format = parseChoice(t, args.format, '--format', ['json', 'csv'] as const) ?? 'json';
  const table = parseChoice(t, args.table, '--table', ['competencies', 'reps'] as const) ?? 'competencies';
  const asOf = buildDateOf(parseDate(t, out.locale, args['as-of']), sourceDateEpoch(t, out.io.env));
  const data = out.workspace.data;
  const result = await figures({
    data,
    ...(year === undefined ? {} : { year }),
    ...(asOf === undefined ? {} : { asOf }),
  });
  const verbosity = { verbose: args.verbose === true, quiet: args.quiet === true };
  // Figures are what was asked for: the warnings stay out of the way, the errors say why there are none.
  const shown = verbosity.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity === 'error');
  reportDiagnostics(out, shown, year ?? (await listYearFolders(data)).at(-1) ?? null, verbosity);
  if (result.figures === undefined || result.framework === undefined) return EXIT.failed;
  out.print(
    format === 'csv'
      ? figuresToCsv(result.figures, { framework: result.framework, table })
      : stringifyFigures(result.figures),
  );
  return EXIT.ok;
}
