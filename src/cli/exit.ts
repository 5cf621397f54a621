/** Exit statuses (SPEC §7). `process.exit` is never called: bin.ts sets `process.exitCode` from `main`. */
import type { ErrorCode } from '../errors.js';

export const EXIT = {
  ok: 0,
  /** Invalid input or a failed report. */
  failed: 1,
  /** Wrong usage or missing browser. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The exit status of each failure (SPEC §7: 1 invalid input or a failed
 * report, 2 wrong usage or missing browser). A `Record` over every code: a
 * new ErrorCode does not compile until it is given its status here.
 */
export const EXIT_FOR: Readonly<Record<ErrorCode, ExitCode>> = {
  INVALID_DATA: EXIT.failed,
  USAGE: EXIT.usage,
  BROWSER_NOT_FOUND: EXIT.usage,
  BROWSER_FAILED: EXIT.failed,
  RENDER_FAILED: EXIT.failed,
  TEMPLATE_ERROR: EXIT.failed,
  WRITE_FAILED: EXIT.failed,
  LOCKED: EXIT.failed,
};
