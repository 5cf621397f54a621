import { defineCommand } from 'citty';
import { validate } from '../../validate/index.js';
import type { Console } from '../context.js';
import { EXIT } from '../exit.js';
import { dataArg } from './shared-args.js';

const args = { data: dataArg };

export const validateCommand = (out: Console) => ({
  args,
  def: defineCommand({
    meta: { name: 'validate', description: 'Check every file of the workspace; exit 1 on any error' },
    args,
    async run({ args }) {
      const { dataset, diagnostics } = await validate({ data: args.data });
      out.diagnostics(diagnostics);
      if (dataset === undefined) return EXIT.failed;
      out.say(out.style.green(`✓ ${args.data}: ${dataset.reps.length + 1} files valid (${dataset.years.join(', ')})`));
      return EXIT.ok;
    },
  }),
});
