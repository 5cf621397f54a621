/**
 * validate: a loaded workspace -> a Dataset, or every diagnostic of every file
 * (SPEC §4). Pure: the files were read by `loadWorkspace`.
 */
import type { Dataset, Diagnostic, RepRecord } from '../model/dataset.js';
import { compareText } from '../model/text.js';
import type { Framework } from '../model/schema.js';
import type { LoadedWorkspace } from '../load/workspace.js';
import { parseYamlFile } from '../load/parse-yaml.js';
import { validateFramework } from './validate-framework.js';
import { validateRepYear } from './validate-rep.js';

export interface ValidationResult {
  /** Present when there is no error (warnings may remain). */
  dataset?: Dataset;
  diagnostics: Diagnostic[];
}

const YEAR = /^\d{4}$/;

export function validateWorkspace(workspace: LoadedWorkspace): ValidationResult {
  const diagnostics: Diagnostic[] = [...workspace.diagnostics];
  const sources = new Map<string, string>();

  let framework: Framework | undefined;
  if (workspace.framework === undefined) {
    diagnostics.push({
      severity: 'error',
      file: `${workspace.root}/framework.yaml`,
      line: 0,
      column: 0,
      message: 'missing: every workspace needs one framework.yaml',
      hint: 'run "revue init" to create a workspace, or pass the right folder with --data',
    });
  } else if (workspace.framework.text !== undefined) {
    const parsed = parseYamlFile(workspace.framework.path, workspace.framework.text);
    sources.set(parsed.file, parsed.text);
    const result = validateFramework(parsed, workspace.siblingFiles);
    diagnostics.push(...parsed.diagnostics, ...result.diagnostics);
    framework = result.framework;
  }

  const reps: RepRecord[] = [];
  const years: number[] = [];
  for (const folder of workspace.years) {
    const year = YEAR.test(folder.name) ? Number(folder.name) : undefined;
    if (year === undefined) {
      diagnostics.push({
        severity: 'error',
        file: folder.path,
        line: 0,
        column: 0,
        message: `"${folder.name}" is not a year folder`,
        hint: 'year folders are named with four digits, e.g. 2026',
      });
    } else {
      years.push(year);
    }
    const seen = new Map<string, string>();
    for (const file of folder.files) {
      const twin = seen.get(file.stem);
      if (twin !== undefined) {
        diagnostics.push({
          severity: 'error',
          file: file.path,
          line: 0,
          column: 0,
          message: `rep "${file.stem}" already has a file in ${folder.name}: ${twin}`,
          hint: 'keep one file per rep per year',
        });
        continue;
      }
      seen.set(file.stem, file.path);
      if (file.text === undefined) continue;
      const parsed = parseYamlFile(file.path, file.text);
      sources.set(parsed.file, parsed.text);
      const result = validateRepYear(parsed, file.stem, year, framework);
      diagnostics.push(...parsed.diagnostics, ...result.diagnostics);
      if (result.data !== undefined && year !== undefined)
        reps.push({ id: file.stem, year, file: file.path, data: result.data });
    }
  }

  const withExcerpts = diagnostics.map((d) => withExcerpt(d, sources.get(d.file))).sort(byPlace);
  if (framework === undefined || withExcerpts.some((d) => d.severity === 'error')) return { diagnostics: withExcerpts };
  years.sort((a, b) => a - b);
  reps.sort((a, b) => a.year - b.year || compareText(a.id, b.id));
  return { dataset: { root: workspace.root, framework, years, reps }, diagnostics: withExcerpts };
}

function withExcerpt(diagnostic: Diagnostic, text: string | undefined): Diagnostic {
  if (text === undefined || diagnostic.line < 1) return diagnostic;
  const line = text.split(/\r?\n/)[diagnostic.line - 1];
  return line === undefined ? diagnostic : { ...diagnostic, excerpt: line.replace(/\r$/, '') };
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}
