/**
 * The print furniture every report shares: default page margins and a footer
 * with the document's title and the page numbers, as CSS page-margin boxes
 * (Chromium ≥ 131) so that the footer is set in the report's embedded font,
 * is real text in the PDF and needs no script.
 */
import { FONT_STACK } from '../render/fonts.js';

/**
 * `@page` rules with default margins and the footer. They are placed first in
 * the document's head, so the template's own `@page` rules override them.
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
 * Inserts a `<style>` element as the first child of the document's head, or
 * where the head would start, without touching the doctype (moving it would
 * put the page in quirks mode).
 */
export function injectStyle(html: string, css: string): string {
  const style = `<style data-revue="page">\n${css}\n</style>`;
  const anchors = [/<head(?:\s[^>]*)?>/i, /<html(?:\s[^>]*)?>/i, /<!doctype[^>]*>/i];
  for (const anchor of anchors) {
    const match = anchor.exec(html);
    if (match !== null) {
      const end = match.index + match[0].length;
      return html.slice(0, end) + style + html.slice(end);
    }
  }
  return style + html;
}
