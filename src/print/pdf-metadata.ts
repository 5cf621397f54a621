/**
 * Document metadata (SPEC §6: title, author = organisation) written after
 * printing: Chromium takes the title from <title> but has no way to set an
 * author. The PDF is not rewritten: a standard incremental update (ISO 32000-1
 * §7.5.6) is appended, so the outline, the tags and every other object stay
 * as Chromium wrote them (only renumbered, see below).
 *
 * Reproducible output (SPEC §8, SOURCE_DATE_EPOCH): two prints of the same
 * HTML differ in the CreationDate and ModDate of Chromium's Info dictionary
 * (it writes no /ID and no XMP), and in the ids of the structure elements,
 * which come from the renderer process's history: those are renumbered in
 * place first (pdf-structure-ids.ts), unless the bytes need not be the same
 * (`reproducible: false`). With `date` given, the two dates
 * are overwritten in place with the same number of bytes (so no offset moves),
 * the new Info carries the same date, and the /ID that Chromium leaves out is
 * derived from the content: the same HTML and date give the same bytes.
 */
import { createHash } from 'node:crypto';
import { RenderError } from '../errors.js';
import { normalizeStructureIds } from './pdf-structure-ids.js';
import { findObjectOffset, findStartXref, readDictObject, readXrefSection, type PdfValue } from './pdf-syntax.js';
import { said, type Text } from '../messages/stage.js';

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  /** The application that made the document. Default: the one the PDF names (the browser). */
  creator?: string;
  /** When the document was made: sets CreationDate and ModDate, and makes the output reproducible. */
  date?: Date;
  /**
   * Whether the same HTML and date must give the same bytes. `true`, a
   * reproducible build (SOURCE_DATE_EPOCH): a PDF whose structure ids cannot
   * be renumbered is an error, since it would differ from build to build.
   * `false`, a build stamped with its own time: the bytes differ anyway, so
   * the ids are left as Chromium wrote them (renumbering reads every object
   * of the PDF: some 5 ms a report). Default: renumbered, and a failure is a
   * warning.
   */
  reproducible?: boolean;
  /** Told what could not be done but leaves a valid PDF (see `reproducible`). */
  warn?: (message: Text) => void;
}

/** Returns a copy of `pdf` with an Info dictionary holding `info`, appended as an incremental update. */
export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const out = Buffer.from(pdf);
  const renumbered = info.reproducible === false ? { renamed: 0 } : normalizeStructureIds(out);
  if ('failed' in renumbered) {
    const what = said('idsNotRenumbered', { reason: renumbered.failed });
    if (info.reproducible === true)
      throw new RenderError(said('notReproducible', { what }), { hint: said('notReproducibleHint') });
    info.warn?.(said('validButNotReproducible', { what }));
  }
  const text = out.toString('latin1');
  try {
    const startxref = findStartXref(text);
    const { trailer } = readXrefSection(text, startxref);
    const get = (key: string): PdfValue | undefined => trailer.entries.get(key);
    const size = get('Size');
    const root = get('Root');
    const oldInfoRef = get('Info');
    if (get('Encrypt') !== undefined) throw new Error('the PDF is encrypted');
    if (size?.kind !== 'number' || root?.kind !== 'ref') throw new Error('the trailer has no /Size or /Root');

    const entries = new Map<string, string>();
    if (oldInfoRef?.kind === 'ref') {
      const offset = findObjectOffset(text, startxref, oldInfoRef.num);
      if (offset !== undefined) {
        const oldInfo = readDictObject(text, offset, oldInfoRef.num);
        for (const [key, value] of oldInfo.entries) entries.set(key, value.raw);
        if (info.date !== undefined) overwriteDates(out, oldInfo, pdfDate(info.date));
      }
    }
    entries.set('Title', textString(info.title));
    entries.set('Author', textString(info.author));
    if (info.subject !== undefined) entries.set('Subject', textString(info.subject));
    if (info.creator !== undefined) entries.set('Creator', textString(info.creator));
    if (info.date !== undefined) {
      entries.set('CreationDate', `(${pdfDate(info.date)})`);
      entries.set('ModDate', `(${pdfDate(info.date)})`);
    }
    const dict = `<<${[...entries].map(([key, value]) => `/${key} ${value}`).join('\n')}>>`;

    // Redefine the old Info object where there was one, else take the next number.
    const num = oldInfoRef?.kind === 'ref' ? oldInfoRef.num : size.value;
    const gen = oldInfoRef?.kind === 'ref' ? oldInfoRef.gen : 0;
    const id = get('ID')?.raw ?? derivedId(out, dict);

    const lead = text.endsWith('\n') || text.endsWith('\r') ? '' : '\n';
    const objectOffset = out.length + lead.length;
    const object = `${num} ${gen} obj\n${dict}\nendobj\n`;
    const xrefOffset = objectOffset + object.length;
    const update = [
      lead,
      object,
      'xref\n',
      `${num} 1\n`,
      // Each entry is exactly 20 bytes, its end of line included.
      `${String(objectOffset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`,
      'trailer\n',
      `<</Size ${Math.max(size.value, num + 1)}\n/Root ${root.raw}\n/Info ${num} ${gen} R\n/ID ${id}\n/Prev ${startxref}>>\n`,
      'startxref\n',
      `${xrefOffset}\n`,
      '%%EOF\n',
    ].join('');
    return new Uint8Array(Buffer.concat([out, Buffer.from(update, 'latin1')]));
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RenderError(said('metadataNotSet', { reason }), { cause: error });
  }
}

/** A PDF text string: UTF-16BE with a byte order mark, written in hex, so accents survive any reader. */
export function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmSS+00'00'` in UTC: the length Chromium writes, so it can be replaced in place. */
export function pdfDate(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`
  );
}

/** Replaces the print-time dates of the original Info dictionary, where the new ones have the same length. */
function overwriteDates(out: Buffer, oldInfo: Extract<PdfValue, { kind: 'dict' }>, date: string): void {
  const literal = `(${date})`;
  for (const key of ['CreationDate', 'ModDate']) {
    const value = oldInfo.entries.get(key);
    if (value?.kind === 'string' && value.end - value.start === literal.length) {
      out.write(literal, value.start, 'latin1');
    }
  }
}

/** ISO 32000-1 §14.4: an identifier from the content, so the same document gets the same one. */
function derivedId(pdf: Buffer, info: string): string {
  const hash = createHash('md5').update(pdf).update(info, 'latin1').digest('hex').toUpperCase();
  return `[<${hash}> <${hash}>]`;
}
