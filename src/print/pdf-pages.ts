/**
 * How many pages a PDF has: the `/Count` of the page tree its catalog names
 * (ISO 32000-1 §7.7.3), read with pdf-syntax.ts. Used to bound a report's
 * length (print-page.ts).
 */
import { findObjectOffset, findStartXref, readDictObject, readXrefSection } from './pdf-syntax.js';

/** The page count: from the page tree, else the page objects counted (a file whose structure is not Chromium's). */
export function pageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return fromPageTree(text) ?? (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

function fromPageTree(text: string): number | undefined {
  try {
    const startxref = findStartXref(text);
    const root = readXrefSection(text, startxref).trailer.entries.get('Root');
    if (root?.kind !== 'ref') return undefined;
    const catalog = dictAt(text, startxref, root.num);
    const pages = catalog?.entries.get('Pages');
    if (pages?.kind !== 'ref') return undefined;
    const count = dictAt(text, startxref, pages.num)?.entries.get('Count');
    return count?.kind === 'number' && Number.isInteger(count.value) ? count.value : undefined;
  } catch {
    return undefined;
  }
}

function dictAt(text: string, startxref: number, num: number): ReturnType<typeof readDictObject> | undefined {
  const offset = findObjectOffset(text, startxref, num);
  return offset === undefined ? undefined : readDictObject(text, offset, num);
}
