/**
 * How deeply a YAML text nests, measured on the lexer's tokens before the
 * text is parsed. The parser and the composer recurse once per level: a file
 * of ten thousand `[` (or of ever-deeper indentation) exhausts the stack and
 * takes seconds to fail with "maximum call stack size exceeded". A review
 * file nests five levels (assessments → entry → actions → item); the lexer is
 * iterative and linear, so the check is cheap and the refusal immediate.
 */
import { Lexer } from 'yaml';

/** Far above any real file, far below the ~900 levels where the parser runs out of stack. */
export const MAX_NESTING = 64;

// The lexer's markers: they stand for no character of the source.
const DOCUMENT = '\x02';
const FLOW_ERROR_END = '\x18';
const SCALAR = '\x1f';

/**
 * The offset of the first token nested deeper than `limit`, or undefined.
 *
 * Flow collections are counted exactly (`[` and `{` against `]` and `}`; the
 * lexer already leaves out brackets inside quoted, plain and block scalars and
 * comments). Block nesting is estimated from the columns of the nodes open on
 * each line: a line's first node closes the open nodes at or right of its
 * column, and `-` / `?` indicators (and a node right after one) open a level
 * each. The estimate is within one level of the real depth for ordinary
 * files and at worst about half of it (a list at its key's indentation), which
 * the generous limit allows for.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING): number | undefined {
  let offset = 0;
  let flow = 0;
  const block: number[] = [];
  let lineStart = 0;
  let atLineStart = true;
  let afterIndicator = false;
  for (const token of new Lexer().lex(text)) {
    const start = offset;
    if (token === DOCUMENT || token === SCALAR) continue;
    if (token === FLOW_ERROR_END) {
      flow = 0;
      continue;
    }
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    if (token === '' || newline !== -1) {
      // A line break, or a token spanning lines (block scalar, multi-line string): a leaf either way.
      lineStart = newline === -1 ? offset : start + newline + 1;
      atLineStart = true;
      afterIndicator = false;
      continue;
    }
    if (/^[ \t]+$/.test(token) || token.startsWith('#')) continue;
    if (flow === 0) {
      const column = start - lineStart;
      if (atLineStart) {
        while (block.length > 0 && (block[block.length - 1] ?? 0) >= column) block.pop();
        block.push(column);
        atLineStart = false;
      } else if (token === '-' || token === '?' || afterIndicator) {
        block.push(column);
      }
      afterIndicator = token === '-' || token === '?';
    }
    if (token === '[' || token === '{') flow++;
    else if ((token === ']' || token === '}') && flow > 0) flow--;
    if (block.length + flow > limit) return start;
  }
  return undefined;
}
