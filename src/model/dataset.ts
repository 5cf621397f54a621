/** The validated workspace: what every stage after `validate` works on. */
import type { DiagnosticCode } from '../messages/diagnostics-en.js';
import type { Framework, RepYear } from './schema.js';

/** One rep's file for one year, validated. */
export interface RepRecord {
  /** The rep id: the file name without its extension. */
  id: string;
  year: number;
  /** The file, relative to the current directory as the user would type it. */
  file: string;
  data: RepYear;
}

export interface Dataset {
  /** The data folder, as given. */
  root: string;
  framework: Framework;
  /** Year folders found, ascending. */
  years: number[];
  /** Every rep-year file of every year, sorted by year then id. */
  reps: RepRecord[];
}

export type Severity = 'error' | 'warning';

/** One problem found in the workspace, at its place in a file. */
export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole. */
  line: number;
  column: number;
  /** Stable: what the problem is, whatever the language of the message (docs/format.md lists every code). */
  code: DiagnosticCode;
  /** In the workspace's language (the framework's `locale`; English without a valid framework). */
  message: string;
  hint?: string;
  /** The text of the offending line, to quote it. */
  excerpt?: string;
}
