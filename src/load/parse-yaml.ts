/**
 * Parse one YAML file keeping every node's position, so that a problem found
 * later in the plain data can be reported at its line and column.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../model/dataset.js';
import { findExcessiveNesting, MAX_NESTING } from './nesting.js';

export interface ParsedFile {
  file: string;
  text: string;
  /** The plain data, or undefined when the YAML could not be read. */
  value: unknown;
  locate: (path: readonly PropertyKey[], target?: 'key' | 'value') => { line: number; column: number };
  diagnostics: Diagnostic[];
}

/** Aliases are handy (&defaults / *defaults); thousands of them are an attack. */
const MAX_ALIASES = 200;

/**
 * Syntax errors cascade: past the first few, they describe the parser's
 * confusion, not the file. A file of junk would otherwise print one error per
 * line, a hundred thousand of them.
 */
const MAX_SYNTAX_ERRORS = 50;

export function parseYamlFile(file: string, text: string): ParsedFile {
  const deep = findExcessiveNesting(text);
  if (deep !== undefined) {
    return refused(
      file,
      text,
      deep,
      `nested more than ${MAX_NESTING} levels deep`,
      'a review file nests a few levels: check the brackets and the indentation here',
    );
  }
  let doc: Document;
  try {
    // logLevel: the parser's warnings become diagnostics; none goes to the console as a Node warning.
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  } catch (e: unknown) {
    // The parser reports its own errors as diagnostics; this is for anything it did not foresee.
    return refused(file, text, 0, `the YAML cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Not the parser's LineCounter: it misses the line breaks inside the tokens of a syntax error.
  const position = positionsIn(text);
  const diagnostics: Diagnostic[] = [];
  const error = (offset: number, message: string, hint?: string) =>
    diagnostics.push({
      severity: 'error',
      file,
      ...position(offset),
      message,
      ...(hint === undefined ? {} : { hint }),
    });

  const problems = [...doc.errors, ...doc.warnings];
  for (const problem of problems.slice(0, MAX_SYNTAX_ERRORS)) {
    const [start] = problem.pos;
    if (problem.code === 'TAG_RESOLVE_FAILED') {
      error(
        start,
        `${problem.message.replace(/^Unresolved tag:? ?/i, 'unsupported tag ').replace(/ at line.*$/s, '')}`,
        'revue reads plain YAML only: remove the tag',
      );
    } else {
      error(start, yamlMessage(problem.code, problem.message), yamlHint(problem.code));
    }
  }
  const more = problems[MAX_SYNTAX_ERRORS];
  if (more !== undefined) {
    error(
      more.pos[0],
      `and ${problems.length - MAX_SYNTAX_ERRORS} more YAML syntax errors from here on`,
      'is this the right file? If it is, correct the first errors and check again',
    );
  }

  let value: unknown;
  if (diagnostics.length === 0) {
    if (doc.contents === null) {
      error(0, 'the file is empty', 'a rep-year file needs at least name and role');
    } else {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIASES });
      } catch (e: unknown) {
        error(
          0,
          `the YAML cannot be read: ${e instanceof Error ? e.message : String(e)}`,
          `aliases (*name) are limited to ${MAX_ALIASES} expansions`,
        );
      }
    }
  }
  return { file, text, value, locate: (p, target = 'value') => locate(doc, p, target, position), diagnostics };
}

/** A file refused before (or instead of) parsing: one error at `offset`, no value. */
function refused(file: string, text: string, offset: number, message: string, hint?: string): ParsedFile {
  const at = positionsIn(text)(offset);
  return {
    file,
    text,
    value: undefined,
    locate: () => at,
    diagnostics: [{ severity: 'error', file, ...at, message, ...(hint === undefined ? {} : { hint }) }],
  };
}

/** Offset -> 1-based line and column, lines ending at \n (a \r\n ends at its \n). */
function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    // The \n of a \r\n is not a column of its line: the line ends where the \r is.
    const at = text[clamped] === '\n' && text[clamped - 1] === '\r' ? clamped - 1 : clamped;
    // The last line start at or before `at`.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
  };
}

/**
 * The position of the node at `path`, or of its nearest existing ancestor when
 * the path does not exist (a missing key is reported on the mapping that lacks it).
 */
function locate(
  doc: Document,
  path: readonly PropertyKey[],
  target: 'key' | 'value',
  position: (offset: number) => { line: number; column: number },
): { line: number; column: number } {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const chosen = target === 'key' && keyNode !== undefined ? keyNode : node;
  const range =
    chosen !== null && typeof chosen === 'object' && 'range' in chosen && Array.isArray(chosen.range)
      ? chosen.range
      : undefined;
  const offset = typeof range?.[0] === 'number' ? range[0] : 0;
  return position(offset);
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  // The parser quotes the offending token whole: in a file of junk that is a whole screen.
  const plain = first
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/"((?:[^"\\]|\\.){40})(?:[^"\\]|\\.)+"/g, '"$1…"');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: this key is already set above in the same mapping';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation';
    default:
      return `YAML syntax: ${plain.charAt(0).toLowerCase()}${plain.slice(1)}`;
  }
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'keep one of the two, or merge them';
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces only: replace the tab with spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: entries of one list or mapping start in the same column';
    default:
      return undefined;
  }
}
