/**
 * The print furniture every report shares: default page margins and a footer
 * with the document's title and the page numbers, as CSS page-margin boxes
 * (Chromium ≥ 131) so that the footer is set in the report's embedded font,
 * is real text in the PDF and needs no script.
 */
import { FONT_STACK } from '../render/fonts.js';

/**
 * `@page` rules with default margins and the footer. They are placed first in
 * the document (`injectHead`), so the template's own `@page` rules override them.
 */
export function pageFooterCss(title: string): string {
  const box = `font-family: ${FONT_STACK}; font-size: 8pt; color: #555; vertical-align: top; padding-top: 4mm;`;
  return [
    '@page {',
    '  margin: 18mm 16mm 20mm 16mm;',
    `  @bottom-left { content: ${cssString(title)}; ${box} text-align: left; }`,
    `  @bottom-right { content: counter(page) " / " counter(pages); ${box} text-align: right; }`,
    '}',
  ].join('\n');
}

/**
 * A CSS string literal. `<` is escaped too, so that no title can close the
 * `<style>` element it is written in.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16).toUpperCase()} `);
  return `"${escaped}"`;
}

/**
 * Inserts markup at the very start of the document, after its doctype (and
 * the comments before it) if it has one, so that it comes before anything a
 * template wrote: a Content-Security-Policy in a `<meta>` applies only to
 * what follows it. The parser puts it in the head (a `<meta>` or `<style>`
 * before `<html>` opens the head; the template's `<html lang>` then sets its
 * attributes on the same element). The doctype stays first: moving it would
 * put the page in quirks mode.
 */
export function injectHead(html: string, markup: string): string {
  const doctype = /^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype[^>]*>/i.exec(html);
  const end = doctype === null ? 0 : doctype[0].length;
  return html.slice(0, end) + markup + html.slice(end);
}
