import { defineCommand } from 'citty';
import { UsageError } from '../../errors.js';
import { jsonSchema } from '../../model/json-schema.js';
import type { Console } from '../context.js';
import { EXIT } from '../exit.js';

const args = { name: { type: 'positional', description: 'framework | rep', default: 'rep', required: false } } as const;

export const schemaCommand = (out: Console) => ({
  args,
  def: defineCommand({
    meta: { name: 'schema', description: 'Print the JSON Schema of framework.yaml or of a rep-year file' },
    args,
    run({ args }) {
      if (args.name !== 'framework' && args.name !== 'rep') {
        throw new UsageError(`unknown schema "${args.name}"`, { hint: 'revue schema framework, or revue schema rep' });
      }
      out.print(JSON.stringify(jsonSchema(args.name), null, 2));
      return EXIT.ok;
    },
  }),
});
