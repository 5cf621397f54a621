/**
 * The diagnostics as a command prints them: every error; the warnings about
 * the year the command works on; the warnings about the other years only
 * with `--verbose` (by default their count, SPEC §4's warnings of last
 * year's files are otherwise printed on every build); nothing but errors
 * with `--quiet`. `--format json` prints them all, on stdout.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/dataset.js';
import type { Console } from './context.js';
import { formatDiagnostic, summarizeDiagnostics } from './format-diagnostic.js';

export interface Verbosity {
  verbose: boolean;
  quiet: boolean;
}

/** The year folder a diagnostic is about, if it is one of the data folder's. */
function yearOf(d: Diagnostic, data: string): number | undefined {
  const relative = path.relative(path.resolve(data), path.resolve(d.file));
  const first = relative.split(path.sep)[0] ?? '';
  return /^\d{4}$/.test(first) ? Number(first) : undefined;
}

/**
 * Prints `diagnostics` for a command about `year` (null: no year known,
 * every warning is shown). Returns nothing: the exit status is the command's.
 */
export function reportDiagnostics(
  out: Console,
  diagnostics: readonly Diagnostic[],
  year: number | null,
  { verbose, quiet }: Verbosity,
  summary = true,
): void {
  const other = (d: Diagnostic) => {
    const of = yearOf(d, out.workspace.data);
    return d.severity === 'warning' && year !== null && of !== undefined && of !== year;
  };
  const shown = diagnostics.filter((d) => d.severity === 'error' || (!quiet && (verbose || !other(d))));
  const excerpt = out.io.stderr.isTTY === true;
  for (const d of shown) out.say(formatDiagnostic(displayed(out, d), { excerpt, style: out.style, t: out.t }));
  if (quiet) return;
  const hidden = verbose ? [] : diagnostics.filter(other);
  if (hidden.length > 0) {
    const years = [...new Set(hidden.map((d) => yearOf(d, out.workspace.data) ?? 0))].sort((a, b) => a - b);
    out.say(out.style.dim(out.t.otherYears({ count: hidden.length, years })));
  }
  if (summary && diagnostics.length > 0) out.say(summarizeDiagnostics(diagnostics, out.t));
}

/**
 * A diagnostic with its file as the user would open it from the current
 * folder: run from data/2026/, `alice-martin.yaml` rather than
 * `../2026/alice-martin.yaml` (the data folder found above, joined with the file).
 */
function displayed(out: Console, d: Diagnostic): Diagnostic {
  if (!out.workspace.found) return d;
  return { ...d, file: path.relative(out.io.cwd, path.resolve(out.io.cwd, d.file)) || d.file };
}

/** `revue validate --format json`: `[{ file, line, column, severity, code, message, hint }]`, hint null when none. */
export function diagnosticsJson(out: Console, diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics
    .map((diagnostic) => displayed(out, diagnostic))
    .map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      hint: d.hint ?? null,
    }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
