/**
 * Text widths for chart layout, read from the report's own font files (the
 * same @fontsource/source-sans-3 faces the documents embed), so that charts
 * drawn in Node are laid out as the browser will set their text.
 *
 * A width is the sum of the glyphs' advances. Kerning is left out (opentype.js
 * does not read this font's kerning, stored in GPOS extension lookups): a
 * label measures at most a few per cent wider than it prints, which only
 * gives it a little more room. Italic text (no chart sets any) is measured
 * upright. A character the faces do not hold (the embedded subsets are latin
 * and latin-ext) counts as an average glyph.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import opentype, { type Font } from 'opentype.js';
import type { MeasureText, ParsedFont } from './svg-context.js';

const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/source-sans-3';
const WEIGHTS = [400, 600, 700] as const;
const SUBSETS = ['latin', 'latin-ext'] as const;
/** The width, in em, given to a character no face holds. */
const FALLBACK_EM = 0.55;

type Faces = ReadonlyMap<number, readonly Font[]>;

let measurer: Promise<MeasureText> | undefined;

/** The faces, by weight: latin first, then latin-ext. */
async function loadFaces(): Promise<Faces> {
  const faces = new Map<number, Font[]>();
  await Promise.all(
    WEIGHTS.map(async (weight) => {
      const fonts = await Promise.all(
        SUBSETS.map(async (subset) => {
          const file = require.resolve(`${PACKAGE}/files/source-sans-3-${subset}-${weight}-normal.woff`);
          const bytes = await readFile(file);
          return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        }),
      );
      faces.set(weight, fonts);
    }),
  );
  return faces;
}

/**
 * A `measure` function for SvgContext: the width of a text in px, in the
 * nearest of the weights charts use (400, 600, 700). One per process, its
 * widths cached per weight and text: charts repeat their labels, report
 * after report.
 */
export function textMeasurer(): Promise<MeasureText> {
  measurer ??= loadFaces().then(createMeasurer, (error: unknown) => {
    measurer = undefined;
    throw error;
  });
  return measurer;
}

function createMeasurer(faces: Faces): MeasureText {
  const cache = new Map<string, number>();
  return (font: ParsedFont, text: string): number => {
    const weight = WEIGHTS.reduce((best, w) => (Math.abs(w - font.weight) < Math.abs(best - font.weight) ? w : best));
    const cacheKey = `${weight}\u0000${text}`;
    let em = cache.get(cacheKey);
    if (em === undefined) {
      em = widthInEm(faces.get(weight) ?? [], text);
      if (cache.size > 20_000) cache.clear();
      cache.set(cacheKey, em);
    }
    return em * font.size;
  };
}

function widthInEm(fonts: readonly Font[], text: string): number {
  let width = 0;
  for (const char of text) {
    const font = fonts.find((f) => f.hasChar(char));
    const advance = font?.charToGlyph(char).advanceWidth;
    width += font === undefined || advance === undefined ? FALLBACK_EM : advance / font.unitsPerEm;
  }
  return width;
}
