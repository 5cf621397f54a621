/**
 * Keys set twice in one mapping (SPEC §4: "a duplicate key names the key and
 * the line where it was first set"), and the commonest cause of one: a new
 * list entry typed without its `- `, so that its keys land in the entry
 * above. That case is a slip of its own, repaired like the others of
 * yaml-slips.ts; any other duplicate is reported, its later value used.
 */
import { isPair, isScalar, isSeq, visit, type Document, type YAMLMap } from 'yaml';
import { rangeOf, type Slip, type SlipContext } from './yaml-slips.js';

/** A key set twice in one mapping: where, and where it was first set. */
export interface DuplicateKey {
  key: string;
  /** Offsets of the key where it was set before (its latest time) and where it is set again. */
  first: number;
  again: number;
  /** The mapping is an entry of a list, and the key is its first: a new entry whose `- ` is missing. */
  missingDash: { list: string } | undefined;
}

/** Every key set twice in a mapping of the document. */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  visit(doc, {
    Map(_, node, path) {
      const parent = path[path.length - 1];
      const entryOf = isSeq(parent) && !node.flow ? listName(path) : undefined;
      const seen = new Map<string, number>();
      node.items.forEach((pair, index) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const at = rangeOf(pair.key)?.[0];
        if (key === undefined || at === undefined) return;
        const first = seen.get(key);
        seen.set(key, at);
        if (first === undefined) return;
        const startsEntry = entryOf !== undefined && index > 0 && firstKey(node) === key;
        found.push({ key, first, again: at, missingDash: startsEntry ? { list: entryOf } : undefined });
      });
    },
  });
  return found;
}

function firstKey(map: YAMLMap): string | undefined {
  const key = map.items[0]?.key;
  return isScalar(key) ? String(key.value) : undefined;
}

/** The key of the list `path` ends in: `assessments` for an entry of `assessments:`. */
function listName(path: readonly unknown[]): string {
  const pair = path[path.length - 2];
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : '';
}

/**
 * A missing `- `: the repeated first key starts a new entry. The repair
 * writes the `- ` in the two spaces before the key, where the other entries
 * have theirs.
 */
export function missingDashes({ doc, lines }: SlipContext): Slip[] {
  const slips: Slip[] = [];
  for (const duplicate of duplicateKeys(doc)) {
    if (duplicate.missingDash === undefined) continue;
    const line = lines.indexOf(duplicate.again);
    const column = duplicate.again - lines.start(line);
    const written = lines.line(line);
    if (column < 2 || written.slice(column - 2, column) !== '  ') continue;
    // Pointed where the "- " goes, the fix the whole line as it should be (the dash in the two spaces before the key).
    slips.push({
      offset: lines.start(line) + column - 2,
      text: {
        code: 'missing-dash',
        params: {
          key: duplicate.key,
          list: duplicate.missingDash.list,
          firstLine: lines.indexOf(duplicate.first) + 1,
          column: column - 1,
          fix: `${written.slice(0, column - 2)}- ${written.slice(column).trimEnd()}`,
        },
      },
      edits: [{ at: lines.start(line) + column - 2, remove: 2, insert: '- ' }],
      line,
    });
  }
  return slips;
}
