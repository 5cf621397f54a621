/** framework.yaml: its shape, then what ties its parts together (SPEC §2, §4). */
import type { Diagnostic } from '../model/dataset.js';
import { frameworkSchema, isOnStep, type Framework } from '../model/schema.js';
import { didYouMean } from '../model/text.js';
import type { ParsedFile } from '../load/parse-yaml.js';
import { knownKeysOf } from './known-keys.js';
import { issuesToDiagnostics } from './zod-issues.js';

export function validateFramework(
  parsed: ParsedFile,
  siblingFiles: readonly string[],
): { framework?: Framework; diagnostics: Diagnostic[] } {
  if (parsed.value === undefined) return { diagnostics: [] };
  const schema = frameworkSchema({ siblingFiles });
  const result = schema.safeParse(parsed.value);
  if (!result.success) return { diagnostics: issuesToDiagnostics(parsed, result.error.issues, knownKeysOf(schema)) };
  const diagnostics = crossCheck(parsed, result.data);
  return diagnostics.length === 0 ? { framework: result.data, diagnostics } : { diagnostics };
}

function crossCheck(parsed: ParsedFile, framework: Framework): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: PropertyKey[], message: string, hint?: string, target: 'key' | 'value' = 'value') =>
    out.push({
      severity: 'error',
      file: parsed.file,
      ...parsed.locate(path, target),
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  const { scale } = framework;

  if (scale.min >= scale.max)
    error(['scale', 'max'], `the scale's max (${scale.max}) must be above its min (${scale.min})`);
  else if (!isOnStep(scale.max, scale))
    error(['scale', 'step'], `the step ${scale.step} does not lead from ${scale.min} to ${scale.max}`);

  const wholeLevel = (key: string, path: PropertyKey[]) => {
    const n = Number(key);
    if (n < scale.min || n > scale.max)
      error(path, `level ${key} is outside the scale ${scale.min}–${scale.max}`, undefined, 'key');
  };
  for (const key of Object.keys(scale.labels ?? {})) wholeLevel(key, ['scale', 'labels', key]);

  for (const list of ['competencies', 'contexts', 'roles'] as const) {
    const seen = new Set<string>();
    (framework[list] ?? []).forEach((item, index) => {
      if (seen.has(item.id))
        error([list, index, 'id'], `duplicate id "${item.id}" in ${list}`, 'each id names one entry');
      seen.add(item.id);
    });
  }
  framework.competencies.forEach((competency, index) => {
    for (const key of Object.keys(competency.levels ?? {})) wholeLevel(key, ['competencies', index, 'levels', key]);
  });

  const competencyIds = framework.competencies.map((c) => c.id);
  const checkLevel = (value: number, path: PropertyKey[]) => {
    if (value < scale.min || value > scale.max)
      error(path, `expected level ${value} is outside the scale ${scale.min}–${scale.max}`);
    else if (!isOnStep(value, scale))
      error(path, `expected level ${value} is not on the scale's step of ${scale.step}`);
  };
  framework.roles.forEach((role, index) => {
    const path = ['roles', index, 'expected'];
    if (typeof role.expected === 'number') return checkLevel(role.expected, path);
    for (const [key, value] of Object.entries(role.expected)) {
      if (key !== 'default' && !competencyIds.includes(key)) {
        error(
          [...path, key],
          `unknown competency "${key}" in the expected levels of role "${role.id}"`,
          didYouMean(key, [...competencyIds, 'default']) ??
            `known competencies: ${competencyIds.join(', ')}, or default`,
          'key',
        );
      }
      checkLevel(value, [...path, key]);
    }
  });
  return out;
}
