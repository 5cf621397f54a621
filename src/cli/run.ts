/**
 * The command line: a thin layer over the library. It gets argv and the
 * streams from bin.ts, the only file that touches process.argv and
 * process.exit.
 *
 * Before anything else it finds the workspace (`--data`, else by walking up
 * from the current folder) and its language (framework.yaml's `locale`,
 * even when the rest of the file is wrong; English without one): every
 * message, usage errors included, is in that language.
 */
import path from 'node:path';
import { isRevueError, UsageError } from '../errors.js';
import { findDataFolder } from '../load/find-data.js';
import { workspaceLocale } from '../load/locale.js';
import { cliCatalogue } from '../messages/cli.js';
import { isLocale, type Locale } from '../messages/diagnostics.js';
import { closest } from '../model/text.js';
import { VERSION } from '../version.js';
import { renderHelp, renderRootHelp } from './args.js';
import { COMMANDS, isCommandName } from './commands/index.js';
import { SPECS } from './commands/specs.js';
import { createConsole, type CliIO, type Console, type Workspace } from './context.js';
import { EXIT, EXIT_FOR, type ExitCode } from './exit.js';
import { sayError } from './say-error.js';

export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  const workspace = await findWorkspace(rest, io.cwd);
  const locale =
    name === 'init' ? (initLocale(rest) ?? 'en') : await workspaceLocale(path.resolve(io.cwd, workspace.data));
  const out = createConsole(io, locale, cliCatalogue(locale), workspace);

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const help = renderRootHelp(SPECS, out.t, VERSION);
    if (name === undefined) {
      out.say(help);
      return EXIT.usage;
    }
    out.print(help);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    out.print(VERSION);
    return EXIT.ok;
  }
  try {
    if (!isCommandName(name)) {
      const suggestion = closest(name, Object.keys(COMMANDS));
      throw new UsageError(out.t.unknownCommand({ name }), {
        hint:
          suggestion === undefined
            ? out.t.knownCommands({ commands: Object.keys(COMMANDS) })
            : out.t.didYouMean({ suggestion }),
      });
    }
    const command = COMMANDS[name];
    if (rest.includes('--help') || rest.includes('-h')) {
      out.print(renderHelp(command.spec, out.t));
      return EXIT.ok;
    }
    return await command.run(rest, out);
  } catch (error: unknown) {
    return report(error, out, isCommandName(name) ? name : undefined);
  }
}

/** `--data`, else the folder found from the current one up, else `data` (whose absence validation reports). */
async function findWorkspace(args: readonly string[], cwd: string): Promise<Workspace> {
  const given = valueOf(args, 'data');
  if (given !== undefined) return { data: given, found: false };
  const found = await findDataFolder(cwd);
  if (found === undefined) return { data: 'data', found: false };
  return { data: path.relative(cwd, found) || '.', found: true };
}

/** `revue init` speaks the language of the workspace it creates. */
function initLocale(args: readonly string[]): Locale | undefined {
  const value = valueOf(args, 'locale');
  return isLocale(value) ? value : undefined;
}

/** The value of `--name V` or `--name=V`, read before the command's own parsing. */
function valueOf(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

function report(error: unknown, out: Console, command: string | undefined): ExitCode {
  const { t, style } = out;
  if (isRevueError(error)) {
    sayError(out, error);
    if (error.code === 'USAGE') out.say(`  ${command === undefined ? t.runRootHelp : t.runHelp({ command })}`);
    return EXIT_FOR[error.code];
  }
  // citty's own refusals (revue checks options before citty sees them: a safety net, in citty's English).
  if (error instanceof Error && error.name === 'CLIError') {
    out.say(t.labelled({ label: style.red(t.error), text: error.message }));
    return EXIT.usage;
  }
  out.say(style.red(t.internalError));
  out.say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.failed;
}
