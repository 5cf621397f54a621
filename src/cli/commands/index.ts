/**
 * The commands, each loaded when it runs: `revue --version`, the help and
 * `revue validate` never load the browser, the templates nor the charts
 * (test/cli/lazy-imports.test.ts records what a command loads).
 */
import type { ArgsDef, ParsedArgs } from 'citty';
import type { CommandName } from '../../messages/cli.js';
import { parseCommandArgs, type CommandSpec } from '../args.js';
import type { Console } from '../context.js';
import type { ExitCode } from '../exit.js';
import {
  buildSpec,
  figuresSpec,
  initSpec,
  logSpec,
  newYearSpec,
  previewSpec,
  schemaSpec,
  statusSpec,
  validateSpec,
} from './specs.js';

export type Runner<T extends ArgsDef> = (
  args: ParsedArgs<T>,
  rawArgs: readonly string[],
  out: Console,
) => Promise<ExitCode>;

export interface CommandEntry {
  spec: CommandSpec;
  run: (rawArgs: readonly string[], out: Console) => Promise<ExitCode>;
}

function entry<T extends ArgsDef>(spec: CommandSpec<T>, load: () => Promise<Runner<T>>): CommandEntry {
  return {
    spec,
    run: async (rawArgs, out) => {
      // Checked before the command's code is loaded: a usage error costs nothing.
      const args = parseCommandArgs(spec, rawArgs, out.t);
      return (await load())(args, rawArgs, out);
    },
  };
}

export const COMMANDS: Readonly<Record<CommandName, CommandEntry>> = {
  build: entry(buildSpec, async () => (await import('./build.js')).run),
  validate: entry(validateSpec, async () => (await import('./validate.js')).run),
  figures: entry(figuresSpec, async () => (await import('./figures.js')).run),
  schema: entry(schemaSpec, async () => (await import('./schema.js')).run),
  init: entry(initSpec, async () => (await import('./init.js')).run),
  log: entry(logSpec, async () => (await import('./log.js')).run),
  status: entry(statusSpec, async () => (await import('./status.js')).run),
  'new-year': entry(newYearSpec, async () => (await import('./new-year.js')).run),
  preview: entry(previewSpec, async () => (await import('./preview.js')).run),
};

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
