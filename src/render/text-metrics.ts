/**
 * Text widths for chart layout, read from the report's own font files (the
 * same @fontsource/source-sans-3 faces the documents embed), so that charts
 * drawn in Node are laid out as the browser will set their text.
 *
 * A width is what fontkit's `layout()` gives: the text shaped with the font's
 * default features, kerning among them (this font keeps it in GPOS extension
 * lookups, which a plain sum of advances misses by up to 4 %). Like the
 * browser, which picks a face per character by `unicode-range`, a text mixing
 * subsets is shaped run by run, each run in the face that holds it, with no
 * kerning across a change of face. Italic text (no chart sets any) is measured
 * upright. A character the faces do not hold (the embedded subsets are latin
 * and latin-ext) counts as an average glyph.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import type { MeasureText, ParsedFont } from './svg-context.js';
import { packagePath } from '../package-root.js';

/** Resolves from revue's package folder: the fonts are its dependency's files. */
const require = createRequire(packagePath('package.json'));
const PACKAGE = '@fontsource/source-sans-3';
const WEIGHTS = [400, 600, 700] as const;
/** latin first: where the two subsets' ranges overlap, the browser takes latin (its `@font-face` rule comes last). */
const SUBSETS = ['latin', 'latin-ext'] as const;
/** The width, in em, given to a character no face holds. */
const FALLBACK_EM = 0.55;

type Faces = ReadonlyMap<number, readonly Font[]>;

let measurer: Promise<MeasureText> | undefined;

/** The faces, by weight: latin first, then latin-ext. */
async function loadFaces(): Promise<Faces> {
  // Imported here, not at the top: fontkit takes about half a second to load, which a command
  // drawing no chart (validate, init, --help) should not pay.
  const { create } = await import('fontkit');
  const faces = new Map<number, Font[]>();
  await Promise.all(
    WEIGHTS.map(async (weight) => {
      const fonts = await Promise.all(
        SUBSETS.map(async (subset) => {
          const file = require.resolve(`${PACKAGE}/files/source-sans-3-${subset}-${weight}-normal.woff`);
          const font = create(await readFile(file));
          if ('fonts' in font) throw new Error(`${file} holds a collection of fonts, not one face`);
          return font;
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
  for (const run of runsByFace(fonts, text)) {
    width +=
      run.font === undefined ? FALLBACK_EM * run.length : run.font.layout(run.text).advanceWidth / run.font.unitsPerEm;
  }
  return width;
}

interface Run {
  /** The face holding every character of the run; undefined for characters no face holds. */
  font: Font | undefined;
  text: string;
  /** In characters (code points). */
  length: number;
}

/** The text cut where the face holding its characters changes. */
function runsByFace(fonts: readonly Font[], text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const font = fonts.find((f) => f.hasGlyphForCodePoint(codePoint));
    if (current !== undefined && current.font === font) {
      current.text += char;
      current.length += 1;
    } else {
      current = { font, text: char, length: 1 };
      runs.push(current);
    }
  }
  return runs;
}
