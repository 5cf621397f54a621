/** How a diagnostic reads on a terminal or in a log. */
import type { Diagnostic } from '../model/dataset.js';
import { styles, type Styles } from './style.js';

/**
 * `data/2026/alice-martin.yaml:12:7: error: unknown competency "discovry"`
 * then, on a terminal, the line itself with a caret under the column and the hint.
 */
export function formatDiagnostic(
  d: Diagnostic,
  options: { excerpt: boolean; style?: Styles } = { excerpt: true },
): string {
  const s = options.style ?? styles(false);
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const label = d.severity === 'error' ? s.red('error') : s.yellow('warning');
  const lines = [`${s.bold(place)}: ${label}: ${d.message}`];
  if (options.excerpt && d.excerpt !== undefined) {
    const gutter = String(d.line);
    lines.push(`${s.dim(`${gutter} |`)} ${d.excerpt}`);
    const pad = d.excerpt.slice(0, Math.max(0, d.column - 1)).replace(/[^\t]/g, ' ');
    lines.push(`${' '.repeat(gutter.length)} ${s.dim('|')} ${pad}${s.red('^')}`);
  }
  if (d.hint !== undefined) lines.push(`  ${s.cyan('hint')}: ${d.hint}`);
  return lines.join('\n');
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return errors > 0
    ? `${plural(errors, 'error')} in ${plural(files, 'file')}, ${plural(warnings, 'warning')}`
    : `no error, ${plural(warnings, 'warning')}`;
}
