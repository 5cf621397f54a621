/**
 * Just enough of PDF's syntax (ISO 32000-1 §7.2–7.5) to read a file's trailer,
 * its cross-reference tables and one dictionary object, so that an
 * incremental update can be appended. The file is read as latin1 text, so
 * string indices are byte offsets.
 */

interface Span {
  /** Offset of the value's first byte. */
  start: number;
  /** Offset just past the value's last byte. */
  end: number;
  /** The value's bytes as written, to copy it unchanged. */
  raw: string;
}

export type PdfValue =
  | (Span & { kind: 'dict'; entries: Map<string, PdfValue> })
  | (Span & { kind: 'array'; items: PdfValue[] })
  | (Span & { kind: 'ref'; num: number; gen: number })
  | (Span & { kind: 'number'; value: number })
  | (Span & { kind: 'name' | 'string' | 'hexstring' | 'keyword' });

export interface XrefEntry {
  offset: number;
  gen: number;
  inUse: boolean;
}

export interface XrefSection {
  entries: Map<number, XrefEntry>;
  trailer: Extract<PdfValue, { kind: 'dict' }>;
}

export class PdfSyntaxError extends Error {}

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

export function skipWhitespace(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const char = text.charAt(i);
    if (WHITESPACE.has(char)) {
      i++;
    } else if (char === '%') {
      while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i++;
    } else {
      break;
    }
  }
  return i;
}

/** Reads one object at `pos` (after whitespace): a dictionary, array, reference, string, name, number or keyword. */
export function parseValue(text: string, pos: number): PdfValue {
  const start = skipWhitespace(text, pos);
  const char = text.charAt(start);
  if (text.startsWith('<<', start)) return parseDict(text, start);
  if (char === '[') {
    const items: PdfValue[] = [];
    let i = start + 1;
    for (;;) {
      i = skipWhitespace(text, i);
      if (i >= text.length) throw new PdfSyntaxError(`unterminated array at ${start}`);
      if (text.charAt(i) === ']') break;
      const item = parseValue(text, i);
      items.push(item);
      i = item.end;
    }
    return span(text, start, i + 1, { kind: 'array', items });
  }
  if (char === '(') return span(text, start, endOfLiteralString(text, start), { kind: 'string' });
  if (char === '<') {
    const close = text.indexOf('>', start);
    if (close < 0) throw new PdfSyntaxError(`unterminated hex string at ${start}`);
    return span(text, start, close + 1, { kind: 'hexstring' });
  }
  if (char === '/') return span(text, start, endOfToken(text, start + 1), { kind: 'name' });
  const end = endOfToken(text, start);
  if (end === start) throw new PdfSyntaxError(`unexpected "${char}" at ${start}`);
  const token = text.slice(start, end);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
    // `num gen R` is a reference: look ahead for the two other tokens.
    const ref = /^\s+(\d+)\s+R(?=[\s/<>[\]()%]|$)/.exec(text.slice(end, end + 32));
    if (/^\d+$/.test(token) && ref !== null && ref[1] !== undefined) {
      return span(text, start, end + ref[0].length, { kind: 'ref', num: Number(token), gen: Number(ref[1]) });
    }
    return span(text, start, end, { kind: 'number', value: Number(token) });
  }
  return span(text, start, end, { kind: 'keyword' });
}

function parseDict(text: string, start: number): Extract<PdfValue, { kind: 'dict' }> {
  const entries = new Map<string, PdfValue>();
  let i = start + 2;
  for (;;) {
    i = skipWhitespace(text, i);
    if (text.startsWith('>>', i)) break;
    if (i >= text.length) throw new PdfSyntaxError(`unterminated dictionary at ${start}`);
    const key = parseValue(text, i);
    if (key.kind !== 'name') throw new PdfSyntaxError(`dictionary key expected at ${i}`);
    const value = parseValue(text, key.end);
    entries.set(key.raw.slice(1), value);
    i = value.end;
  }
  return span(text, start, i + 2, { kind: 'dict', entries });
}

function span<T extends object>(text: string, start: number, end: number, value: T): T & Span {
  return Object.assign(value, { start, end, raw: text.slice(start, end) });
}

function endOfToken(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !WHITESPACE.has(text.charAt(i)) && !DELIMITERS.has(text.charAt(i))) i++;
  return i;
}

/** Literal strings nest balanced parentheses and escape with a backslash. */
function endOfLiteralString(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  throw new PdfSyntaxError(`unterminated string at ${start}`);
}

/** The offset that the last `startxref` points to. */
export function findStartXref(text: string): number {
  const at = text.lastIndexOf('startxref');
  if (at < 0) throw new PdfSyntaxError('no startxref');
  const offset = parseValue(text, at + 'startxref'.length);
  if (offset.kind !== 'number' || !Number.isInteger(offset.value)) throw new PdfSyntaxError('bad startxref');
  return offset.value;
}

/** Reads a classic cross-reference table and the trailer after it. */
export function readXrefSection(text: string, offset: number): XrefSection {
  let i = skipWhitespace(text, offset);
  if (!text.startsWith('xref', i)) {
    throw new PdfSyntaxError(`no cross-reference table at ${offset} (cross-reference streams are not supported)`);
  }
  i += 'xref'.length;
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    i = skipWhitespace(text, i);
    if (text.startsWith('trailer', i)) break;
    const header = /^(\d+)\s+(\d+)/.exec(text.slice(i, i + 40));
    if (header === null || header[1] === undefined || header[2] === undefined) {
      throw new PdfSyntaxError(`bad cross-reference subsection at ${i}`);
    }
    const first = Number(header[1]);
    const count = Number(header[2]);
    i += header[0].length;
    for (let n = 0; n < count; n++) {
      i = skipWhitespace(text, i);
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(i, i + 18));
      if (entry === null || entry[1] === undefined || entry[2] === undefined) {
        throw new PdfSyntaxError(`bad cross-reference entry at ${i}`);
      }
      if (!entries.has(first + n)) {
        entries.set(first + n, { offset: Number(entry[1]), gen: Number(entry[2]), inUse: entry[3] === 'n' });
      }
      i += entry[0].length;
    }
  }
  const trailer = parseValue(text, i + 'trailer'.length);
  if (trailer.kind !== 'dict') throw new PdfSyntaxError(`bad trailer at ${i}`);
  return { entries, trailer };
}

/** Where an object starts, following the `/Prev` chain of earlier updates. */
export function findObjectOffset(text: string, startxref: number, num: number): number | undefined {
  const seen = new Set<number>();
  let offset: number | undefined = startxref;
  while (offset !== undefined && !seen.has(offset)) {
    seen.add(offset);
    const section = readXrefSection(text, offset);
    const entry = section.entries.get(num);
    if (entry !== undefined) return entry.inUse ? entry.offset : undefined;
    const prev = section.trailer.entries.get('Prev');
    offset = prev?.kind === 'number' ? prev.value : undefined;
  }
  return undefined;
}

/** Reads the dictionary of the indirect object `num gen obj << … >>` at `offset`. */
export function readDictObject(text: string, offset: number, num: number): Extract<PdfValue, { kind: 'dict' }> {
  const header = new RegExp(`^\\s*${num}\\s+\\d+\\s+obj`).exec(text.slice(offset, offset + 40));
  if (header === null) throw new PdfSyntaxError(`object ${num} not found at ${offset}`);
  const value = parseValue(text, offset + header[0].length);
  if (value.kind !== 'dict') throw new PdfSyntaxError(`object ${num} is not a dictionary`);
  return value;
}
