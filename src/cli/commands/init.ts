import path from 'node:path';
import type { ParsedArgs } from 'citty';
import { init } from '../../init/init-workspace.js';
import type { Console } from '../context.js';
import { EXIT, type ExitCode } from '../exit.js';
import { parseChoice, parseYear } from '../values.js';
import type { initSpec } from './specs.js';

export async function run(
  args: ParsedArgs<(typeof initSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  const { t } = out;
  const locale = parseChoice(t, args.locale, '--locale', ['fr', 'en'] as const) ?? 'en';
  // The clock is read here, at the edge: init itself is given its year.
  const year = parseYear(t, args.year) ?? new Date().getFullYear();
  const dir = args.dir ?? '.';
  const result = await init({ dir: path.resolve(out.io.cwd, dir), locale, year });

  out.say(out.style.green(t.initCreated({ dir: dir === '.' ? undefined : dir })));
  for (const file of result.written) out.say(`  ${file}`);
  if (result.appended !== null) out.say(t.initAppended({ file: result.appended }));
  out.say('');
  out.say(t.initNext);
  if (dir !== '.') out.say(`  cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir}`);
  out.say(t.initValidate);
  out.say(t.initBuild({ year }));
  out.say(t.initWatch);
  return EXIT.ok;
}
