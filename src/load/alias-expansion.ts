/**
 * The size of a YAML document once its aliases are expanded. An alias
 * (`*actions`) stands for the whole node its anchor names, so a file under
 * 1 MB that reuses one list of 12,000 entries 190 times reads as 2.3 million
 * values: counting the aliases (200 at most) does not bound that, counting
 * what they expand to does.
 */
import { isAlias, isCollection, isNode, isPair, type Document } from 'yaml';

/**
 * How many values aliases may add to a file: a review file that reuses a
 * block of defaults in each of its sessions adds a few hundred.
 */
export const MAX_ALIAS_NODES = 10_000;

export interface AliasExpansion {
  /** The offset (in the parsed text) of the alias at which the expansion goes past the bound. */
  offset: number;
  /** The values added by the aliases up to and including that one. */
  nodes: number;
}

/**
 * The first alias, in document order, at which the values the aliases stand
 * for (each node, scalar or collection, counts one; nested aliases count what
 * they stand for) add up to more than `max`; undefined when they never do.
 * Linear in the size of the document as written: each node's expanded size
 * is computed once.
 */
export function excessiveAliasExpansion(doc: Document, max: number = MAX_ALIAS_NODES): AliasExpansion | undefined {
  /** The anchors seen so far: an alias names the last anchor of that name before it. */
  const anchors = new Map<string, number>();
  let added = 0;
  let found: AliasExpansion | undefined;

  /** The number of values `node` stands for, expanded. */
  const sizeOf = (node: unknown): number => {
    if (found !== undefined || !isNode(node)) return 0;
    let size: number;
    if (isAlias(node)) {
      size = anchors.get(node.source) ?? 1;
      added += size;
      if (added > max) found = { offset: node.range?.[0] ?? 0, nodes: added };
      return size;
    }
    const { anchor } = node;
    size = 1;
    if (isCollection(node)) {
      // The nesting is bounded (64 levels) before the parser runs: this recursion is too.
      for (const item of node.items) size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    }
    if (anchor !== undefined) anchors.set(anchor, size);
    return size;
  };
  sizeOf(doc.contents);
  return found;
}
