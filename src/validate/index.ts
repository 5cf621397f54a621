import { loadWorkspace } from '../load/workspace.js';
import { validateWorkspace, type ValidationResult } from './validate-workspace.js';

export interface ValidateOptions {
  /** The workspace's data folder. Default: `data`. */
  data?: string;
}

/** Read and check a workspace: every diagnostic of every file, and the dataset when there is no error. */
export async function validate(options: ValidateOptions = {}): Promise<ValidationResult> {
  return validateWorkspace(await loadWorkspace(options.data ?? 'data'));
}

export type { ValidationResult };
