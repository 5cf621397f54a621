/**
 * The slips of a YAML file typed by hand (SPEC §4), found in one parse of
 * it, each with its plain-words diagnostic and the repair that lets the rest
 * of the file be read as its author meant it: an unclosed quote or bracket,
 * a tab, a missing space after a colon, a wrong indentation (and, in
 * duplicate-keys.ts, a missing `- `).
 * A repair changes the line of its slip (and, for a block moved, the lines
 * inside it); parse-yaml.ts applies them and parses again.
 */
import { visit, type Document } from 'yaml';
import type { DiagnosticText } from '../messages/diagnostics.js';
import {
  allowedColumns,
  indentOf,
  isBlank,
  itemContentColumn,
  MAX_LOOKBACK,
  nearestColumn,
  opensBlock,
  type LineSource,
} from './indentation.js';
import type { Edit, Lines } from './positions.js';

export interface Slip {
  /** Where the diagnostic points, in the text that was parsed. */
  offset: number;
  text: DiagnosticText;
  /** The repair. */
  edits: Edit[];
  /** The 0-based line of the slip (its repair may move the lines inside it too). */
  line: number;
}

export interface SlipContext {
  doc: Document;
  lines: Lines;
  /** Words that are keys of the format (and ids of the framework): `discovery:3` is a slip only for those. */
  keys: ReadonlySet<string> | undefined;
  /** Of `keys`, the framework's ids. */
  ids?: ReadonlySet<string> | undefined;
}

type Range = readonly [number, number, number];

export function rangeOf(node: unknown): Range | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  if (!Array.isArray(range)) return undefined;
  const a: unknown = range[0];
  const b: unknown = range[1];
  const c: unknown = range[2];
  return typeof a === 'number' && typeof b === 'number' && typeof c === 'number' ? [a, b, c] : undefined;
}

/** The inside lines of multi-line texts (block scalars, quoted, plain values): not lines of the structure. */
export function textLines(doc: Document, lines: Lines, withPlain: boolean): Set<number> {
  const inside = new Set<number>();
  visit(doc, {
    Scalar(key, node) {
      const range = rangeOf(node);
      if (range === undefined) return;
      if (node.type === 'PLAIN' && (!withPlain || key === 'key')) return;
      const first = lines.indexOf(range[0]);
      const last = lines.indexOf(Math.max(range[0], range[1] - 1));
      for (let i = first + 1; i <= last; i++) inside.add(i);
    },
  });
  return inside;
}

const lineEnd = (lines: Lines, index: number) => lines.start(index) + lines.line(index).trimEnd().length;

/** A quote never closed: the parser says so at the end of the file; the slip is where it opens. */
export function unclosedQuotes({ doc, lines }: SlipContext): Slip[] {
  const errors = doc.errors.filter((e) => e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message));
  if (errors.length === 0) return [];
  const quoted: Array<{ start: number; end: number; quote: string }> = [];
  visit(doc, {
    Scalar(_, node) {
      const range = rangeOf(node);
      if (range === undefined) return;
      if (node.type === 'QUOTE_DOUBLE') quoted.push({ start: range[0], end: range[1], quote: '"' });
      if (node.type === 'QUOTE_SINGLE') quoted.push({ start: range[0], end: range[1], quote: "'" });
    },
  });
  const slips: Slip[] = [];
  for (const error of errors) {
    const [pos] = error.pos;
    const scalar =
      quoted.find((q) => q.end === pos) ?? quoted.filter((q) => q.start <= pos).sort((a, b) => b.start - a.start)[0];
    if (scalar === undefined) continue;
    const line = lines.indexOf(scalar.start);
    const fixed = `${lines.line(line).trimEnd()}${scalar.quote}`;
    slips.push({
      offset: scalar.start,
      text: { code: 'unclosed-quote', params: { quote: scalar.quote, fix: fixed.trim() } },
      edits: [{ at: lineEnd(lines, line), remove: 0, insert: scalar.quote }],
      line,
    });
  }
  return slips;
}

/** A `{` or `[` never closed. */
export function unclosedBrackets({ doc, lines }: SlipContext): Slip[] {
  const slips: Slip[] = [];
  const flows: Array<{ start: number; end: number; closer: string }> = [];
  visit(doc, {
    Collection(_, node) {
      const range = rangeOf(node);
      if (range !== undefined && node.flow === true) flows.push({ start: range[0], end: range[1], closer: '' });
    },
  });
  for (const error of doc.errors) {
    const match = /end with an? ([}\]])/.exec(error.message);
    if (match?.[1] === undefined) continue;
    const closer = match[1];
    const [pos] = error.pos;
    const flow = flows.filter((f) => f.start <= pos && f.end >= pos).sort((a, b) => b.start - a.start)[0];
    if (flow === undefined) continue;
    // After the last thing written in the collection.
    const last = lines.text.slice(0, pos).trimEnd().length;
    const line = lines.indexOf(Math.max(flow.start, last - 1));
    const at = Math.min(last, lineEnd(lines, line));
    const written = lines.line(line);
    const column = at - lines.start(line);
    slips.push({
      offset: flow.start,
      text: {
        code: 'unclosed-bracket',
        params: { bracket: closer === '}' ? '{' : '[', fix: `${written.slice(0, column)} ${closer}`.trim() },
      },
      edits: [{ at, remove: 0, insert: ` ${closer}` }],
      line,
    });
  }
  return slips;
}

/** The width of one level in this file: its smallest indentation, 2 when it has none. */
function indentUnit(lines: Lines): number {
  let unit = Infinity;
  for (let i = 0; i < lines.count; i++) {
    const line = lines.line(i);
    if (isBlank(line) || line.startsWith('\t')) continue;
    const indent = indentOf(line);
    if (indent > 0 && !line.slice(0, indent).includes('\t')) unit = Math.min(unit, indent);
  }
  return Number.isFinite(unit) && unit <= 8 ? unit : 2;
}

/**
 * Tabs used to indent: one diagnostic for the file (an editor set to tabs
 * indents every line with them), and every such line re-indented with
 * spaces at the column its neighbours imply.
 */
export function tabIndents({ doc, lines, keys, ids }: SlipContext): Slip[] {
  // The parser names the first few tabbed lines and loses its way after them: once it has named one, every
  // line indented with a tab is one, but inside a block or quoted text, where a tab is text.
  // A tab after spaces (`  \tnegotiation: 2`) is not one to the parser, which finds the line misindented instead.
  const tabbedAt = (offset: number) => TABBED.test(lines.line(lines.indexOf(offset)));
  if (!doc.errors.some((e) => e.code === 'TAB_AS_INDENT' || tabbedAt(e.pos[0]))) return [];
  const inside = textLines(doc, lines, false);
  const tabbed: number[] = [];
  for (let i = 0; i < lines.count; i++) if (!inside.has(i) && TABBED.test(lines.line(i))) tabbed.push(i);
  if (tabbed.length === 0) return [];
  const unit = indentUnit(lines);
  const repaired = new Map<number, string>();
  const source: LineSource = { count: lines.count, line: (i) => repaired.get(i) ?? lines.line(i) };
  const edits: Array<{ line: number; edit: Edit }> = [];
  /** The width each indentation as written was given, the latest. */
  const widths = new Map<string, number>();
  const columnsOfKeys = keyColumns(lines, (i) => inside.has(i) || lines.line(i).includes('\t'));
  const kindOf = kinds(keys, ids);
  for (const index of tabbed) {
    const line = lines.line(index);
    const whitespace = /^[ \t]*/.exec(line)?.[0] ?? '';
    // How wide it looks in an editor with tabs of 4, before it is snapped to a column of the lines around.
    const visual = [...whitespace].reduce((width, c) => (c === '\t' ? width + 4 - (width % 4) : width + 1), 0);
    const rest = line.slice(whitespace.length);
    repaired.set(index, `${' '.repeat(visual)}${rest}`);
    const above = previousLine(source, index);
    const opener = above === undefined ? undefined : source.line(above);
    // Indented as a line above (a file indented with tabs throughout): where that one went. Else, under a key
    // that opens a block, one level in; elsewhere, the column of the lines around it that it looks nearest to.
    const known = widths.get(whitespace);
    const width =
      opener !== undefined && opensBlock(opener)
        ? known !== undefined && known > indentOf(opener)
          ? known
          : indentOf(opener) + unit
        : (known ?? columnFor(source, index, allowedColumns(source, index) ?? [0], columnsOfKeys, kindOf, visual));
    widths.set(whitespace, width);
    repaired.set(index, `${' '.repeat(width)}${rest}`);
    edits.push({ line: index, edit: { at: lines.start(index), remove: whitespace.length, insert: ' '.repeat(width) } });
  }
  const first = tabbed[0] ?? 0;
  return edits.map(({ line, edit }) => ({
    offset: lines.start(line),
    text: { code: 'tab-indent', params: { others: tabbed.length - 1, fix: repaired.get(first) ?? '' } },
    edits: [edit],
    line,
  }));
}

/**
 * Of the columns a tabbed line may start at, the one where its key stands
 * elsewhere in the file (`strengths:` where the other sessions have theirs);
 * else one whose keys just above are of its kind (`presentation:` among the
 * competencies of `scores:`, not among a session's own keys); else the one
 * its tab looks nearest to: a tab is as wide as each editor makes it.
 */
function columnFor(
  source: LineSource,
  index: number,
  allowed: readonly number[],
  keyed: ReadonlyMap<string, ReadonlySet<number>>,
  kindOf: (key: string) => 'id' | 'format' | undefined,
  visual: number,
): number {
  const key = keyOf(source.line(index).trimStart());
  const elsewhere = allowed.filter((column) => keyed.get(key)?.has(column) === true);
  if (elsewhere.length > 0) return nearestColumn(elsewhere, visual);
  const kind = kindOf(key);
  const alike =
    kind === undefined ? [] : allowed.filter((column) => siblingKinds(source, index, column, kindOf).has(kind));
  return nearestColumn(alike.length > 0 ? alike : allowed, visual);
}

/** The kinds of the keys at `column` in the block just above line `index` (up to a line left of it). */
function siblingKinds(
  source: LineSource,
  index: number,
  column: number,
  kindOf: (key: string) => 'id' | 'format' | undefined,
): Set<'id' | 'format'> {
  const kinds = new Set<'id' | 'format'>();
  // Bounded like allowedColumns: a file of many tabbed lines stays linear.
  for (let i = index - 1, seen = 0; i >= 0 && i >= index - MAX_LOOKBACK && seen < 20; i--) {
    const line = source.line(i);
    if (isBlank(line)) continue;
    const indent = indentOf(line);
    // A list item's keys stand at its content's column (`  - date:` has its key at 4).
    if ((itemContentColumn(line) ?? indent) === column) {
      seen++;
      const kind = kindOf(keyOf(line.trimStart()));
      if (kind !== undefined) kinds.add(kind);
    }
    if (indent < column) break;
  }
  return kinds;
}

/** The key a line starts with (`presentation: 2`, `- date: …` gives `date`), '' when none. */
function keyOf(rest: string): string {
  return /^(?:- +)?([A-Za-z_][\w-]*):(?:\s|$)/.exec(rest)?.[1] ?? '';
}

/** The columns each key starts at in the file, over the lines not `skipped`. */
function keyColumns(lines: Lines, skipped: (index: number) => boolean): Map<string, Set<number>> {
  const columns = new Map<string, Set<number>>();
  for (let i = 0; i < lines.count; i++) {
    if (skipped(i)) continue;
    const line = lines.line(i);
    const match = /^( *)(- +)?([A-Za-z_][\w-]*):(?:\s|$)/.exec(line);
    if (match === null) continue;
    const key = match[3] ?? '';
    const column = (match[1] ?? '').length + (match[2] ?? '').length;
    const set = columns.get(key) ?? new Set<number>();
    set.add(column);
    columns.set(key, set);
  }
  return columns;
}

/** A line indented with a tab, alone or after spaces. */
const TABBED = /^[ \t]*\t/;

function previousLine(source: LineSource, index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (!isBlank(source.line(i))) return i;
  return undefined;
}

/**
 * `discovery:3`: YAML reads it as the text "discovery:3", not a key and its
 * value. A slip when the word before the colon is a key of the format or an
 * id of the framework (or, without that list, when a number follows).
 */
export function missingSpaces({ doc, lines, keys }: SlipContext): Slip[] {
  const inside = textLines(doc, lines, true);
  const slips: Slip[] = [];
  for (let i = 0; i < lines.count; i++) {
    if (inside.has(i)) continue;
    const line = lines.line(i);
    const match = /^(\s*(?:- +)?)([A-Za-z_][\w-]*):(?![\s:/]|$)(.*)$/.exec(line);
    if (match === null) continue;
    const [, lead = '', key = '', rest = ''] = match;
    if (keys === undefined ? !/^["'\d-]/.test(rest) : !keys.has(key)) continue;
    const at = lines.start(i) + lead.length + key.length + 1;
    slips.push({
      offset: lines.start(i) + lead.length,
      text: {
        code: 'missing-space',
        params: { written: `${key}:${rest}`.trimEnd(), fix: `${lead.trimStart()}${key}: ${rest}`.trimEnd() },
      },
      edits: [{ at, remove: 0, insert: ' ' }],
      line: i,
    });
  }
  return slips;
}

/** The parser's complaints that, near a line, come from its indentation. */
const INDENT_ERRORS = new Set(['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/**
 * A line starting at a column no block around it uses. A list item or a
 * key opening a block moves with the lines inside it, so that a whole entry
 * typed one space off is one slip.
 */
export function wrongIndents({ doc, lines, keys, ids }: SlipContext): Slip[] {
  const inside = textLines(doc, lines, false);
  const skip = (i: number) => inside.has(i);
  // The lines as repaired by this pass so far: a line is judged against its neighbours as they will be.
  const repaired = new Map<number, string>();
  const source: LineSource = { count: lines.count, line: (i) => repaired.get(i) ?? lines.line(i) };
  const slips: Slip[] = [];
  for (const error of doc.errors) {
    if (!INDENT_ERRORS.has(error.code) || /quote|end with/.test(error.message)) continue;
    const first = lines.indexOf(error.pos[0]);
    const last = Math.min(lines.indexOf(Math.max(error.pos[0], error.pos[1] - 1)) + 1, first + 3, lines.count - 1);
    for (let j = first; j <= last; j++) {
      const flagged = source.line(j);
      if (repaired.has(j) || skip(j) || isBlank(flagged) || flagged.startsWith('\t')) continue;
      const flaggedAllowed = allowedColumns(source, j, skip);
      if (flaggedAllowed === undefined || flaggedAllowed.includes(indentOf(flagged))) continue;
      // The line the parser stumbles on may be right, and the one above it the slip: a competency among
      // the scores moved one level out reads as a key of the session, and the score below it as misplaced.
      const outlier = dedentedAbove(source, j, skip, kinds(keys, ids));
      const i = outlier?.line ?? j;
      if (repaired.has(i)) continue;
      const line = source.line(i);
      const column = indentOf(line);
      const expected = outlier?.column ?? nearestColumn(flaggedAllowed, column);
      const moved = [i, ...(opensBlock(line) || itemContentColumn(line) !== undefined ? childrenOf(source, i) : [])];
      const edits: Edit[] = [];
      for (const index of moved) {
        const text = source.line(index);
        const indent = isBlank(text) ? Math.min(indentOf(text), column) : indentOf(text);
        const width = Math.max(0, indent + expected - column);
        repaired.set(index, `${' '.repeat(width)}${text.slice(indent)}`);
        edits.push({ at: lines.start(index), remove: indent, insert: ' '.repeat(width) });
      }
      slips.push({
        offset: lines.start(i) + column,
        text: {
          code: 'bad-indent',
          params: { column: column + 1, expected: expected + 1, fix: repaired.get(i) ?? line },
        },
        edits,
        line: i,
      });
      break;
    }
  }
  return slips;
}

/** The lines after `index` indented deeper than it, up to the next line that is not. */
function childrenOf(source: LineSource, index: number): number[] {
  const column = indentOf(source.line(index));
  const children: number[] = [];
  for (let i = index + 1; i < source.count; i++) {
    const line = source.line(i);
    if (isBlank(line)) continue;
    if (indentOf(line) <= column) break;
    children.push(i);
  }
  return children;
}

/**
 * A list entry whose `- ` was deleted, leaving the line at the dashes'
 * column (`  date: 2026-05-06` under `  - date: 2026-03-12`): the parser
 * finds the lines below it misindented, and moving them would break what was
 * right. The line is a new entry when the entry above it, at the same
 * column, starts with `- ` and has the same key: its `- ` is put back.
 */
export function dashlessItems({ doc, lines }: SlipContext): Slip[] {
  const slips: Slip[] = [];
  const seen = new Set<number>();
  for (const error of doc.errors) {
    const at = lines.indexOf(error.pos[0]);
    for (let i = Math.max(0, at - 3); i <= at && i < lines.count; i++) {
      if (seen.has(i)) continue;
      seen.add(i);
      const slip = dashless(lines, i);
      if (slip !== undefined) slips.push(slip);
    }
  }
  return slips;
}

function dashless(lines: Lines, index: number): Slip | undefined {
  const line = lines.line(index);
  const match = /^( +)([A-Za-z_][\w-]*):(?:\s|$)/.exec(line);
  if (match === null) return undefined;
  const column = (match[1] ?? '').length;
  const key = match[2] ?? '';
  // The entry above: the nearest line at this column or left of it must be a `- ` at this column.
  let item: number | undefined;
  for (let i = index - 1; i >= 0 && i >= index - MAX_ENTRY_LINES; i--) {
    const above = lines.line(i);
    if (isBlank(above)) continue;
    const indent = indentOf(above);
    if (indent > column) continue;
    if (indent === column && above.slice(column).startsWith('- ')) item = i;
    break;
  }
  if (item === undefined) return undefined;
  const content = itemContentColumn(lines.line(item));
  if (content === undefined) return undefined;
  // The same key in that entry: this line starts the next one.
  let first: number | undefined;
  for (let i = item; i < index; i++) {
    const entry = lines.line(i);
    const keyAt: number = i === item ? content : indentOf(entry);
    if (keyAt === content && new RegExp(`^${key}:(?:\\s|$)`).test(entry.slice(keyAt))) first = i;
  }
  if (first === undefined) return undefined;
  const list = listKey(lines, item, column);
  if (list === undefined) return undefined;
  return {
    offset: lines.start(index) + column,
    text: {
      code: 'missing-dash',
      params: {
        key,
        list,
        firstLine: first + 1,
        column: column + 1,
        fix: `${line.slice(0, column)}- ${line.slice(column).trimEnd()}`,
      },
    },
    edits: [{ at: lines.start(index) + column, remove: 0, insert: '- ' }],
    line: index,
  };
}

/** The key of the list whose entry starts at line `item` (`assessments:` above `  - date: …`). */
function listKey(lines: Lines, item: number, column: number): string | undefined {
  for (let i = item - 1; i >= 0 && i >= item - MAX_ENTRY_LINES * 100; i--) {
    const above = lines.line(i);
    if (isBlank(above) || indentOf(above) >= column) continue;
    return /^\s*(?:- +)?([A-Za-z_][\w-]*):\s*(?:#.*)?$/.exec(above)?.[1];
  }
  return undefined;
}

/** How far up the entry above a dash-less line is looked for. */
const MAX_ENTRY_LINES = 200;

/** A key's kind: an id of the framework, a key of the format, or neither (no ids known: never an id). */
function kinds(keys: ReadonlySet<string> | undefined, ids: ReadonlySet<string> | undefined) {
  return (key: string): 'id' | 'format' | undefined =>
    ids?.has(key) === true ? 'id' : keys?.has(key) === true ? 'format' : undefined;
}

/**
 * The line above `index` when it is the one out of place: left of the lines
 * on both sides of it, which share a column and a kind of key with it (ids of
 * the framework), and opening no block. Where it belongs: their column.
 */
function dedentedAbove(
  source: LineSource,
  index: number,
  skip: (index: number) => boolean,
  kind: (key: string) => 'id' | 'format' | undefined,
): { line: number; column: number } | undefined {
  const previous = (from: number): number | undefined => {
    for (let i = from - 1; i >= 0; i--) if (!isBlank(source.line(i)) && !skip(i)) return i;
    return undefined;
  };
  const above = previous(index);
  const before = above === undefined ? undefined : previous(above);
  if (above === undefined || before === undefined) return undefined;
  const [line, upper, lower] = [source.line(above), source.line(before), source.line(index)];
  const column = indentOf(lower);
  if (indentOf(upper) !== column || indentOf(line) >= column || opensBlock(line)) return undefined;
  const keys = [line, upper, lower].map((text) => kind(keyOf(text.trimStart())));
  if (keys[0] !== 'id' || keys[1] !== 'id' || keys[2] !== 'id') return undefined;
  return { line: above, column };
}
