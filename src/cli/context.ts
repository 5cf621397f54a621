/** What a command may use of the process (its streams and environment), and the words of its language. */
import type { CliCatalogue } from '../messages/cli.js';
import type { Locale } from '../messages/diagnostics.js';
import { colorsFor, styles, type Styles } from './style.js';
import { terminalText } from './terminal-text.js';

export interface CliIO {
  /** Whether the standard input is a terminal (`revue log` then asks what is missing). Default: false. */
  stdinIsTTY?: boolean;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Calls back on Ctrl-C (SIGINT) or SIGTERM, for commands to stop what they do and say what was done. */
  onInterrupt?: (callback: () => void) => void;
}

/** Where the workspace is, as the command line resolved it. */
export interface Workspace {
  /** The data folder: `--data`, else found from the current folder up, else `data`. As the user would type it. */
  data: string;
  /** Whether `data` was found by walking up (then the output goes beside it). */
  found: boolean;
}

export interface Console {
  io: CliIO;
  style: Styles;
  /** Colours and the progress bar: a terminal, without NO_COLOR. */
  colors: boolean;
  locale: Locale;
  t: CliCatalogue;
  workspace: Workspace;
  /** Text asked for (figures, a schema, JSON diagnostics): stdout. */
  print: (text: string) => void;
  /** Everything else: stderr. */
  say: (text: string) => void;
}

export function createConsole(io: CliIO, locale: Locale, t: CliCatalogue, workspace: Workspace): Console {
  const colors = colorsFor(io.stderr, io.env);
  return {
    io,
    style: styles(colors),
    colors,
    locale,
    t,
    workspace,
    // The one way out to the terminal: no control character from the data gets through (terminal-text.ts).
    print: (text) => void io.stdout.write(terminalText(text.endsWith('\n') ? text : `${text}\n`)),
    say: (text) => void io.stderr.write(terminalText(`${text}\n`)),
  };
}
