import { renderUsage, runCommand, type ArgsDef, type CommandDef } from 'citty';
import type { Console } from '../context.js';
import { buildCommand } from './build.js';
import { figuresCommand } from './figures.js';
import { initCommand } from './init.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

/** A command with its argument definitions at hand, so that they can be checked strictly. */
export interface CommandEntry {
  description: string;
  args: ArgsDef;
  run: (rawArgs: readonly string[]) => Promise<unknown>;
  usage: () => Promise<string>;
}

/** Every command is written as `{ args, def }`, args being the object given to defineCommand. */
function entry<T extends ArgsDef>({ args, def }: { args: T; def: CommandDef<T> }): CommandEntry {
  const meta = def.meta;
  const description =
    meta !== undefined && typeof meta === 'object' && 'description' in meta ? String(meta.description ?? '') : '';
  return {
    description,
    args,
    run: async (rawArgs) => (await runCommand(def, { rawArgs: [...rawArgs] })).result,
    usage: () => renderUsage(def),
  };
}

export function commands(out: Console): Record<string, CommandEntry> {
  return {
    build: entry(buildCommand(out)),
    validate: entry(validateCommand(out)),
    figures: entry(figuresCommand(out)),
    schema: entry(schemaCommand(out)),
    init: entry(initCommand(out)),
  };
}
