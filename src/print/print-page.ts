/**
 * What happens on one page: static HTML in, PDF out. The page runs no script
 * and reaches nothing (SPEC §8: nothing in the data can run script, load a
 * file or reach the network), whatever a template prints:
 *
 * - JavaScript is off;
 * - a Content-Security-Policy is the first thing in the document: nothing may
 *   be loaded but inline styles and `data:` fonts and images (what a report is
 *   made of), so no frame, object, link or image from elsewhere;
 * - every request the page still makes is aborted and counted;
 * - below the page, the browser resolves no host and preconnects nowhere
 *   (launch.ts);
 * - the document printed must be the document that was set: one that asks to
 *   be replaced (`<meta http-equiv=refresh>`, which no policy stops) or that
 *   the page navigated away from fails, instead of printing a blank page.
 *
 * And a document is bounded: over `MAX_HTML_BYTES` it is not sent to the
 * browser, and at most `MAX_PAGES` pages are printed (more fails the
 * document), so that one huge report costs bounded time and memory and
 * fails alone.
 */
import type { Page } from 'puppeteer';
import { RenderError } from '../errors.js';
import { injectHead, pageFooterCss } from './page-css.js';
import { pageCount } from './pdf-pages.js';

import type { Paper } from '../render/document.js';
import type { PdfInfo } from './pdf-metadata.js';
import { said, type Text } from '../messages/stage.js';

/** A report is some 400 kB, with its fonts; a 2 MB logo adds 2.7 MB to it. */
export const MAX_HTML_BYTES = 6 * 1024 * 1024;

/** A rep's report is 4–5 pages, a team's or the organisation's a few more per 20 reps or teams. */
export const MAX_PAGES = 200;

/**
 * What a report may load: inline styles, its embedded fonts and images
 * (`data:`), nothing else. `default-src 'none'` covers frames, objects,
 * scripts, connections, media, prefetches and manifests.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

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
  /** At most this many pages: a longer document fails. Default: `MAX_PAGES`. */
  maxPages?: number;
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
  checkSize(html);
  const maxPages = options.maxPages ?? MAX_PAGES;
  await page.setJavaScriptEnabled(false);
  const blocked = await blockRequests(page);
  let navigated = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigated = true;
  });
  const head = [`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`];
  if (options.footer !== false) head.push(`<style data-revue="page">\n${pageFooterCss(options.title)}\n</style>`);
  await page.setContent(injectHead(html, head.join('')), { waitUntil: 'load' });
  const { refresh } = await loadFonts(page).catch((error: unknown) => {
    // A document that replaces itself at once (a refresh of 0 s) can take the fonts' world with it.
    if (navigated || contextGone(error)) throw notPrinted(said('navigatedAway', { url: page.url() }));
    throw error;
  });
  checkDocument(page, navigated);
  if (refresh) throw notPrinted('it asks to be replaced by another page (<meta http-equiv="refresh">)');
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
    // One page more than allowed tells a document that is too long, without printing all of it.
    pageRanges: `1-${maxPages + 1}`,
    timeout: page.getDefaultTimeout(),
  });
  checkDocument(page, navigated);
  const pages = pageCount(pdf);
  if (pages > maxPages)
    throw new RenderError(said('tooManyPages', { max: maxPages }), { hint: said('tooManyPagesHint') });
  return { pdf, blockedRequests: [...blocked] };
}

/** Refuses a document too large to be a report before the browser is asked to lay it out. */
export function checkSize(html: string): void {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: a report (some 400,000 of them) is within the bound
  // without counting its bytes, which, in a string not yet flattened, cost more than the rest of this check.
  if (html.length * 3 <= MAX_HTML_BYTES) return;
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_HTML_BYTES)
    throw new RenderError(
      said('htmlTooLarge', { size: said('megabytes', { bytes }), max: said('megabytes', { bytes: MAX_HTML_BYTES }) }),
      { hint: said('htmlTooLargeHint') },
    );
}

/** The page still shows the document that was set: it never navigated (a refresh, even to itself, is a navigation). */
function checkDocument(page: Page, navigated: boolean): void {
  if (navigated || !page.url().startsWith('about:blank')) throw notPrinted(said('navigatedAway', { url: page.url() }));
}

/** The page's document, and every world in it, is gone: it navigated while the fonts were loading. */
function contextGone(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /Cannot find context with specified id|Execution context was destroyed|Inspected target navigated/.test(text);
}

function notPrinted(why: Text): RenderError {
  return new RenderError(said('notPrinted', { why }), { hint: said('notPrintedHint') });
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
 * for `waitForFonts`. It also tells whether the document asks to be replaced
 * (a meta refresh, which would load another document after this one).
 */
async function loadFonts(page: Page): Promise<{ refresh: boolean }> {
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
    const value: unknown = result.value;
    const failed: unknown = typeof value === 'object' && value !== null && 'failed' in value ? value.failed : [];
    if (Array.isArray(failed) && failed.length > 0)
      throw new Error(`These fonts could not be loaded: ${failed.join(', ')}`);
    return { refresh: typeof value === 'object' && value !== null && 'refresh' in value && value.refresh === true };
  } finally {
    await client.detach().catch(() => undefined);
  }
}

const LOAD_FONTS = `(async () => {
  const faces = [...document.fonts];
  await Promise.allSettled(faces.map((face) => face.load()));
  await document.fonts.ready;
  return {
    failed: faces.filter((face) => face.status === 'error').map((face) => face.family + ' ' + face.weight + ' ' + face.style),
    refresh: document.querySelector('meta[http-equiv="refresh" i]') !== null,
  };
})()`;
