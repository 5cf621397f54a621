/** Exit statuses (SPEC §7). `process.exit` is called in one place: cli/main.ts. */
export const EXIT = {
  ok: 0,
  /** Invalid input or a failed report. */
  failed: 1,
  /** Wrong usage or missing browser. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
