/**
 * Parse one YAML file keeping every node's position, so that a problem found
 * later in the plain data can be reported at its line and column.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../model/dataset.js';

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

export function parseYamlFile(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const error = (offset: number, message: string, hint?: string) =>
    diagnostics.push({ severity: 'error', file, ...position(offset), message, ...(hint === undefined ? {} : { hint }) });

  for (const problem of doc.errors) {
    const [start] = problem.pos;
    error(start, yamlMessage(problem.code, problem.message), yamlHint(problem.code));
  }
  for (const warning of doc.warnings) {
    const [start] = warning.pos;
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      error(start, `${warning.message.replace(/^Unresolved tag:? ?/i, 'unsupported tag ').replace(/ at line.*$/s, '')}`, 'revue reads plain YAML only: remove the tag');
    } else {
      error(start, yamlMessage(warning.code, warning.message));
    }
  }

  let value: unknown;
  if (diagnostics.length === 0) {
    if (doc.contents === null) {
      error(0, 'the file is empty', 'a rep-year file needs at least name and role');
    } else {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIASES });
      } catch (e: unknown) {
        error(0, `the YAML cannot be read: ${e instanceof Error ? e.message : String(e)}`, `aliases (*name) are limited to ${MAX_ALIASES} expansions`);
      }
    }
  }
  return { file, text, value, locate: (p, target = 'value') => locate(doc, p, target, position), diagnostics };
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
  const range = chosen !== null && typeof chosen === 'object' && 'range' in chosen && Array.isArray(chosen.range) ? chosen.range : undefined;
  const offset = typeof range?.[0] === 'number' ? range[0] : 0;
  return position(offset);
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const plain = first.replace(/ at line \d+, column \d+:?$/, '');
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
