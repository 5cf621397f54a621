/**
 * What happens on one page: static HTML in, PDF out. The page runs no script
 * and reaches nothing: every request it makes is aborted and counted
 * (SPEC §8: nothing in the data can run script, load a file or reach the network).
 */
import type { Page } from 'puppeteer';
import { injectStyle, pageFooterCss } from './page-css.js';

import type { Paper } from '../render/document.js';
import type { PdfInfo } from './pdf-metadata.js';

export type { Paper } from '../render/document.js';

export interface PrintOptions {
  /** Paper size; wins over any `@page { size }` of the document. */
  paper: Paper;
  /** The document's title, printed in the footer of every page. */
  title: string;
  /**
   * Add the default margins and the footer (title, page / pages) as CSS page
   * margin boxes before the document's own styles. Default: true.
   */
  footer?: boolean;
  /**
   * The document's metadata besides its title (SPEC §6: author = organisation),
   * written into the PDF after printing by `BrowserSession.printPdf`. With a
   * `date`, the PDF is reproducible (SOURCE_DATE_EPOCH). Default: Chromium's.
   */
  metadata?: Omit<PdfInfo, 'title'>;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Every request the page tried to make, all aborted. A report should make none. */
  blockedRequests: readonly string[];
}

/**
 * Turns request interception on and aborts every request, recording its URL.
 * `data:` URLs (the embedded fonts, inline images) are read from the document
 * itself: they reach no network, and Chromium cannot pause them anyway, so
 * they are neither aborted nor counted.
 */
export async function blockRequests(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) return;
    blocked.push(url);
    request.abort('blockedbyclient').catch(() => undefined);
  });
  return blocked;
}

/** Prints static HTML on a fresh page with JavaScript disabled and the network cut. */
export async function printOnPage(page: Page, html: string, options: PrintOptions): Promise<PrintResult> {
  await page.setJavaScriptEnabled(false);
  const blocked = await blockRequests(page);
  const document = options.footer === false ? html : injectStyle(html, pageFooterCss(options.title));
  await page.setContent(document, { waitUntil: 'load' });
  await loadFonts(page);
  const pdf = await page.pdf({
    format: options.paper,
    printBackground: true,
    // Bookmarks from h1–h6; Chromium needs a tagged PDF to build them.
    outline: true,
    tagged: true,
    // The paper comes from the options (A4 for fr, Letter for en); margins from CSS @page.
    preferCSSPageSize: false,
    // Awaits document.fonts.ready once more (loadFonts did the work).
    waitForFonts: true,
  });
  return { pdf, blockedRequests: [...blocked] };
}

/**
 * Loads every font face the document declares, then waits for them all.
 *
 * Browsers load a face only when laid-out text needs it, and the footer lives
 * in page-margin boxes that are only laid out while printing: with
 * `font-display: block`, a footer whose face nothing else used prints as
 * nothing at all. So every declared face is loaded up front (they are `data:`
 * URLs: this is decoding, not fetching).
 *
 * With the page's JavaScript disabled, the main world still evaluates
 * expressions but runs no callback ("The provided callback is no longer
 * runnable"), so this runs in an isolated world of its own, as puppeteer does
 * for `waitForFonts`.
 */
async function loadFonts(page: Page): Promise<void> {
  const client = await page.createCDPSession();
  try {
    const { frameTree } = await client.send('Page.getFrameTree');
    const world = await client.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'revue-fonts',
    });
    const { result, exceptionDetails } = await client.send('Runtime.evaluate', {
      expression: LOAD_FONTS,
      contextId: world.executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails !== undefined)
      throw new Error(`Loading the fonts failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    const failed: unknown = result.value;
    if (Array.isArray(failed) && failed.length > 0)
      throw new Error(`These fonts could not be loaded: ${failed.join(', ')}`);
  } finally {
    await client.detach().catch(() => undefined);
  }
}

const LOAD_FONTS = `(async () => {
  const faces = [...document.fonts];
  await Promise.allSettled(faces.map((face) => face.load()));
  await document.fonts.ready;
  return faces.filter((face) => face.status === 'error').map((face) => face.family + ' ' + face.weight + ' ' + face.style);
})()`;
