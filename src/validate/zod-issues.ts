/**
 * Turn the schema's issues into diagnostics at the YAML node's real position,
 * worded in the workspace's language: our own checks carry their code and
 * parameters (model/schema.ts), zod's are recognised from the issue.
 */
import type * as z from 'zod';
import type { Diagnostic } from '../model/dataset.js';
import { field } from '../model/field.js';
import { PATTERNS } from '../model/schema.js';
import { closest, slugify } from '../model/text.js';
import {
  diagnosticOf,
  isDiagnosticText,
  type DiagnosticCatalogue,
  type DiagnosticText,
  type Locale,
} from '../messages/diagnostics.js';
import type { Expected } from '../messages/diagnostics-en.js';
import type { ParsedFile } from '../load/parse-yaml.js';
import { decimalPointFor, digitsFor, fixedLine, isoDateFor } from './content-slips.js';

/** The keys a mapping at `path` accepts, for "did you mean" on unknown keys. */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[];

export interface IssueContext {
  catalogue: DiagnosticCatalogue;
  locale: Locale;
  knownKeys: KnownKeys;
  /** The framework's competency ids: one met as a key of a session belongs under its `scores`. */
  competencies?: ReadonlySet<string> | undefined;
}

export function issuesToDiagnostics(
  parsed: ParsedFile,
  issues: readonly z.core.$ZodIssue[],
  context: IssueContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: readonly PropertyKey[], target: 'key' | 'value', text: DiagnosticText) => {
    const place = { file: parsed.file, ...parsed.locate(path, target) };
    out.push(diagnosticOf(context.catalogue, 'error', place, text));
  };
  for (const issue of issues) {
    const where = describePath(issue.path);
    const received = valueAt(parsed.value, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = context.knownKeys(issue.path);
        for (const key of issue.keys) {
          // A score one level out: `discovery: 2` beside the session's `scores:` instead of under it.
          const session = issue.path.length === 2 && issue.path[0] === 'assessments';
          const under = session && context.competencies?.has(key) === true ? 'scores' : undefined;
          at([...issue.path, key], 'key', {
            code: 'unknown-key',
            params: { key, where, suggestion: closest(key, known), known, under },
          });
        }
        break;
      }
      case 'invalid_key':
        // A record's key (a competency id in scores or notes): reported at the key, the message without a path.
        for (const inner of issue.issues) at(issue.path, 'key', textOf(inner, '', issue.path, parsed, context));
        break;
      default:
        if (issue.code === 'invalid_type' && received === undefined && issue.path.length > 0) {
          const key = String(issue.path[issue.path.length - 1]);
          at(issue.path.slice(0, -1), 'value', {
            code: 'missing-key',
            params: { key, where: describePath(issue.path.slice(0, -1)) },
          });
        } else {
          at(issue.path, 'value', textOf(issue, where, issue.path, parsed, context));
        }
    }
  }
  return out;
}

/** The diagnostic of one issue (not an unknown key, nor a missing one). */
function textOf(
  issue: z.core.$ZodIssue,
  where: string,
  path: readonly PropertyKey[],
  parsed: ParsedFile,
  context: IssueContext,
): DiagnosticText {
  const received = valueAt(parsed.value, path);
  switch (issue.code) {
    case 'custom': {
      const text: unknown = issue.params?.['text'];
      return isDiagnosticText(text) ? located(text, where, path, parsed, context) : invalid(where, issue);
    }
    case 'invalid_type': {
      if (issue.expected === 'number' && typeof received === 'string') {
        const digits = digitsFor(received, path[0] === 'results');
        if (digits !== undefined) {
          return {
            code: 'grouped-digits',
            params: { where, received, fix: fixedLine(parsed, path, received, digits) },
          };
        }
        const fix = decimalPointFor(received);
        if (fix !== undefined) {
          return {
            code: 'decimal-comma',
            params: { where, received, fix: fixedLine(parsed, path, received, fix) },
          };
        }
      }
      return { code: 'wrong-type', params: { where, expected: expectedOf(issue.expected), received } };
    }
    case 'invalid_union':
      return { code: 'wrong-type', params: { where, expected: 'level-or-map', received } };
    case 'invalid_value':
      return {
        code: 'not-allowed',
        params: { where, received, allowed: issue.values.map((v) => String(v)) },
      };
    case 'invalid_format': {
      const value = typeof received === 'string' ? received : String(received);
      if (issue.format !== 'regex') return invalid(where, issue);
      if (issue.pattern === String(PATTERNS.slug))
        return { code: 'not-slug', params: { where, value, slug: slugify(value) } };
      if (issue.pattern === String(PATTERNS.currency)) return { code: 'invalid-currency', params: { where, value } };
      if (issue.pattern === String(PATTERNS.colour)) return { code: 'invalid-colour', params: { where, value } };
      if (issue.pattern === String(PATTERNS.level)) return { code: 'invalid-level-key', params: { where, key: value } };
      return invalid(where, issue);
    }
    case 'too_small': {
      if (issue.origin === 'string') return { code: 'empty-text', params: { where } };
      if (issue.origin === 'array') {
        const list = path[path.length - 1];
        return { code: 'too-few', params: { where, what: list === 'roles' ? 'role' : 'competency' } };
      }
      const value = typeof received === 'number' ? received : Number.NaN;
      return issue.inclusive === true
        ? { code: 'negative-number', params: { where, value } }
        : { code: 'not-positive', params: { where, value } };
    }
    default:
      return invalid(where, issue);
  }
}

/** A check of ours, given the place it was found at. */
function located(
  text: DiagnosticText,
  where: string,
  path: readonly PropertyKey[],
  parsed: ParsedFile,
  context: IssueContext,
): DiagnosticText {
  switch (text.code) {
    case 'unknown-id':
      // A key of a record (scores, notes) is named by the message itself: "unknown competency …".
      return { code: text.code, params: { ...text.params, where } };
    case 'out-of-scale':
      return { code: text.code, params: { ...text.params, where } };
    case 'off-step':
      return { code: text.code, params: { ...text.params, where } };
    case 'date-outside-year':
      return { code: text.code, params: { ...text.params, where } };
    case 'control-character':
      return { code: text.code, params: { ...text.params, where } };
    case 'invalid-date': {
      const iso = isoDateFor(text.params.value, context.locale);
      const fix = iso === undefined ? undefined : fixedLine(parsed, path, text.params.value, iso);
      return { code: text.code, params: { ...text.params, where, fix } };
    }
    default:
      return text;
  }
}

/** An issue of zod that no message of ours words: its own words, in English. */
function invalid(where: string, issue: z.core.$ZodIssue): DiagnosticText {
  return { code: 'invalid', params: { where, detail: issue.message } };
}

function expectedOf(expected: string): Expected {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'int':
      return 'whole-number';
    case 'array':
      return 'list';
    case 'object':
    case 'record':
      return 'mapping';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
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
