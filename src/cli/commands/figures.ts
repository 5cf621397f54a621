import { defineCommand } from 'citty';
import { figuresToCsv, stringifyFigures } from '../../analyze/index.js';
import { figures } from '../../figures.js';
import type { Console } from '../context.js';
import { EXIT } from '../exit.js';
import { dataArg, parseYear, yearArg } from './shared-args.js';

const args = {
  data: dataArg,
  year: yearArg,
  format: {
    type: 'enum' as const,
    options: ['json', 'csv'],
    default: 'json',
    description: 'json (one object) or csv (one row per rep and competency)',
  },
};

export const figuresCommand = (out: Console) => ({
  args,
  def: defineCommand({
    meta: { name: 'figures', description: 'Print the figures of every rep, team and the organisation (JSON or CSV)' },
    args,
    async run({ args }) {
      const year = parseYear(args.year);
      const result = await figures({ data: args.data, ...(year === undefined ? {} : { year }) });
      out.diagnostics(result.diagnostics.filter((d) => d.severity === 'error'));
      if (result.figures === undefined) return EXIT.failed;
      out.print(args.format === 'csv' ? figuresToCsv(result.figures) : stringifyFigures(result.figures));
      return EXIT.ok;
    },
  }),
});
