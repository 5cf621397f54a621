/**
 * `revue log` adds one assessment to a rep's file (SPEC §7): at the end of
 * `assessments`, in the style of the entries already there, and every other
 * byte of the file as it was — comments, blank lines, quotes, line endings.
 *
 * The file is parsed with the `yaml` package for the positions of its nodes,
 * and the new entry is inserted as text at the end of the last one: the
 * document is not re-serialised (that would re-quote, re-space and drop the
 * CRLF of a file that has them). The entry itself is written by the `yaml`
 * package, so that free text is always quoted correctly, then indented as its
 * neighbours are.
 */
import { Document, isMap, isNode, isScalar, isSeq, parseDocument, type YAMLSeq } from 'yaml';

/** One coaching session, as `revue log` writes it (SPEC §3, in this key order). */
export interface NewAssessment {
  date: string;
  kind?: string;
  context?: string;
  scores: Record<string, number>;
  strengths?: string;
  improvements?: string;
  notes?: Record<string, string>;
  actions?: string[];
}

/** How the file lays out its entries, read from the last one (defaults: yaml's own). */
interface Style {
  /** Column of the `-` of an entry. */
  dash: number;
  /** Spaces of one nesting level inside an entry (`scores:` → its keys). */
  indent: number;
  /** `scores: { discovery: 3 }` rather than one line per score. */
  flowScores: boolean;
  eol: '\n' | '\r\n';
}

/**
 * `text` with `entry` added at the end of its `assessments` (created when the
 * file has none). Throws when the file is not a mapping that can take one:
 * the caller validates the file first.
 */
export function appendAssessment(text: string, entry: NewAssessment): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new Error(`the file cannot be read as YAML: ${doc.errors[0]?.message ?? ''}`);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('the file is not a mapping of keys');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'assessments');
  const value = pair?.value;

  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const style = styleOf(text, value, eol);
    const last = value.items.at(-1);
    const end = rangeOf(last)?.[1] ?? text.length;
    return insertLines(text, end, entryText(entry, style), eol);
  }
  const keyColumn =
    pair === undefined ? columnOf(text, rangeOf(root)?.[0] ?? 0) : columnOf(text, rangeOf(pair.key)?.[0] ?? 0);
  const style: Style = { dash: keyColumn + 2, indent: 2, flowScores: false, eol };
  if (pair === undefined) {
    // No log yet: a new key, at the end of the file.
    return insertLines(text, text.length, `${' '.repeat(keyColumn)}assessments:${eol}${entryText(entry, style)}`, eol);
  }
  // `assessments:` with nothing, `~`, or `[]`: the entry replaces the empty value, a comment stays.
  if (value !== null && !isEmptyValue(value)) throw new Error('its assessments are not a list that revue can add to');
  const keyEnd = rangeOf(pair.key)?.[1] ?? 0;
  const lineEnd = endOfLine(text, keyEnd);
  const valueRange = rangeOf(value);
  if (valueRange !== undefined && valueRange[0] < valueRange[1] && valueRange[1] > lineEnd)
    throw new Error('its assessments are written on the lines below their key: write them as a block list');
  let rest = text.slice(keyEnd, lineEnd).replace(/\r$/, '');
  if (valueRange !== undefined && valueRange[0] < valueRange[1])
    rest = rest.slice(0, valueRange[0] - keyEnd) + rest.slice(valueRange[1] - keyEnd);
  const comment = /#.*$/.exec(rest)?.[0];
  const line = `${text.slice(0, keyEnd)}:${comment === undefined ? '' : ` ${comment}`}`;
  const tail = text.slice(lineEnd < text.length ? lineEnd + 1 : lineEnd);
  return `${line}${eol}${entryText(entry, style)}${tail}`;
}

/** Nothing (`assessments:`), `~`, `null`, or an empty list `[]`. */
function isEmptyValue(value: unknown): boolean {
  if (isScalar(value)) return value.value === null;
  return isSeq(value) && value.items.length === 0;
}

/** The offset of the line break ending the line of `offset` (or the end of the text). */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** The entry as YAML lines, indented for its place, each ending with `eol`. */
function entryText(entry: NewAssessment, style: Style): string {
  const ordered: Record<string, unknown> = { date: entry.date };
  if (entry.kind !== undefined) ordered['kind'] = entry.kind;
  if (entry.context !== undefined) ordered['context'] = entry.context;
  ordered['scores'] = entry.scores;
  if (entry.strengths !== undefined) ordered['strengths'] = entry.strengths;
  if (entry.improvements !== undefined) ordered['improvements'] = entry.improvements;
  if (entry.notes !== undefined && Object.keys(entry.notes).length > 0) ordered['notes'] = entry.notes;
  if (entry.actions !== undefined && entry.actions.length > 0) ordered['actions'] = entry.actions;
  const doc = new Document([ordered]);
  const map = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
  const scores = isMap(map) ? map.get('scores', true) : undefined;
  if (isMap(scores)) scores.flow = style.flowScores;
  const yaml = doc.toString({ indent: style.indent, lineWidth: 0 });
  const pad = ' '.repeat(style.dash);
  return yaml
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : `${pad}${line}`))
    .join(style.eol)
    .concat(style.eol);
}

/** The layout of the entries already in `seq`, from its last entry. */
function styleOf(text: string, seq: YAMLSeq, eol: Style['eol']): Style {
  const dash = columnOf(text, rangeOf(seq)?.[0] ?? 0);
  const last = seq.items.at(-1);
  let indent = 2;
  let flowScores = false;
  if (isMap(last)) {
    const scoresPair = last.items.find((item) => isScalar(item.key) && item.key.value === 'scores');
    const scores = scoresPair?.value;
    if (isMap(scores)) {
      flowScores = scores.flow === true;
      const first = scores.items[0];
      const keyColumn = columnOf(text, rangeOf(scoresPair?.key)?.[0] ?? 0);
      const innerColumn = first === undefined ? undefined : columnOf(text, rangeOf(first.key)?.[0] ?? 0);
      if (!flowScores && innerColumn !== undefined && innerColumn > keyColumn) indent = innerColumn - keyColumn;
    }
  }
  return { dash, indent, flowScores, eol };
}

/** Inserts `lines` at `offset`, on a line of their own. */
function insertLines(text: string, offset: number, lines: string, eol: Style['eol']): string {
  const at = nextLineStart(text, offset);
  const before = text.slice(0, at);
  const needsBreak = before !== '' && !before.endsWith('\n');
  return `${before}${needsBreak ? eol : ''}${lines}${text.slice(at)}`;
}

/** The start of the line after `offset` (or the end of the text), unless `offset` already starts a line. */
function nextLineStart(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return isNode(node) ? (node.range ?? undefined) : undefined;
}
