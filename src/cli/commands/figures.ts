import { defineCommand } from 'citty';
import { computeFigures, figuresToCsv, latestYear, stringifyFigures } from '../../analyze/index.js';
import { UsageError } from '../../errors.js';
import { validate } from '../../validate/index.js';
import type { Console } from '../context.js';
import { EXIT } from '../exit.js';
import { dataArg, parseYear, yearArg } from './shared-args.js';

const args = {
  data: dataArg,
  year: yearArg,
  format: { type: 'enum' as const, options: ['json', 'csv'], default: 'json', description: 'json (one object) or csv (one row per rep and competency)' },
};

export const figuresCommand = (out: Console) => ({
  args,
  def: defineCommand({
    meta: { name: 'figures', description: 'Print the figures of every rep, team and the organisation (JSON or CSV)' },
    args,
    async run({ args }) {
      const { dataset, diagnostics } = await validate({ data: args.data });
      out.diagnostics(diagnostics.filter((d) => d.severity === 'error'));
      if (dataset === undefined) return EXIT.failed;
      const year = parseYear(args.year) ?? latestYear(dataset);
      if (year === null) throw new UsageError('the workspace has no year folder yet');
      if (!dataset.years.includes(year)) throw new UsageError(`no data for ${year}`, { hint: `years in the workspace: ${dataset.years.join(', ')}` });
      const figures = computeFigures(dataset, year);
      out.print(args.format === 'csv' ? figuresToCsv(figures) : stringifyFigures(figures));
      return EXIT.ok;
    },
  }),
});
