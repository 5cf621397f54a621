/**
 * One rep file, checked the cheapest way that gives the same result: reused
 * from the cache of validated files (rep-cache.ts) when an earlier build
 * validated the same bytes against the same framework; else read by the
 * fast parser (load/fast-parse.ts) and checked, when that finds nothing, or
 * only warnings whose places its lines tell for sure (load/fast-locate.ts);
 * else parsed with every position and checked (validate-rep.ts), for its
 * diagnostics.
 */
import type { Diagnostic } from '../model/dataset.js';
import type { RepYear } from '../model/schema.js';
import { fastLocator } from '../load/fast-locate.js';
import { fastParsedFile, parseFast } from '../load/fast-parse.js';
import { parseYamlFile, type ParsedFile } from '../load/parse-yaml.js';
import { VERSION } from '../version.js';
import { recordRep, repCacheKey, reuseRep, type RepCache } from './rep-cache.js';
import { validateRepYear, type RepCheck } from './validate-rep.js';

export interface RepFileCheck extends RepCheck {
  /** The format's keys and the framework's ids, for the slips (parse-yaml.ts). */
  keys: ReadonlySet<string>;
  /** Of `keys`, the framework's ids. */
  ids?: ReadonlySet<string>;
  /** The cache, and the digest of the framework's text it is keyed by; none: every file is checked. */
  cache?: { entries: RepCache; framework: string } | undefined;
  /** Read files with the fast parser first (load/fast-parse.ts). Default: true. */
  fastPath?: boolean | undefined;
}

export interface RepFileResult {
  /** The file as parsed with positions, when it was (not when reused from the cache, nor read by the fast path). */
  parsed?: ParsedFile;
  data?: RepYear;
  /** The file's diagnostics, the parser's and the checks', in that order. */
  diagnostics: Diagnostic[];
}

export function checkRepFile(file: { path: string; stem: string; text: string }, check: RepFileCheck): RepFileResult {
  const { cache, year } = check;
  const cacheable = cache !== undefined && year !== undefined && check.framework !== undefined;
  const key = cacheable
    ? repCacheKey({ version: VERSION, framework: cache.framework, year, stem: file.stem, text: file.text })
    : undefined;
  if (cacheable && key !== undefined) {
    const reused = reuseRep(cache.entries, key, check.asOf, year);
    // The file's name as given this time (the data folder may be written another way).
    if (reused !== undefined)
      return { data: reused.data, diagnostics: reused.warnings.map((w) => ({ ...w, file: file.path })) };
  }
  // A file the fast path reads, and in which the checks find nothing or only warnings that its lines place for sure
  // (load/fast-locate.ts), is done; any other is parsed again for its positions.
  const fast = check.fastPath === false ? undefined : parseFast(file.text, check.keys);
  if (fast !== undefined) {
    const locate = fastLocator(file.text, fast.value);
    let unplaced = false;
    const read = fastParsedFile(file.path, file.text, fast.value);
    const parsed: ParsedFile = {
      ...read,
      locate: (path, target = 'value') => {
        const found = locate(path, target);
        if (found === undefined) unplaced = true;
        return found ?? { line: 0, column: 0 };
      },
    };
    const result = validateRepYear(parsed, file.stem, check);
    if (result.data !== undefined && !unplaced && result.diagnostics.every((d) => d.severity === 'warning')) {
      // With the lines they quote, as validate-workspace.ts adds them to a file parsed with positions.
      const warnings = result.diagnostics.map((d) => (d.line < 1 ? d : { ...d, excerpt: read.line(d.line) }));
      if (cacheable && key !== undefined)
        recordRep(cache.entries, key, { data: result.data, warnings, asOf: check.asOf });
      return { data: result.data, diagnostics: warnings };
    }
  }
  const parsed = parseYamlFile(file.path, file.text, { locale: check.locale, keys: check.keys, ids: check.ids });
  const result = validateRepYear(parsed, file.stem, check);
  const unreadable = (d: Diagnostic) => d.line !== 0 && parsed.unreadable(d.line);
  const diagnostics = [...parsed.diagnostics, ...result.diagnostics.filter((d) => !unreadable(d))];
  if (cacheable && key !== undefined && result.data !== undefined) {
    // Kept with the lines they quote, as validate-workspace.ts adds them: a reused file is not parsed.
    const quoted = diagnostics.map((d) => (d.line < 1 ? d : { ...d, excerpt: parsed.line(d.line) }));
    recordRep(cache.entries, key, { data: result.data, warnings: quoted, asOf: check.asOf });
  }
  return { parsed, ...(result.data === undefined ? {} : { data: result.data }), diagnostics };
}
