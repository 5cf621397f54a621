/**
 * At most MAX_DIAGNOSTICS_PER_FILE diagnostics per file, then one for the
 * rest: a file with 100,000 unknown keys is a wrong file, not 100,000 things
 * to fix, and printing them all made `validate` take minutes (issue 13). The
 * syntax errors of a file of junk are capped the same way (load/parse-yaml.ts).
 */
import type { Diagnostic } from '../model/dataset.js';
import { diagnosticOf, type DiagnosticCatalogue } from '../messages/diagnostics.js';

/** A review file with a systematic slip (every date written 14/02/2026) still has each listed. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** The first `MAX_DIAGNOSTICS_PER_FILE` of one file's diagnostics, in the file's order, and their count past that. */
export function capDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  catalogue: DiagnosticCatalogue,
): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return [...diagnostics];
  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  const kept = sorted.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const rest = sorted.slice(MAX_DIAGNOSTICS_PER_FILE);
  const first = rest[0];
  const severity = rest.some((d) => d.severity === 'error') ? 'error' : 'warning';
  const place = { file, line: first?.line ?? 0, column: first?.column ?? 0 };
  kept.push(diagnosticOf(catalogue, severity, place, { code: 'too-many-diagnostics', params: { count: rest.length } }));
  return kept;
}
