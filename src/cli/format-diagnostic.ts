/** How a diagnostic reads on a terminal or in a log, in the workspace's language. */
import type { CliCatalogue } from '../messages/cli.js';
import { cliEn } from '../messages/cli-en.js';
import type { Diagnostic } from '../model/dataset.js';
import { styles, type Styles } from './style.js';
import { escapeControl } from './terminal-text.js';

export interface FormatOptions {
  /** Quote the line with a caret under the column (on a terminal). */
  excerpt: boolean;
  style?: Styles;
  /** The words. Default: English. */
  t?: CliCatalogue;
}

/**
 * `data/2026/alice-martin.yaml:12:7: error: unknown competency "discovry"`
 * then, on a terminal, the line itself with a caret under the column, and
 * the hint. The place stays `file:line:column:` in every language, as
 * editors and CI annotations read it.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = { excerpt: true }): string {
  const s = options.style ?? styles(false);
  const t = options.t ?? cliEn;
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const label = d.severity === 'error' ? s.red(t.error) : s.yellow(t.warning);
  const lines = [t.diagnosticLine({ place: s.bold(place), label, message: d.message })];
  if (options.excerpt && d.excerpt !== undefined) {
    const gutter = String(d.line);
    lines.push(`${s.dim(`${gutter} |`)} ${d.excerpt}`);
    // Under the column as printed: a control character before it is shown escaped, six characters wide.
    const pad = escapeControl(d.excerpt.slice(0, Math.max(0, d.column - 1))).replace(/[^\t]/g, ' ');
    lines.push(`${' '.repeat(gutter.length)} ${s.dim('|')} ${pad}${s.red('^')}`);
  }
  if (d.hint !== undefined) lines.push(`  ${t.labelled({ label: s.cyan(t.hint), text: d.hint })}`);
  return lines.join('\n');
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[], t: CliCatalogue = cliEn): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  return t.summary({ errors, files, warnings });
}
