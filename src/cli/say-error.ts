/**
 * An error as the command line says it: in the workspace's language, its hint
 * below. Errors of the build's stages keep their message as a key and
 * parameters (messages/stage.ts); this is where it becomes words.
 */
import { inLocale, type RevueError } from '../errors.js';
import { say, type Text } from '../messages/stage.js';
import type { Console } from './context.js';

export function sayError(out: Console, error: RevueError): void {
  const { t, style } = out;
  const { message, hint } = inLocale(error, out.locale);
  out.say(t.labelled({ label: style.red(t.error), text: message }));
  if (hint !== undefined) out.say(`  ${t.labelled({ label: style.cyan(t.hint), text: hint })}`);
}

/** A failure's reason, or a warning, in the workspace's language. */
export function reasonOf(out: Console, error: RevueError | undefined): string {
  return error === undefined ? out.t.unknownFailure : inLocale(error, out.locale).message;
}

export function textOf(out: Console, text: Text): string {
  return say(text, out.locale);
}
