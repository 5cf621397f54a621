/** `revue status` (SPEC §7): where coaching stands on a day, for the reps of that day's year. */
import type { ParsedArgs } from 'citty';
import { buildDate } from '../../plan/as-of.js';
import { coachingStatus } from '../../status/coaching-status.js';
import { validate } from '../../validate/index.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import { statusTable } from '../status-table.js';
import { colorsFor, styles } from '../style.js';
import { parseChoice, parseDate, parseWholeNumber, sourceDateEpoch } from '../values.js';
import type { statusSpec } from './specs.js';

export async function run(
  args: ParsedArgs<(typeof statusSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const { t } = out;
  const format = parseChoice(t, args.format, '--format', ['text', 'json'] as const) ?? 'text';
  const days = parseWholeNumber(t, args.days, '--days') ?? 30;
  const asOf = buildDate({
    asOf: parseDate(t, out.locale, args['as-of']),
    sourceDateEpoch: sourceDateEpoch(t, out.io.env),
  });
  const { dataset, diagnostics } = await validate({ data: out.workspace.data, asOf });
  const year = Number(asOf.slice(0, 4));
  // What is asked for is the status: the errors say why there is none, the warnings stay out of the way.
  reportDiagnostics(
    out,
    diagnostics.filter((d) => d.severity === 'error'),
    year,
    { verbose: false, quiet: false },
  );
  if (dataset === undefined) return EXIT.failed;
  const status = coachingStatus(dataset, asOf, days);
  if (format === 'json') {
    out.print(`${JSON.stringify(status, null, 2)}\n`);
    return EXIT.ok;
  }
  if (status.reps.length === 0) {
    out.say(t.statusNoReps({ year }));
    return EXIT.ok;
  }
  out.print(statusTable(status, dataset.framework, t, styles(colorsFor(out.io.stdout, out.io.env))));
  return EXIT.ok;
}
