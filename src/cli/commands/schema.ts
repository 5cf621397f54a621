import type { ParsedArgs } from 'citty';
import { UsageError } from '../../errors.js';
import { jsonSchema } from '../../model/json-schema.js';
import { closest } from '../../model/text.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { schemaSpec } from './specs.js';

export function run(
  args: ParsedArgs<(typeof schemaSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const name = args.name ?? 'rep';
  if (name !== 'framework' && name !== 'rep') {
    const suggestion = closest(name, ['framework', 'rep']);
    throw new UsageError(out.t.unknownSchema({ name }), {
      hint: suggestion === undefined ? out.t.schemaHint : out.t.didYouMean({ suggestion }),
    });
  }
  out.print(JSON.stringify(jsonSchema(name), null, 2));
  return Promise.resolve(EXIT.ok);
}
