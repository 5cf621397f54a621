/** The bound on a document's size before it reaches the browser (src/print/print-page.ts). */
import { describe, expect, it } from 'vitest';
import { checkSize, MAX_HTML_BYTES } from '../../src/print/print-page.js';

const refused = (html: string): boolean => {
  try {
    checkSize(html);
    return false;
  } catch (error: unknown) {
    if (error instanceof Error && /MB/.test(error.message)) return true;
    throw error;
  }
};

describe('checkSize', () => {
  it('counts bytes of UTF-8, not characters: at the bound and one byte past it', () => {
    expect(refused('a'.repeat(MAX_HTML_BYTES))).toBe(false);
    expect(refused('a'.repeat(MAX_HTML_BYTES + 1))).toBe(true);
    // '€' is 3 bytes: a third as many characters reach the same bound.
    const euros = Math.floor(MAX_HTML_BYTES / 3);
    expect(refused('€'.repeat(euros) + 'a'.repeat(MAX_HTML_BYTES - euros * 3))).toBe(false);
    expect(refused('€'.repeat(euros + 1))).toBe(true);
    // A character outside the BMP is 2 code units and 4 bytes.
    expect(refused('😀'.repeat(MAX_HTML_BYTES / 4))).toBe(false);
    expect(refused('😀'.repeat(MAX_HTML_BYTES / 4) + 'a')).toBe(true);
  });

  it('passes a report-sized document of any characters', () => {
    expect(refused('€'.repeat(Math.floor(MAX_HTML_BYTES / 3)))).toBe(false);
    expect(refused('<p>’</p>'.repeat(50_000))).toBe(false);
  });
});
