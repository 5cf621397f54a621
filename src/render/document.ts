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
import { said, type Text } from '../messages/stage.js';

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
    throw new RenderError(said('logoNotImage', { file }), {
      hint: said('logoTypes', { types: Object.keys(IMAGE_TYPES) }),
    });
  return `data:${type};base64,${(await readLogo(root, file)).toString('base64')}`;
}

async function readLogo(root: string, file: string): Promise<Buffer> {
  const [rootReal, real] = await Promise.all([realpath(root), realpath(file)]).catch((error: unknown) => {
    throw logoError(file, said('logoUnreadable', { reason: reasonOf(error) }));
  });
  if (real !== rootReal && !real.startsWith(rootReal + path.sep))
    throw logoError(file, said('logoOutside'), said('logoOutsideHint'));
  // Non-blocking, so that a named pipe put there is refused instead of waited on; no link followed past realpath.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(
    (error: unknown) => {
      throw logoError(file, said('logoUnreadable', { reason: reasonOf(error) }));
    },
  );
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw logoError(file, said('logoNotFile'), said('logoNotFileHint'));
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
  const max = said('megabytes', { bytes: MAX_LOGO_BYTES });
  const size = bytes === undefined ? said('logoMoreThan', { max }) : said('megabytes', { bytes });
  return logoError(file, said('logoTooLarge', { size, max }), said('logoTooLargeHint'));
}

function logoError(file: string, what: Text, hint?: Text): RenderError {
  return new RenderError(said('logo', { file, what }), { hint });
}

function reasonOf(error: unknown): Text {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return said('doesNotExist');
    if (error.code === 'ELOOP') return said('loopOfLinks');
    if (error.code === 'EACCES') return said('permissionDenied');
  }
  return error instanceof Error ? error.message : String(error);
}
