/**
 * `__proto__` as a key of a record (scores, notes, a role's expected levels,
 * level labels): YAML keeps it as an own key, but zod's records skip it, so
 * `__proto__: 3` in `scores` vanished without a word (issue 13). These are
 * the records of the formats; their other keys are checked by the schema,
 * this one is reported here, on the data as written, like any unknown key of
 * a record. (Mappings of the schema's own keys report it as an unknown key.)
 */
import { field } from '../model/field.js';
import type { DiagnosticText } from '../messages/diagnostics.js';
import { closest } from '../model/text.js';

const PROTO = '__proto__';

export interface DroppedKey {
  path: PropertyKey[];
  text: DiagnosticText;
}

const hasProto = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, PROTO);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `__proto__` in an assessment's scores or notes: an unknown competency. */
export function droppedRepKeys(value: unknown, competencies: readonly string[]): DroppedKey[] {
  const out: DroppedKey[] = [];
  // Computed only for a file that has one: a distance to every competency, for each of thousands of files, is not free.
  let suggestion: string | undefined;
  list(field(value, 'assessments')).forEach((assessment, index) => {
    for (const record of ['scores', 'notes'] as const) {
      if (!hasProto(field(assessment, record))) continue;
      suggestion ??= closest(PROTO, competencies);
      out.push({
        path: ['assessments', index, record, PROTO],
        text: {
          code: 'unknown-id',
          params: { what: 'competency', value: PROTO, where: '', suggestion, known: competencies },
        },
      });
    }
  });
  return out;
}

/** `__proto__` in a role's expected levels (an unknown competency) or as a level (not a level). */
export function droppedFrameworkKeys(value: unknown): DroppedKey[] {
  const out: DroppedKey[] = [];
  const competencies = list(field(value, 'competencies'))
    .map((c) => field(c, 'id'))
    .filter((id): id is string => typeof id === 'string');
  // Reported as a record's other keys are: at the key, the message without a path.
  const level = (path: PropertyKey[]) =>
    out.push({ path: [...path, PROTO], text: { code: 'invalid-level-key', params: { where: '', key: PROTO } } });
  if (hasProto(field(field(value, 'scale'), 'labels'))) level(['scale', 'labels']);
  list(field(value, 'competencies')).forEach((competency, index) => {
    if (hasProto(field(competency, 'levels'))) level(['competencies', index, 'levels']);
  });
  list(field(value, 'roles')).forEach((role, index) => {
    if (!hasProto(field(role, 'expected'))) return;
    const id = field(role, 'id');
    out.push({
      path: ['roles', index, 'expected', PROTO],
      text: {
        code: 'unknown-expected-competency',
        params: {
          key: PROTO,
          role: typeof id === 'string' ? id : '',
          suggestion: closest(PROTO, [...competencies, 'default']),
          known: competencies,
        },
      },
    });
  });
  return out;
}
