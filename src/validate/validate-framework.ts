/** framework.yaml: its shape, then what ties its parts together (SPEC §2, §4). */
import type { Diagnostic } from '../model/dataset.js';
import { frameworkSchema, isOnStep, type Framework } from '../model/schema.js';
import { closest } from '../model/text.js';
import type { ParsedFile } from '../load/parse-yaml.js';
import { diagnosticOf, type DiagnosticText } from '../messages/diagnostics.js';
import { knownKeysOf } from './known-keys.js';
import { droppedFrameworkKeys } from './proto-keys.js';
import { issuesToDiagnostics, type IssueContext } from './zod-issues.js';

export function validateFramework(
  parsed: ParsedFile,
  siblingFiles: readonly string[],
  context: Omit<IssueContext, 'knownKeys'>,
): { framework?: Framework; diagnostics: Diagnostic[] } {
  if (parsed.value === undefined) return { diagnostics: [] };
  const schema = frameworkSchema({ siblingFiles });
  const result = schema.safeParse(parsed.value);
  const dropped = droppedFrameworkKeys(parsed.value).map(({ path, text }) =>
    diagnosticOf(context.catalogue, 'error', { file: parsed.file, ...parsed.locate(path, 'key') }, text),
  );
  if (!result.success)
    return {
      diagnostics: [
        ...issuesToDiagnostics(parsed, result.error.issues, { ...context, knownKeys: knownKeysOf(schema) }),
        ...dropped,
      ],
    };
  const diagnostics = [...dropped, ...crossCheck(parsed, result.data, context)];
  return diagnostics.length === 0 ? { framework: result.data, diagnostics } : { diagnostics };
}

function crossCheck(parsed: ParsedFile, framework: Framework, context: Omit<IssueContext, 'knownKeys'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: PropertyKey[], text: DiagnosticText, target: 'key' | 'value' = 'value') =>
    out.push(diagnosticOf(context.catalogue, 'error', { file: parsed.file, ...parsed.locate(path, target) }, text));
  const { scale } = framework;
  const { min, max, step } = scale;

  if (min >= max) error(['scale', 'max'], { code: 'scale-max-not-above-min', params: { min, max } });
  else if (!isOnStep(max, scale)) error(['scale', 'step'], { code: 'step-not-leading', params: { step, min, max } });

  const wholeLevel = (key: string, path: PropertyKey[]) => {
    const n = Number(key);
    if (n < min || n > max) error(path, { code: 'level-outside-scale', params: { level: key, min, max } }, 'key');
  };
  for (const key of Object.keys(scale.labels ?? {})) wholeLevel(key, ['scale', 'labels', key]);

  for (const list of ['competencies', 'contexts', 'roles'] as const) {
    const seen = new Set<string>();
    (framework[list] ?? []).forEach((item, index) => {
      if (seen.has(item.id)) error([list, index, 'id'], { code: 'duplicate-id', params: { id: item.id, list } });
      seen.add(item.id);
    });
  }
  framework.competencies.forEach((competency, index) => {
    for (const key of Object.keys(competency.levels ?? {})) wholeLevel(key, ['competencies', index, 'levels', key]);
  });

  const competencyIds = framework.competencies.map((c) => c.id);
  const checkLevel = (value: number, path: PropertyKey[]) => {
    if (value < min || value > max) error(path, { code: 'expected-out-of-scale', params: { value, min, max } });
    else if (!isOnStep(value, scale)) error(path, { code: 'expected-off-step', params: { value, step } });
  };
  framework.roles.forEach((role, index) => {
    const path = ['roles', index, 'expected'];
    if (typeof role.expected === 'number') return checkLevel(role.expected, path);
    for (const [key, value] of Object.entries(role.expected)) {
      if (key !== 'default' && !competencyIds.includes(key)) {
        const suggestion = closest(key, [...competencyIds, 'default']);
        error(
          [...path, key],
          { code: 'unknown-expected-competency', params: { key, role: role.id, suggestion, known: competencyIds } },
          'key',
        );
      }
      checkLevel(value, [...path, key]);
    }
  });
  return out;
}
