/**
 * Colours on a terminal, plain text elsewhere: no ANSI code at all when
 * stderr is not a terminal, when NO_COLOR is set (no-color.org: to any
 * value but the empty string) or when TERM is dumb. The progress bar, which
 * moves the cursor, follows the same rule (progress.ts).
 */
import { styleText } from 'node:util';
import { STYLE_MARK } from './terminal-text.js';

export interface Styles {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  green: (text: string) => string;
  cyan: (text: string) => string;
}

export function styles(enabled: boolean): Styles {
  // ESC written as STYLE_MARK: the output sink turns these marks, and no other control, into colour codes (terminal-text.ts).
  const paint = (format: Parameters<typeof styleText>[0]) => (text: string) =>
    enabled ? styleText(format, text, { validateStream: false }).replaceAll('\u001b', STYLE_MARK) : text;
  return {
    bold: paint('bold'),
    dim: paint('dim'),
    red: paint('red'),
    yellow: paint('yellow'),
    green: paint('green'),
    cyan: paint('cyan'),
  };
}

export function colorsFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  const noColor = env['NO_COLOR'];
  return stream.isTTY === true && (noColor === undefined || noColor === '') && env['TERM'] !== 'dumb';
}
