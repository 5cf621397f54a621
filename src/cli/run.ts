/**
 * The command line: a thin layer over the library. It gets argv and the
 * streams from bin.ts, the only file that touches process.argv and process.exit.
 */
import type { ArgsDef } from 'citty';
import { isRevueError, UsageError } from '../errors.js';
import { VERSION as version } from '../version.js';
import { createConsole, type CliIO, type Console } from './context.js';
import { EXIT, EXIT_FOR, type ExitCode } from './exit.js';
import { commands, type CommandEntry } from './commands/index.js';

export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const out = createConsole(io);
  const subCommands = commands(out);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) {
      out.say(rootUsage(subCommands));
      return EXIT.usage;
    }
    out.print(rootUsage(subCommands));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    out.print(version);
    return EXIT.ok;
  }
  try {
    const command = subCommands[name];
    if (command === undefined)
      throw new UsageError(`unknown command "${name}"`, { hint: `commands: ${Object.keys(subCommands).join(', ')}` });
    if (rest.includes('--help') || rest.includes('-h')) {
      out.print(await command.usage());
      return EXIT.ok;
    }
    rejectUnknownOptions(command.args, rest);
    const result = await command.run(rest);
    return isExitCode(result) ? result : EXIT.ok;
  } catch (error: unknown) {
    return report(error, out, name);
  }
}

function report(error: unknown, out: Console, command: string): ExitCode {
  if (isRevueError(error)) {
    out.say(`${out.style.red('error')}: ${error.message}`);
    if (error.hint !== undefined) out.say(`  ${out.style.cyan('hint')}: ${error.hint}`);
    if (error.code === 'USAGE') out.say(`  run "revue ${command} --help" for usage`);
    return EXIT_FOR[error.code];
  }
  if (error instanceof Error && error.name === 'CLIError') {
    out.say(`${out.style.red('error')}: ${error.message}`);
    return EXIT.usage;
  }
  out.say(`${out.style.red('internal error')} (a bug in revue, please report it):`);
  out.say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.failed;
}

/** citty accepts any option; a mistyped one must not be silently ignored. */
function rejectUnknownOptions(defs: ArgsDef, rawArgs: readonly string[]): void {
  const known = new Set<string>();
  for (const [name, def] of Object.entries(defs)) {
    known.add(name);
    known.add(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    const aliases = 'alias' in def && def.alias !== undefined ? def.alias : [];
    for (const alias of Array.isArray(aliases) ? aliases : [aliases]) known.add(alias);
    if (def.type === 'boolean') known.add(`no-${name}`);
  }
  for (const arg of rawArgs) {
    if (arg === '--') break;
    const match = /^--?([^=]+)/.exec(arg);
    if (match?.[1] !== undefined && !known.has(match[1]) && !/^-\d/.test(arg)) {
      throw new UsageError(`unknown option "${arg}"`, {
        hint: `options: ${[...Object.keys(defs)].map((k) => `--${k}`).join(', ')}`,
      });
    }
  }
}

function isExitCode(value: unknown): value is ExitCode {
  return value === EXIT.ok || value === EXIT.failed || value === EXIT.usage;
}

function rootUsage(subCommands: Record<string, CommandEntry>): string {
  const width = Math.max(...Object.keys(subCommands).map((k) => k.length));
  return [
    `revue ${version}: annual review PDFs from sales coaching logs`,
    '',
    'Usage: revue <command> [options]',
    '',
    'Commands:',
    ...Object.entries(subCommands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.description}`),
    '',
    'Run "revue <command> --help" for the options of a command.',
  ].join('\n');
}
