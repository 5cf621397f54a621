/**
 * Offsets in a text as lines and columns, and the way back from a repaired
 * text to the text as written. Both are indexed once per text, so that a
 * file with many diagnostics costs a binary search per diagnostic.
 */

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the editors' columns. */
  column: number;
}

/** The lines of a text: where each starts, what it holds, its indentation. */
export interface Lines {
  text: string;
  /** How many lines: a text ending with a line break has an empty last line. */
  count: number;
  /** The offset where 0-based line `index` starts. */
  start: (index: number) => number;
  /** The 0-based line of `offset`. */
  indexOf: (offset: number) => number;
  /** 0-based line `index`, without its line break (nor the \r of a \r\n). */
  line: (index: number) => string;
  /** Offset -> 1-based line and column; the \n of a \r\n is not a column of its line. */
  position: (offset: number) => Position;
}

export function linesOf(text: string): Lines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const start = (index: number) => starts[Math.max(0, Math.min(index, starts.length - 1))] ?? 0;
  const indexOf = (offset: number) => {
    // The last line start at or before `offset`.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const line = (index: number) => {
    if (index < 0 || index >= starts.length) return '';
    const end = index + 1 < starts.length ? start(index + 1) - 1 : text.length;
    const raw = text.slice(start(index), end);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  };
  const position = (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const at = text[clamped] === '\n' && text[clamped - 1] === '\r' ? clamped - 1 : clamped;
    const index = indexOf(at);
    return { line: index + 1, column: at - start(index) + 1 };
  };
  return { text, count: starts.length, start, indexOf, line, position };
}

/** A change to a text: `remove` characters at `at` replaced by `insert`. Offsets are in the text before it. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * `text` with `edits` applied (they must not overlap), and the way back: an
 * offset in the new text -> the offset in `text` it comes from (an offset
 * inside inserted text goes back to where the insertion was made).
 */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; back: (offset: number) => number } {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  // Where each edit's insertion starts in the new text, and the shift after it.
  const newStarts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const edit of sorted) {
    out += text.slice(from, edit.at);
    newStarts.push(edit.at + shift);
    out += edit.insert;
    shift += edit.insert.length - edit.remove;
    shifts.push(shift);
    from = edit.at + edit.remove;
  }
  out += text.slice(from);
  const back = (offset: number): number => {
    // The last edit starting at or before `offset`.
    let low = 0;
    let high = sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((newStarts[mid] ?? 0) <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found === -1) return offset;
    const edit = sorted[found];
    if (edit === undefined) return offset;
    const insertedEnd = (newStarts[found] ?? 0) + edit.insert.length;
    if (offset < insertedEnd) return edit.at + Math.min(offset - (newStarts[found] ?? 0), edit.remove);
    return offset - (shifts[found] ?? 0);
  };
  return { text: out, back };
}
