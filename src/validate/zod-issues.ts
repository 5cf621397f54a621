/** Turn the schema's issues into diagnostics at the YAML node's real position. */
import type { z } from 'zod';
import type { Diagnostic } from '../model/dataset.js';
import { field } from '../model/field.js';
import { describeValue, didYouMean } from '../model/text.js';
import type { ParsedFile } from '../load/parse-yaml.js';

/** The keys a mapping at `path` accepts, for "did you mean" on unknown keys. */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[];

export function issuesToDiagnostics(
  parsed: ParsedFile,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: KnownKeys,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: readonly PropertyKey[], target: 'key' | 'value', message: string, hint?: string) => {
    const { line, column } = parsed.locate(path, target);
    out.push({ severity: 'error', file: parsed.file, line, column, message, ...(hint === undefined ? {} : { hint }) });
  };
  for (const issue of issues) {
    const where = describePath(issue.path);
    const prefix = where === '' ? '' : `${where}: `;
    const received = valueAt(parsed.value, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeys(issue.path);
          at(
            [...issue.path, key],
            'key',
            `unknown key "${key}"${where === '' ? '' : ` in ${where}`}`,
            didYouMean(key, known) ?? `expected one of: ${known.join(', ')}`,
          );
        }
        break;
      case 'invalid_key':
        for (const inner of issue.issues) at(issue.path, 'key', inner.message, hintOf(inner));
        break;
      case 'invalid_type':
        if (received === undefined) {
          const key = String(issue.path[issue.path.length - 1]);
          at(
            issue.path.slice(0, -1),
            'value',
            `missing required key "${key}"${issue.path.length > 1 ? ` in ${describePath(issue.path.slice(0, -1))}` : ''}`,
          );
        } else {
          at(issue.path, 'value', `${prefix}expected ${expectedName(issue.expected)}, got ${describeValue(received)}`);
        }
        break;
      case 'invalid_value':
        at(
          issue.path,
          'value',
          `${prefix}${describeValue(received)} is not allowed`,
          `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        );
        break;
      case 'invalid_union':
        at(issue.path, 'value', `${prefix}${issue.message}, got ${describeValue(received)}`);
        break;
      default:
        at(issue.path, 'value', `${prefix}${issue.message}`, hintOf(issue));
    }
  }
  return out;
}

function hintOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const hint: unknown = issue.params?.['hint'];
  return typeof hint === 'string' ? hint : undefined;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

/** `assessments[3].scores.discovery` */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = field(current, segment);
  }
  return current;
}
