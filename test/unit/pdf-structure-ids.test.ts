/**
 * A PDF whose structure ids revue cannot renumber (issue 10): never silently.
 * The fixture is a real Chromium print whose StructTreeRoot's /IDTree key was
 * renamed /XDTree (same length, still a valid PDF): its elements keep their
 * `(nodeN)` ids, with no IDTree to rewrite alongside them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { say } from '../../src/messages/stage.js';
import { setPdfInfo } from '../../src/print/pdf-metadata.js';
import { normalizeStructureIds } from '../../src/print/pdf-structure-ids.js';
import { FIXTURES } from '../helpers.js';

const fixture = () => readFile(path.join(FIXTURES, 'pdf', 'ids-without-idtree.pdf'));
const info = { title: 'T', author: 'Org', date: new Date('2026-12-01T00:00:00Z') };

describe('structure ids that cannot be renumbered', () => {
  it('are reported as a failure, with the reason, and the file is left as it was', async () => {
    const pdf = await fixture();
    const before = Buffer.from(pdf);
    const result = normalizeStructureIds(pdf);
    expect('failed' in result ? result.failed : '').toMatch(/not in an IDTree/);
    expect(Buffer.compare(pdf, before)).toBe(0);
  });

  it('fail a reproducible build (SOURCE_DATE_EPOCH) with a RenderError', async () => {
    const pdf = new Uint8Array(await fixture());
    expect(() => setPdfInfo(pdf, { ...info, reproducible: true })).toThrow(RenderError);
    expect(() => setPdfInfo(pdf, { ...info, reproducible: true })).toThrow(/would not give the same bytes/);
  });

  it('otherwise warn, and the metadata is still set', async () => {
    const warnings: string[] = [];
    const out = setPdfInfo(new Uint8Array(await fixture()), { ...info, warn: (m) => warnings.push(say(m, 'en')) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be renumbered: .*not reproducible/);
    expect(Buffer.from(out).toString('latin1')).toMatch(/\/Author <FEFF004F00720067>/);
  });

  it('are left as Chromium wrote them, without a warning, when the bytes need not be the same', async () => {
    const pdf = await fixture();
    const ids = (bytes: Uint8Array) =>
      Buffer.from(bytes)
        .toString('latin1')
        .match(/\(node\d+\)/g) ?? [];
    const warnings: string[] = [];
    const out = setPdfInfo(new Uint8Array(pdf), {
      ...info,
      reproducible: false,
      warn: (m) => warnings.push(say(m, 'en')),
    });
    expect(warnings).toEqual([]);
    expect(ids(pdf).length).toBeGreaterThan(0);
    expect(ids(out)).toEqual(ids(pdf));
    expect(Buffer.from(out).toString('latin1')).toMatch(/\/Author <FEFF004F00720067>/);
  });

  it('a PDF with no structure at all is not a failure', () => {
    const body = '%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\n';
    const xref = 'xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2 /Root 1 0 R>>\n';
    const bare = Buffer.from(`${body}${xref}startxref\n${body.length}\n%%EOF\n`, 'latin1');
    expect(normalizeStructureIds(bare)).toEqual({ renamed: 0 });
  });
});
