/**
 * Which columns a line of a block YAML file may start at, read from the lines
 * above it as a person reads them: the column of each enclosing block, and
 * of the entries of the list item it belongs to. What a misindented line
 * should have been is the nearest of those columns (SPEC §4: "a wrong
 * indentation, naming the column its neighbours use").
 */

/**
 * How far up the enclosing blocks are looked for. The nearest columns are
 * found within a few lines; past them only the top level (column 0, always
 * allowed) is left, maybe hundreds of lines up (`assessments:`). Bounding the
 * walk keeps a file of many misindented lines linear.
 */
export const MAX_LOOKBACK = 500;

/** What this module reads of a text: its lines, as they are or as repaired so far. */
export interface LineSource {
  count: number;
  line: (index: number) => string;
}

/** The width of a line's leading spaces (a tab counts as one: tabs are another slip). */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A line that holds nothing YAML reads: blank, or a comment. */
export function isBlank(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** `key:` or `- key:` with nothing after the colon but a comment: the lines below it are its value. */
export function opensBlock(line: string): boolean {
  const code = line.replace(/\s+#.*$/, '').trimEnd();
  return code.endsWith(':') || code === '-' || /\s-$/.test(code) || /:\s+[|>][-+0-9]*$/.test(code);
}

/** Where the entries of a list item start: `  - date: …` -> 4; undefined for a line that is not an item. */
export function itemContentColumn(line: string): number | undefined {
  const match = /^(\s*)-( +)(?=\S)/.exec(line);
  return match === null ? undefined : (match[1] ?? '').length + 1 + (match[2] ?? '').length;
}

/**
 * The columns (0-based) line `index` may start at given the lines above it:
 * - anything deeper than the line above, when that line opens a block
 *   (`undefined`: no column is wrong);
 * - else the column of each block still open: the line above, and each line
 *   further up that starts left of everything between (its ancestors), with
 *   the entries' column of a list item among them.
 * `skip(i)` leaves out lines that are the inside of a multi-line text.
 */
export function allowedColumns(
  source: LineSource,
  index: number,
  skip: (index: number) => boolean = () => false,
): number[] | undefined {
  const columns: number[] = [];
  let leftmost = Infinity;
  let first = true;
  for (let i = index - 1; i >= 0 && i >= index - MAX_LOOKBACK && leftmost > 0; i--) {
    const line = source.line(i);
    if (isBlank(line) || skip(i)) continue;
    const column = indentOf(line);
    if (first) {
      first = false;
      if (opensBlock(line) && indentOf(source.line(index)) > column) return undefined;
    }
    const content = itemContentColumn(line);
    if (content !== undefined && content < leftmost) columns.push(content);
    if (column < leftmost) {
      columns.push(column);
      leftmost = column;
    }
  }
  if (first || !columns.includes(0)) columns.push(0);
  return [...new Set(columns)];
}

/** The column of `columns` nearest to `column`; between two as near, the deeper (the line above's, most often). */
export function nearestColumn(columns: readonly number[], column: number): number {
  let best = columns[0] ?? 0;
  for (const candidate of columns) {
    const distance = Math.abs(candidate - column);
    const bestDistance = Math.abs(best - column);
    if (distance < bestDistance || (distance === bestDistance && candidate > best)) best = candidate;
  }
  return best;
}
