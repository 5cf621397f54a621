/**
 * Reproducible tagged PDFs (SPEC §8). Chromium names each element of a tagged
 * PDF's structure tree after the DOM node it came from: `/ID (node00000632)`,
 * with the same names in table cells' `/Headers` and in the structure tree's
 * `/IDTree`. The numbers come from a counter of the renderer process, so they
 * depend on what that process rendered before (another report, a crash and a
 * relaunch): the same HTML gives different bytes.
 *
 * This renumbers them in place, in the order the elements are written
 * (node00000001, node00000002, …, the same width), and re-sorts the IDTree's
 * leaf by the new names, so the name tree stays valid. Every change keeps the
 * byte length of what it replaces: no object moves, the cross-reference table
 * stays right, and the tags and the outline stay as Chromium wrote them.
 */
import { findStartXref, parseValue, readXrefSection, type PdfValue } from './pdf-syntax.js';

type Dict = Extract<PdfValue, { kind: 'dict' }>;

const NODE_ID = /^\(node(\d+)\)$/;

/**
 * What renumbering did: how many ids it renamed (0 for a file without any),
 * or why it could not. A file it cannot follow keeps Chromium's ids: still a
 * valid PDF, only not reproducible, which the caller must make known.
 */
export type Renumbering = { renamed: number } | { failed: string };

/** Renumbers the structure element ids of `pdf` in place. */
export function normalizeStructureIds(pdf: Buffer): Renumbering {
  let writes: Array<{ at: number; text: string }> | string;
  try {
    writes = renumbering(pdf.toString('latin1'));
  } catch (error: unknown) {
    return { failed: `its structure cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof writes === 'string') return { failed: writes };
  for (const write of writes) pdf.write(write.text, write.at, 'latin1');
  return { renamed: writes.length };
}

/** The in-place writes that renumber the ids, or why they cannot be made. */
function renumbering(text: string): Array<{ at: number; text: string }> | string {
  const objects = readObjects(text);
  const idTree = idTreeLeaves(objects);
  if (idTree === undefined) {
    const anyId = [...objects.values()].some((value) => hasNodeId(value));
    return anyId ? 'its structure ids are not in an IDTree of one leaf, which is all revue renumbers' : [];
  }
  const inTree = new Set(
    idTree
      .flatMap((leaf) => [leaf.names, leaf.limits])
      .filter((v) => v !== undefined)
      .map((v) => v.start),
  );

  // Every id string outside the IDTree, in file order: the order of the elements.
  const strings: PdfValue[] = [];
  for (const value of objects.values()) collectIds(value, inTree, strings);
  strings.sort((a, b) => a.start - b.start);
  const renamed = new Map<string, string>();
  for (const string of strings) {
    if (renamed.has(string.raw)) continue;
    const digits = NODE_ID.exec(string.raw)?.[1]?.length ?? 0;
    const next = String(renamed.size + 1);
    if (next.length > digits) return `the id ${string.raw} is too short to be renumbered in place`;
    renamed.set(string.raw, `(node${next.padStart(digits, '0')})`);
  }
  if (renamed.size === 0) return [];

  const writes: Array<{ at: number; text: string }> = strings.map((s) => ({
    at: s.start,
    text: renamed.get(s.raw) ?? s.raw,
  }));
  for (const leaf of idTree) {
    const rewritten = rewriteLeaf(leaf, renamed);
    if (rewritten === undefined) return 'its IDTree cannot be rewritten with the same length';
    writes.push(...rewritten);
  }
  return writes;
}

interface Leaf {
  names: Extract<PdfValue, { kind: 'array' }>;
  limits: Extract<PdfValue, { kind: 'array' }> | undefined;
}

/** The leaf's pairs sorted by their new names, and its limits: the same bytes, in a new order. */
function rewriteLeaf(
  leaf: Leaf,
  renamed: ReadonlyMap<string, string>,
): Array<{ at: number; text: string }> | undefined {
  const pairs: Array<{ key: string; ref: string }> = [];
  const items = leaf.names.items;
  for (let i = 0; i < items.length; i += 2) {
    const key = items[i];
    const ref = items[i + 1];
    if (key?.kind !== 'string' || ref === undefined) return undefined;
    pairs.push({ key: renamed.get(key.raw) ?? key.raw, ref: ref.raw });
  }
  pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = `[${pairs.map((p) => `${p.key} ${p.ref}`).join(' ')}]`;
  if (names.length !== leaf.names.raw.length) return undefined;
  const writes = [{ at: leaf.names.start, text: names }];
  if (leaf.limits !== undefined) {
    const limits = `[${pairs[0]?.key ?? ''} ${pairs[pairs.length - 1]?.key ?? ''}]`;
    if (limits.length !== leaf.limits.raw.length) return undefined;
    writes.push({ at: leaf.limits.start, text: limits });
  }
  return writes;
}

/** The in-use objects of every cross-reference section, by number (the latest definition wins). */
function readObjects(text: string): Map<number, PdfValue> {
  const objects = new Map<number, PdfValue>();
  const seen = new Set<number>();
  let offset: number | undefined = findStartXref(text);
  while (offset !== undefined && !seen.has(offset)) {
    seen.add(offset);
    const section = readXrefSection(text, offset);
    for (const [num, entry] of section.entries) {
      if (!entry.inUse || objects.has(num)) continue;
      const header = /^\s*\d+\s+\d+\s+obj/.exec(text.slice(entry.offset, entry.offset + 40));
      if (header === null) continue;
      objects.set(num, parseValue(text, entry.offset + header[0].length));
    }
    const prev = section.trailer.entries.get('Prev');
    offset = prev?.kind === 'number' ? prev.value : undefined;
  }
  return objects;
}

/** The leaves of the structure tree's IDTree; undefined when there is none or its shape is not handled. */
function idTreeLeaves(objects: ReadonlyMap<number, PdfValue>): Leaf[] | undefined {
  const resolve = (value: PdfValue | undefined): PdfValue | undefined =>
    value?.kind === 'ref' ? objects.get(value.num) : value;
  const root = [...objects.values()].find(
    (v): v is Dict => v.kind === 'dict' && v.entries.get('Type')?.raw === '/StructTreeRoot',
  );
  const tree = resolve(root?.entries.get('IDTree'));
  if (tree?.kind !== 'dict') return undefined;
  const leaves: Leaf[] = [];
  const walk = (node: Dict, depth: number): boolean => {
    if (depth > 32) return false;
    const names = node.entries.get('Names');
    const limits = node.entries.get('Limits');
    if (names !== undefined) {
      if (names.kind !== 'array' || (limits !== undefined && limits.kind !== 'array')) return false;
      leaves.push({ names, limits: limits?.kind === 'array' ? limits : undefined });
      return true;
    }
    // Limits on an inner node would need recomputing from the leaves below: not handled.
    if (limits !== undefined) return false;
    const kids = resolve(node.entries.get('Kids'));
    if (kids?.kind !== 'array') return false;
    return kids.items.every((kid) => {
      const child = resolve(kid);
      return child?.kind === 'dict' && walk(child, depth + 1);
    });
  };
  // Several leaves would share their names out in the old order: only one is handled.
  return walk(tree, 0) && leaves.length === 1 ? leaves : undefined;
}

/** Pushes every `(nodeN)` string of `value` not inside the IDTree. */
function collectIds(value: PdfValue, skip: ReadonlySet<number>, out: PdfValue[]): void {
  if (skip.has(value.start)) return;
  if (value.kind === 'string' && NODE_ID.test(value.raw)) out.push(value);
  else if (value.kind === 'array') for (const item of value.items) collectIds(item, skip, out);
  else if (value.kind === 'dict') for (const item of value.entries.values()) collectIds(item, skip, out);
}

/** Whether `value` holds a `(nodeN)` string anywhere. */
function hasNodeId(value: PdfValue): boolean {
  const found: PdfValue[] = [];
  collectIds(value, new Set(), found);
  return found.length > 0;
}
