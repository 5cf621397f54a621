import path from 'node:path';
import { defineCommand } from 'citty';
import { UsageError } from '../../errors.js';
import { init } from '../../init/init-workspace.js';
import type { Console } from '../context.js';
import { EXIT } from '../exit.js';
import { parseYear } from './shared-args.js';

const args = {
  dir: {
    type: 'positional',
    description: 'The folder to create the workspace in (default: the current folder)',
    default: '.',
    required: false,
  },
  locale: {
    type: 'string',
    description: 'The language of the example and of the reports: fr or en',
    default: 'en',
    valueHint: 'fr|en',
  },
  year: { type: 'string', description: 'The year of the example rep (default: the current year)', valueHint: 'YYYY' },
} as const;

export const initCommand = (out: Console) => ({
  args,
  def: defineCommand({
    meta: { name: 'init', description: 'Create a workspace with an example framework and rep, ready to build' },
    args,
    async run({ args }) {
      if (args.locale !== 'fr' && args.locale !== 'en')
        throw new UsageError(`--locale expects fr or en, got "${args.locale}"`);
      // The clock is read here, at the edge: init itself is given its year.
      const year = parseYear(args.year) ?? new Date().getFullYear();
      const dir = args.dir;
      const result = await init({ dir: path.resolve(out.io.cwd, dir), locale: args.locale, year });

      out.say(out.style.green(`✓ revue workspace created in ${dir === '.' ? 'the current folder' : dir}`));
      for (const file of result.written) out.say(`  ${file}`);
      if (result.appended !== null) out.say(`  ${result.appended} (added output/)`);
      out.say('');
      out.say('Next:');
      if (dir !== '.') out.say(`  cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir}`);
      out.say('  revue validate        check the files');
      out.say(`  revue build           write the reports, then open output/${year}/index.html`);
      out.say('  revue build --watch   rebuild each time you save a file');
      return EXIT.ok;
    },
  }),
});
