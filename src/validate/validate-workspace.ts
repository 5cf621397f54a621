/**
 * validate: a loaded workspace -> a Dataset, or every diagnostic of every file
 * (SPEC §4), in the workspace's language. Pure: the files were read by
 * `loadWorkspace`.
 */
import type { Dataset, Diagnostic, RepRecord } from '../model/dataset.js';
import { compareText } from '../model/text.js';
import { frameworkSchema, repYearSchema, type Framework } from '../model/schema.js';
import type { LoadedWorkspace } from '../load/workspace.js';
import { readLocale } from '../load/locale.js';
import { parseYamlFile, type ParsedFile } from '../load/parse-yaml.js';
import { diagnosticCatalogue, diagnosticOf, type DiagnosticText, type Locale } from '../messages/diagnostics.js';
import { checkRepFile } from './check-rep-file.js';
import { allKeysOf } from './known-keys.js';
import { frameworkDigest, type RepCache } from './rep-cache.js';
import { validateFramework } from './validate-framework.js';
import { capDiagnostics } from './cap-diagnostics.js';
import { teamIdCollisions } from './team-ids.js';
import { valueAt } from './zod-issues.js';

export interface ValidationResult {
  /** Present when there is no error (warnings may remain). */
  dataset?: Dataset;
  diagnostics: Diagnostic[];
  /** The language of the messages: the framework's `locale`, read even when the rest of it is wrong; `en` without one. */
  locale: Locale;
}

export interface WorkspaceCheck {
  /** The build's date, YYYY-MM-DD: an assessment dated after it is a warning (SPEC §4). Without it, not checked. */
  asOf?: string | undefined;
  /**
   * The rep files validated by an earlier build (write/validation-cache.ts):
   * a file whose bytes, name, year and framework are those of an entry is
   * not parsed again. Filled with this validation's entries, to write back.
   * Default: none, every file is parsed and checked.
   */
  cache?: RepCache | undefined;
  /**
   * Read the rep files with the fast parser first, and parse again with
   * positions only those with a diagnostic (load/fast-parse.ts); false
   * parses every file with positions. The diagnostics are the same. Default: true.
   */
  fastPath?: boolean | undefined;
}

const YEAR = /^\d{4}$/;

/** The keys of the two formats, for `discovery:3` (a missing space) to be told from text: built once. */
let formatKeys: { framework: Set<string>; rep: Set<string> } | undefined;

export function validateWorkspace(workspace: LoadedWorkspace, check: WorkspaceCheck = {}): ValidationResult {
  const locale = workspace.framework?.text === undefined ? 'en' : (readLocale(workspace.framework.text) ?? 'en');
  const catalogue = diagnosticCatalogue(locale);
  const context = { catalogue, locale };
  formatKeys ??= { framework: allKeysOf(frameworkSchema()), rep: allKeysOf(repYearSchema()) };
  const diagnostics: Diagnostic[] = workspace.problems.map((p) =>
    diagnosticOf(catalogue, p.severity, { file: p.file, line: 0, column: 0 }, p.text),
  );
  const sources = new Map<string, ParsedFile>();
  /** The checks of the data say nothing on the lines the parser could not read. */
  const readable = (parsed: ParsedFile, found: readonly Diagnostic[]) =>
    found.filter((d) => d.line === 0 || !parsed.unreadable(d.line));

  let framework: Framework | undefined;
  let competencyIds: string[] = [];
  if (workspace.framework === undefined) {
    const place = { file: `${workspace.root}/framework.yaml`, line: 0, column: 0 };
    diagnostics.push(diagnosticOf(catalogue, 'error', place, { code: 'framework-missing', params: {} }));
  } else if (workspace.framework.text !== undefined) {
    const parsed = parseYamlFile(workspace.framework.path, workspace.framework.text, {
      locale,
      keys: formatKeys.framework,
    });
    sources.set(parsed.file, parsed);
    const result = validateFramework(parsed, workspace.siblingFiles, context);
    diagnostics.push(
      ...capDiagnostics(parsed.file, [...parsed.diagnostics, ...readable(parsed, result.diagnostics)], catalogue),
    );
    framework = result.framework;
    competencyIds = idsIn(valueAt(parsed.value, ['competencies']));
  }
  const repKeys = new Set([...formatKeys.rep, ...competencyIds]);
  const repIds = new Set(competencyIds);
  const cacheOf =
    check.cache === undefined || framework === undefined || workspace.framework?.text === undefined
      ? undefined
      : { entries: check.cache, framework: frameworkDigest(workspace.framework.text) };

  const reps: RepRecord[] = [];
  const years: number[] = [];
  /** A rep file reused from the cache or read by the fast path is parsed with positions only if a diagnostic needs them. */
  const texts = new Map<string, string>();
  const sourceOf = (file: string): ParsedFile | undefined => {
    const known = sources.get(file);
    const text = texts.get(file);
    if (known !== undefined || text === undefined) return known;
    const parsed = parseYamlFile(file, text, { locale, keys: repKeys, ids: repIds });
    sources.set(file, parsed);
    return parsed;
  };
  for (const folder of workspace.years) {
    const year = YEAR.test(folder.name) ? Number(folder.name) : undefined;
    if (year === undefined) {
      const place = { file: folder.path, line: 0, column: 0 };
      diagnostics.push(
        diagnosticOf(catalogue, 'error', place, { code: 'not-year-folder', params: { name: folder.name } }),
      );
    } else {
      years.push(year);
    }
    const seen = new Map<string, string>();
    for (const file of folder.files) {
      const twin = seen.get(file.stem);
      if (twin !== undefined) {
        const place = { file: file.path, line: 0, column: 0 };
        const text: DiagnosticText = {
          code: 'duplicate-rep-file',
          params: { rep: file.stem, year: folder.name, other: twin },
        };
        diagnostics.push(diagnosticOf(catalogue, 'error', place, text));
        continue;
      }
      seen.set(file.stem, file.path);
      if (file.text === undefined) continue;
      texts.set(file.path, file.text);
      const result = checkRepFile(
        { path: file.path, stem: file.stem, text: file.text },
        {
          ...context,
          year,
          framework,
          asOf: check.asOf,
          keys: repKeys,
          ids: repIds,
          cache: cacheOf,
          fastPath: check.fastPath,
        },
      );
      if (result.parsed !== undefined) sources.set(result.parsed.file, result.parsed);
      diagnostics.push(...capDiagnostics(file.path, result.diagnostics, catalogue));
      if (result.data !== undefined && year !== undefined)
        reps.push({ id: file.stem, year, file: file.path, data: result.data });
    }
  }

  diagnostics.push(...teamIdCollisions(reps, sourceOf, catalogue));
  const withExcerpts = diagnostics.map((d) => withExcerpt(d, sources.get(d.file))).sort(byPlace);
  if (framework === undefined || withExcerpts.some((d) => d.severity === 'error'))
    return { diagnostics: withExcerpts, locale };
  years.sort((a, b) => a - b);
  reps.sort((a, b) => a.year - b.year || compareText(a.id, b.id));
  return { dataset: { root: workspace.root, framework, years, reps }, diagnostics: withExcerpts, locale };
}

/** The `id`s of a list of mappings as written, whatever else is wrong with it. */
function idsIn(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => valueAt(item, ['id'])).filter((id): id is string => typeof id === 'string');
}

function withExcerpt(diagnostic: Diagnostic, parsed: ParsedFile | undefined): Diagnostic {
  if (parsed === undefined || diagnostic.line < 1) return diagnostic;
  return { ...diagnostic, excerpt: parsed.line(diagnostic.line) };
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}
