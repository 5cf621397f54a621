/**
 * What every document of a build shares: its paper, its fonts, accent colour
 * and stylesheet, and the logo, all inline, so that the printing page loads
 * nothing.
 *
 * The logo is embedded in every report, so it is bounded like the data
 * files (docs/security.md §4): a regular file of at most `MAX_LOGO_BYTES`,
 * inside the data folder (a link that stays inside is followed; one that
 * points outside is refused, and so are a named pipe, a device such as
 * /dev/zero, a socket or a folder, without waiting on them). At most the cap
 * plus one byte is ever read, even from a file that grows meanwhile.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { RenderError } from '../errors.js';
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
  const logo = logoName === undefined ? null : await logoDataUrl(dataset.root, logoName);
  return { css, logo };
}

/** A logo is a few kilobytes; it is embedded (base64, a third larger) in every report. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

async function logoDataUrl(root: string, name: string): Promise<string> {
  const file = path.join(root, name);
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (type === undefined)
    throw new RenderError(`the logo ${file} is not an image revue can embed`, {
      hint: `use one of: ${Object.keys(IMAGE_TYPES).join(', ')}`,
    });
  return `data:${type};base64,${(await readLogo(root, file)).toString('base64')}`;
}

async function readLogo(root: string, file: string): Promise<Buffer> {
  const [rootReal, real] = await Promise.all([realpath(root), realpath(file)]).catch((error: unknown) => {
    throw logoError(file, `cannot be read: ${reasonOf(error)}`);
  });
  if (real !== rootReal && !real.startsWith(rootReal + path.sep))
    throw logoError(file, 'is a link to a file outside the data folder', 'copy the image into the data folder');
  // Non-blocking, so that a named pipe put there is refused instead of waited on; no link followed past realpath.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(
    (error: unknown) => {
      throw logoError(file, `cannot be read: ${reasonOf(error)}`);
    },
  );
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw logoError(file, 'is not a regular file (a named pipe, a device or a folder)', 'use an image file');
    if (info.size > MAX_LOGO_BYTES) throw tooLarge(file, info.size);
    const buffer = Buffer.alloc(MAX_LOGO_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_LOGO_BYTES) throw tooLarge(file, undefined);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** `bytes`: its size; undefined when it grew past the cap while it was read. */
function tooLarge(file: string, bytes: number | undefined): RenderError {
  const size = bytes === undefined ? `more than ${megabytes(MAX_LOGO_BYTES)}` : megabytes(bytes);
  return logoError(
    file,
    `is ${size}: a logo may be at most ${megabytes(MAX_LOGO_BYTES)}, since it is embedded in every report`,
    'use a smaller image: a logo is usually a few kB (an SVG, or a PNG of a few hundred pixels)',
  );
}

function logoError(file: string, what: string, hint?: string): RenderError {
  return new RenderError(`the logo ${file} (report.logo in framework.yaml) ${what}`, { hint });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return 'it does not exist';
    if (error.code === 'ELOOP') return 'it is a loop of links';
    if (error.code === 'EACCES') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}
