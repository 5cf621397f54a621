/**
 * `revue new-year [YEAR]` (SPEC §7): next year's files from this year's, the
 * course set. It never overwrites a file (not even one saved meanwhile:
 * write/create-new.ts), lists what it wrote, and
 * validates the workspace with them.
 */
import path from 'node:path';
import type { ParsedArgs } from 'citty';
import { UsageError } from '../../errors.js';
import { nextYearFiles } from '../../new-year/next-year-files.js';
import { buildDate } from '../../plan/as-of.js';
import { validate } from '../../validate/index.js';
import { createFileAtomic } from '../../write/create-new.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import { parseDate, parseYear, sourceDateEpoch } from '../values.js';
import type { newYearSpec } from './specs.js';

export async function run(
  args: ParsedArgs<(typeof newYearSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const { t } = out;
  const asked = parseYear(t, args.year, 'YEAR');
  const asOf = buildDate({
    asOf: parseDate(t, out.locale, args['as-of']),
    sourceDateEpoch: sourceDateEpoch(t, out.io.env),
  });
  const data = out.workspace.data;
  const before = await validate({ data, asOf });
  const { dataset } = before;
  if (dataset === undefined) {
    reportDiagnostics(out, before.diagnostics, null, { verbose: false, quiet: false });
    return EXIT.failed;
  }
  const latest = dataset.years.at(-1);
  if (latest === undefined) throw new UsageError(t.noYearFolder, { hint: t.noYearFolderHint });
  const year = asked ?? latest + 1;
  if (!dataset.reps.some((r) => r.year === year - 1))
    throw new UsageError(t.newYearNoPrevious({ year, previous: year - 1 }), {
      hint: t.knownYears({ years: dataset.years }),
    });
  const files = nextYearFiles(dataset, year, asOf);
  if (files.length === 0) {
    out.say(t.newYearNothing({ year, previous: year - 1 }));
    return EXIT.ok;
  }
  const written: typeof files = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = path.join(data, file.path);
    if (await createFileAtomic(target, file.text)) written.push(file);
    else kept.push(target);
  }
  if (written.length > 0) out.say(out.style.green(t.newYearWrote({ count: written.length, year })));
  for (const file of written) out.say(t.newYearFile({ file: path.join(data, file.path), goals: file.goals }));
  for (const file of kept) out.say(t.newYearKept({ file }));
  // The files just written are checked with the whole workspace; that they have no session yet is no news.
  const after = await validate({ data, asOf });
  const errors = after.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) reportDiagnostics(out, errors, year, { verbose: false, quiet: false });
  return after.dataset === undefined ? EXIT.failed : EXIT.ok;
}
