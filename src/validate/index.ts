import { loadWorkspace } from '../load/workspace.js';
import { validateWorkspace, type ValidationResult } from './validate-workspace.js';

export interface ValidateOptions {
  /** The workspace's data folder. Default: `data`. */
  data?: string;
  /**
   * The build's date, YYYY-MM-DD: an assessment dated after it is a warning
   * (SPEC §4). Default: today, in UTC.
   */
  asOf?: string;
}

/**
 * Read and check a workspace: every diagnostic of every file, in the
 * framework's language, and the dataset when there is no error.
 */
export async function validate(options: ValidateOptions = {}): Promise<ValidationResult> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  return validateWorkspace(await loadWorkspace(options.data ?? 'data'), { asOf });
}

export type { ValidationResult };
