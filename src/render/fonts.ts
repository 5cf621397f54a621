/**
 * The report's typeface, shipped inside the package (@fontsource/source-sans-3)
 * and embedded in every document as `data:` URLs, so that a report looks the
 * same on every machine and the printing page needs no file or network access.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { packagePath } from '../package-root.js';

/** The CSS family name every stylesheet and chart uses. */
export const FONT_FAMILY = 'Source Sans 3';

/** `font-family` value to use in CSS and in charts (quoted: the name ends in a digit). */
export const FONT_STACK = `"${FONT_FAMILY}", sans-serif`;

interface Face {
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

/** Body text, semibold headings, bold figures, and italics for quotations. */
const FACES: readonly Face[] = [
  { weight: 400, style: 'normal' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
];

/** latin covers English and French; latin-ext the names of people from elsewhere in Europe. */
const SUBSETS = ['latin-ext', 'latin'] as const;

/** Resolves from revue's package folder: the fonts are its dependency's files. */
const require = createRequire(packagePath('package.json'));
const PACKAGE = '@fontsource/source-sans-3';

let cached: Promise<string> | undefined;

/**
 * `@font-face` rules for the report's typeface, every file inlined as a
 * base64 `data:` URL, with the package's `unicode-range` per subset so the
 * browser picks the subset holding each character. Read once per process.
 */
export function fontFaceCss(): Promise<string> {
  cached ??= buildFontFaceCss().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildFontFaceCss(): Promise<string> {
  const ranges = await readUnicodeRanges();
  const rules = await Promise.all(
    FACES.flatMap((face) =>
      SUBSETS.map(async (subset) => {
        const file = require.resolve(`${PACKAGE}/files/source-sans-3-${subset}-${face.weight}-${face.style}.woff2`);
        const data = await readFile(file);
        const range = ranges.get(subset);
        return [
          '@font-face {',
          `  font-family: "${FONT_FAMILY}";`,
          `  font-style: ${face.style};`,
          `  font-weight: ${face.weight};`,
          // A printed page must never show a fallback font: wait for ours.
          '  font-display: block;',
          `  src: url(data:font/woff2;base64,${data.toString('base64')}) format("woff2");`,
          ...(range === undefined ? [] : [`  unicode-range: ${range};`]),
          '}',
        ].join('\n');
      }),
    ),
  );
  return rules.join('\n');
}

async function readUnicodeRanges(): Promise<Map<string, string>> {
  const parsed: unknown = JSON.parse(await readFile(require.resolve(`${PACKAGE}/unicode.json`), 'utf8'));
  const ranges = new Map<string, string>();
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [subset, range] of Object.entries(parsed)) {
      if (typeof range === 'string') ranges.set(subset, range);
    }
  }
  return ranges;
}
