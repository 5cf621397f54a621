/**
 * Positions in a file that the fast path read (fast-parse.ts), found on its
 * lines: where parse-yaml.ts would place a diagnostic, or undefined when
 * that is not sure. It lets a file that is valid but warned about (a
 * competency never observed, an assessment after the build's date) keep
 * the fast path: only a file with an error, or a warning the lines cannot
 * place for sure, is parsed again with every position (docs/performance.md).
 *
 * A file the fast path accepts is block YAML of a narrow kind: no tab, no
 * anchor, alias or tag, no complex key, directive or document marker, no
 * flow collection over several lines, every key a plain word. In it, the
 * keys of a block mapping stand at one column, each first on its line or
 * after the `- ` of a sequence item; the items of a block sequence are `-`
 * at one column; whatever a key's value holds on later lines is indented
 * deeper than the key (or, for a sequence, may stand at the key's column
 * behind its `-`). The locator walks a path down those columns, and checks
 * each step against the value the fast path read: a mapping's keys found
 * on its column must be exactly the value's keys, a sequence's items as
 * many as the value's, a text must start where it is found. Anything else
 * (a block scalar, an empty value, a flow collection on the way, a line
 * that belongs to no key) gives up. test/unit/fast-locate.test.ts compares
 * every answer with parse-yaml.ts, on every path of every fixture and of
 * hundreds of random files.
 */
import type { Position } from './positions.js';

const KEY = /^([A-Za-z_][\w-]*):(?: |$)/;

/** The start of a node: 0-based line, 0-based column. */
interface Start {
  line: number;
  column: number;
}

/** A node: where it starts, and the lines its content may take (up to `end`, exclusive). */
interface Node {
  start: Start;
  end: number;
}

/** Finds the start of `path`'s key or value in `text`, read by the fast path as `value`; undefined when not sure. */
export type FastLocate = (path: readonly PropertyKey[], target: 'key' | 'value') => Position | undefined;

export function fastLocator(text: string, value: unknown): FastLocate {
  let lines: Lines | undefined;
  return (path, target) => {
    lines ??= linesOf(text);
    const found = walk(lines, value, path, target);
    return found === undefined ? undefined : { line: found.line + 1, column: found.column + 1 };
  };
}

interface Lines {
  text: readonly string[];
  /** Each line's indentation; -1 for a blank line or a comment alone on its line. */
  indent: readonly number[];
  /**
   * The entries of each mapping and the items of each sequence walked so far,
   * by the node's start: each is read off the lines once, so that a file with
   * a diagnostic on each of 100,000 keys costs a look-up per diagnostic, not
   * a pass over the file (issue 13).
   */
  entries: Map<string, { found: Map<string, Node> | undefined }>;
  items: Map<string, { found: Node[] | undefined }>;
}

function linesOf(text: string): Lines {
  const lines = text.split('\n');
  const indent = lines.map((line) => {
    const column = line.search(/[^ ]/);
    return column === -1 || line[column] === '#' ? -1 : column;
  });
  return { text: lines, indent, entries: new Map(), items: new Map() };
}

function once<T>(cache: Map<string, { found: T }>, node: Node, read: () => T): T {
  const key = `${node.start.line}:${node.start.column}:${node.end}`;
  let known = cache.get(key);
  if (known === undefined) cache.set(key, (known = { found: read() }));
  return known.found;
}

function walk(lines: Lines, value: unknown, path: readonly PropertyKey[], target: 'key' | 'value'): Start | undefined {
  const first = lines.indent.findIndex((column) => column !== -1);
  if (first === -1 || lines.indent[first] !== 0) return undefined;
  let node: Node = { start: { line: first, column: 0 }, end: lines.text.length };
  let current: unknown = value;
  let key: Start | undefined;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') {
      const items = once(lines.items, node, () => itemsOf(lines, node));
      if (items?.length !== current.length) return undefined;
      const item = items[segment];
      if (item === undefined) return undefined;
      node = item;
      current = current[segment];
      key = undefined;
    } else if (isMapping(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) {
      const mapping = current;
      const entries = once(lines.entries, node, () => {
        const found = entriesOf(lines, node);
        return found !== undefined && sameKeys(found, mapping) ? found : undefined;
      });
      if (entries === undefined) return undefined;
      const entry = entries.get(segment);
      if (entry === undefined) return undefined;
      const inner = valueOf(lines, entry, segment.length);
      if (inner === undefined) return undefined;
      key = entry.start;
      node = inner;
      current = current[segment];
    } else {
      return undefined;
    }
  }
  if (target === 'key' && key !== undefined) return key;
  return startsAsWritten(lines, node.start, current) ? node.start : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameKeys(entries: ReadonlyMap<string, Node>, value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return entries.size === keys.length && keys.every((key) => entries.has(key));
}

/** The rest of line `line` from `column`, when it holds something other than a comment. */
function restAt(lines: Lines, line: number, column: number): number | undefined {
  const text = lines.text[line] ?? '';
  let at = column;
  while (text[at] === ' ') at++;
  return at >= text.length || text[at] === '#' ? undefined : at;
}

/** The first line after `from` (exclusive) and before `end` with content. */
function nextContent(lines: Lines, from: number, end: number): number | undefined {
  for (let line = from + 1; line < end; line++) if ((lines.indent[line] ?? -1) !== -1) return line;
  return undefined;
}

/** The keys of the block mapping that starts at `node.start`, each with its line; undefined if it is not one. */
function entriesOf(lines: Lines, node: Node): Map<string, Node> | undefined {
  const { line: first, column } = node.start;
  const starts: Array<{ key: string; line: number }> = [];
  for (let line = first; line < node.end; line++) {
    const indent = lines.indent[line] ?? -1;
    if (line !== first && indent === -1) continue;
    if (line !== first && indent !== column) {
      // Deeper: the value of the key before. Shallower: not this mapping's.
      if (indent > column && starts.length > 0) continue;
      return undefined;
    }
    const text = (lines.text[line] ?? '').slice(column);
    // A sequence at its key's column is that key's value.
    if (line !== first && /^-(?: |$)/.test(text) && starts.length > 0) continue;
    const key = KEY.exec(text)?.[1];
    if (key === undefined) return undefined;
    starts.push({ key, line });
  }
  const entries = new Map<string, Node>();
  starts.forEach(({ key, line }, i) => {
    entries.set(key, { start: { line, column }, end: starts[i + 1]?.line ?? node.end });
  });
  return entries.size === starts.length ? entries : undefined;
}

/** The value of the entry whose key (`length` characters) starts at `entry.start`. */
function valueOf(lines: Lines, entry: Node, length: number): Node | undefined {
  return contentAfter(lines, entry.start.line, entry.start.column + length + 1, entry.end);
}

/** The items of the block sequence that starts at `node.start`; undefined if it is not one. */
function itemsOf(lines: Lines, node: Node): Node[] | undefined {
  const { line: first, column } = node.start;
  const dashes: number[] = [];
  for (let line = first; line < node.end; line++) {
    const indent = lines.indent[line] ?? -1;
    if (line !== first && (indent === -1 || indent > column)) continue;
    if (line !== first && indent < column) return undefined;
    if (!/^-(?: |$)/.test((lines.text[line] ?? '').slice(column))) return undefined;
    dashes.push(line);
  }
  const items: Node[] = [];
  for (const [i, line] of dashes.entries()) {
    const item = contentAfter(lines, line, column + 1, dashes[i + 1] ?? node.end);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return items;
}

/**
 * What follows a key's colon or an item's `-` at `column` of `line`, up to
 * line `end`: on the same line, or else on the first line with content
 * after it; undefined for nothing (an empty value) and for a block scalar,
 * whose indicator's position is for the slow path to say.
 */
function contentAfter(lines: Lines, line: number, column: number, end: number): Node | undefined {
  const after = restAt(lines, line, column);
  if (after !== undefined) {
    const mark = lines.text[line]?.[after];
    return mark === '|' || mark === '>' ? undefined : { start: { line, column: after }, end };
  }
  const next = nextContent(lines, line, end);
  return next === undefined ? undefined : { start: { line: next, column: lines.indent[next] ?? 0 }, end };
}

/**
 * Whether what starts at `start` can be `value` as written there: a text
 * begins with itself or a quote, a mapping with a key, a sequence with a
 * `-`; a flow collection, or anything else, is left to the slow path.
 */
function startsAsWritten(lines: Lines, start: Start, value: unknown): boolean {
  const text = (lines.text[start.line] ?? '').slice(start.column);
  if (Array.isArray(value)) return /^-(?: |$)/.test(text);
  if (isMapping(value)) return KEY.test(text);
  if (typeof value === 'string') return value !== '' && (text.startsWith(value) || /^["']/.test(text));
  if (typeof value === 'number' || typeof value === 'boolean') return /^[-+.\w]/.test(text);
  return false;
}
