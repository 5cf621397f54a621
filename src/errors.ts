/**
 * Errors people can act on. Every expected failure of revue is a `RevueError`
 * with a stable `code`; the command line prints those without a stack and maps
 * them to an exit status. Anything else is a bug and keeps its stack.
 */

import type { Locale } from './messages/diagnostics.js';
import { said, say, type Text } from './messages/stage.js';

export type { Text } from './messages/stage.js';

/** Where in a source file a problem is. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type ErrorCode =
  | 'INVALID_DATA'
  | 'USAGE'
  | 'BROWSER_NOT_FOUND'
  | 'BROWSER_FAILED'
  | 'RENDER_FAILED'
  | 'TEMPLATE_ERROR'
  | 'WRITE_FAILED'
  | 'LOCKED';

/** What an error says and its hint, in English (`message`, `hint`) and as given, to be said in any language. */
export class RevueError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly text: Text;
  readonly hintText: Text | undefined;

  constructor(code: ErrorCode, message: Text, options: { hint?: Text | undefined; cause?: unknown } = {}) {
    super(say(message, 'en'), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.text = message;
    this.hintText = options.hint;
    this.hint = options.hint === undefined ? undefined : say(options.hint, 'en');
  }
}

/** An error's message and hint in `locale`. */
export function inLocale(error: RevueError, locale: Locale): { message: string; hint: string | undefined } {
  return {
    message: say(error.text, locale),
    hint: error.hintText === undefined ? undefined : say(error.hintText, locale),
  };
}

/** Wrong command-line usage: exit status 2. */
export class UsageError extends RevueError {
  constructor(message: Text, options: { hint?: Text | undefined } = {}) {
    super('USAGE', message, options);
  }
}

/** No Chrome/Chromium could be found: exit status 2. */
export class BrowserNotFoundError extends RevueError {
  /** Every place that was looked at, in order, with what was found there. */
  readonly lookedFor: readonly string[];

  constructor(lookedFor: readonly string[], hint: Text) {
    super('BROWSER_NOT_FOUND', said('noBrowser'), { hint });
    this.lookedFor = lookedFor;
  }
}

/** A template (the package's or the user's override) failed to compile or run. */
export class TemplateError extends RevueError {
  readonly position: SourcePosition | undefined;

  constructor(message: Text, position?: SourcePosition, options: { cause?: unknown } = {}) {
    super('TEMPLATE_ERROR', message, options);
    this.position = position;
  }
}

/** A report could not be drawn or rendered (a chart, a template's output): that report fails, the others go on. */
export class RenderError extends RevueError {
  constructor(message: Text, options: { hint?: Text | undefined; cause?: unknown } = {}) {
    super('RENDER_FAILED', message, options);
  }
}

/** The browser could not be started, or failed while printing. */
export class BrowserError extends RevueError {
  constructor(message: Text, options: { hint?: Text | undefined; cause?: unknown } = {}) {
    super('BROWSER_FAILED', message, options);
  }
}

/** Another build holds the lock of the output folder. */
export class LockedError extends RevueError {
  constructor(message: Text, options: { hint?: Text | undefined } = {}) {
    super('LOCKED', message, options);
  }
}

/** Writing the output failed (read-only folder, disk full, …). */
export class WriteError extends RevueError {
  constructor(message: Text, options: { hint?: Text | undefined; cause?: unknown } = {}) {
    super('WRITE_FAILED', message, options);
  }
}

export function isRevueError(error: unknown): error is RevueError {
  return error instanceof RevueError;
}

/** Any failure of one report as a RevueError: a RevueError as it is, anything else as a RenderError. */
export function asRevueError(error: unknown): RevueError {
  if (error instanceof RevueError) return error;
  return new RenderError(error instanceof Error ? error.message : String(error), { cause: error });
}
