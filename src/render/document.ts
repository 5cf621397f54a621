/**
 * What every document of a build shares: its paper, its fonts, accent colour
 * and stylesheet, and the logo, all inline, so that the printing page loads
 * nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Dataset } from '../model/dataset.js';
import type { Framework } from '../model/schema.js';
import { fontFaceCss } from './fonts.js';
import type { Templates } from './templates.js';

export type Paper = 'A4' | 'Letter';

export interface DocumentStyles {
  /** The fonts, the accent colour and the stylesheet. */
  css: string;
  /** The logo as a `data:` URL, or null. */
  logo: string | null;
}

/** SPEC §6: A4 for `fr`, Letter for `en`, unless the framework says otherwise. */
export function paperOf(framework: Framework): Paper {
  return framework.report?.paper ?? (framework.locale === 'fr' ? 'A4' : 'Letter');
}

export async function documentStyles(dataset: Dataset, templates: Templates): Promise<DocumentStyles> {
  const accent = dataset.framework.report?.accent ?? '#0b5cad';
  const css = [await fontFaceCss(), `:root { --accent: ${accent}; }`, templates.stylesheet].join('\n');
  const logoName = dataset.framework.report?.logo;
  const logo = logoName === undefined ? null : await logoDataUrl(path.join(dataset.root, logoName));
  return { css, logo };
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

async function logoDataUrl(file: string): Promise<string> {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (type === undefined)
    throw new UsageError(`the logo ${file} is not an image revue can embed`, {
      hint: `use one of: ${Object.keys(IMAGE_TYPES).join(', ')}`,
    });
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
}
