/** What a command may use of the process: its streams and environment. */
import type { Diagnostic } from '../model/dataset.js';
import { formatDiagnostic, summarizeDiagnostics } from './format-diagnostic.js';
import { colorsFor, styles, type Styles } from './style.js';

export interface CliIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Calls back on Ctrl-C (SIGINT) or SIGTERM, for commands to stop what they do and say what was done. */
  onInterrupt?: (callback: () => void) => void;
}

export interface Console {
  io: CliIO;
  style: Styles;
  /** Text asked for (figures, a schema): stdout. */
  print: (text: string) => void;
  /** Everything else: stderr. */
  say: (text: string) => void;
  diagnostics: (list: readonly Diagnostic[]) => void;
}

export function createConsole(io: CliIO): Console {
  const style = styles(colorsFor(io.stderr, io.env));
  const say = (text: string) => void io.stderr.write(`${text}\n`);
  return {
    io,
    style,
    print: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    say,
    diagnostics: (list) => {
      const excerpt = io.stderr.isTTY === true;
      for (const d of list) say(formatDiagnostic(d, { excerpt, style }));
      if (list.length > 0) say(summarizeDiagnostics(list));
    },
  };
}
