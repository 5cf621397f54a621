/**
 * Real prints with the real browser, read back with poppler-utils (pdftotext,
 * pdffonts, pdfimages, pdfinfo) and qpdf. The prints need a browser
 * (test/browser.ts: skipped without one, a failure under REVUE_REQUIRE_BROWSER=1).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserSession } from '../../src/print/browser.js';
import { FONT_STACK, fontFaceCss } from '../../src/render/fonts.js';
import { setPdfInfo } from '../../src/print/pdf-metadata.js';
import { renderCharts } from '../../src/render/charts.js';
import { textMeasurer } from '../../src/render/text-metrics.js';
import { browser, describeWithBrowser, foundBrowser } from '../browser.js';
import { progression, radar, teams } from '../fixtures/chart-specs.js';
import { methodOf } from '../helpers.js';
import { pdfTool, type PdfTool } from '../pdf.js';
import { browsersOf } from '../security/helpers.js';

async function page(body: string, title = 'Bilan 2025 — Élodie Dupré'): Promise<string> {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>
<style>${await fontFaceCss()}
body { font-family: ${FONT_STACK}; } svg { display: block; max-width: 100%; height: auto; break-inside: avoid; }</style>
</head><body>${body}</body></html>`;
}

const dir = await mkdtemp(path.join(tmpdir(), 'revue-print-test-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function poppler(tool: PdfTool, pdf: Uint8Array, ...args: string[]): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout, stderr } = pdfTool(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])]);
  expect(stderr, `${tool} complained`).toBe('');
  return stdout;
}

/** Outline items as Chromium writes them: `<</Title <FEFF…> /Dest [...]`. */
function outlineTitles(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/<<\/Title (<[0-9A-Fa-f]*>|\((?:[^\\)]|\\.)*\))\s*\/Dest/g)].map((match) => {
    const value = match[1] ?? '';
    if (value.startsWith('(')) return value.slice(1, -1);
    return Buffer.from(value.slice(5, -1), 'hex').swap16().toString('utf16le');
  });
}

interface OutlineNode {
  title: string;
  kids: OutlineNode[];
}

/** qpdf's JSON outline, reduced to titles and nesting. */
function outlineTree(json: unknown): OutlineNode[] {
  const nodes = (value: unknown): OutlineNode[] =>
    Array.isArray(value)
      ? value.map((item: unknown) => {
          const title: unknown = typeof item === 'object' && item !== null && 'title' in item ? item.title : undefined;
          const kids: unknown = typeof item === 'object' && item !== null && 'kids' in item ? item.kids : [];
          return { title: String(title), kids: nodes(kids) };
        })
      : [];
  return nodes(typeof json === 'object' && json !== null && 'outlines' in json ? json.outlines : undefined);
}

function pageSize(info: string): [number, number] {
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return [Number(match?.[1]), Number(match?.[2])];
}

/** A one-page PDF written by hand: no Info dictionary, no /ID. */
function tinyPdf(): Uint8Array {
  const objects = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

describe('setPdfInfo', () => {
  it('adds an Info dictionary as an incremental update, in UTF-16, and can do it again', async () => {
    const original = tinyPdf();
    const once = setPdfInfo(original, { title: 'Première', author: 'Org', date: new Date('2024-02-29T23:59:58Z') });
    expect(Buffer.from(once.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const twice = setPdfInfo(once, {
      title: 'Bilan — Zoë 🚀',
      author: 'Société « Élan »',
      subject: 'Revue',
      creator: 'revue',
    });
    const tail = Buffer.from(twice).toString('latin1');
    expect(tail).toMatch(/\/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
    expect(tail.match(/\/Prev \d+/g)).toHaveLength(2);

    const info = await poppler('pdfinfo', twice);
    expect(info).toMatch(/^Title:\s+Bilan — Zoë 🚀$/m);
    expect(info).toMatch(/^Author:\s+Société « Élan »$/m);
    expect(info).toMatch(/^Subject:\s+Revue$/m);
    expect(info).toMatch(/^Creator:\s+revue$/m);
    // The first update's date is kept when the second gives none.
    expect(info).toMatch(/^CreationDate:\s+Thu Feb 29 23:59:58 2024 UTC$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
  });
});

describeWithBrowser(`printing with ${browser?.path ?? 'a browser'}`, () => {
  let session: BrowserSession;
  let svgs: string[] = [];

  beforeAll(async () => {
    session = new BrowserSession({ concurrency: 2 });
    svgs = await renderCharts([radar, progression, teams]);
  }, 120_000);

  afterAll(async () => {
    await session.close();
  });

  it('measures chart text as the browser sets it, within 1 % (kerning and subsets as the browser applies them)', async () => {
    const labels = [
      'Prospection',
      'Découverte des besoins',
      'Traitement des objections',
      'Négociation',
      'Développement des comptes',
      'janv.',
      'févr.',
      'août',
      'déc.',
      'Niveau attendu',
      'Équipe Lyon-Rhône',
      'Zoë Łukasiewicz',
      'AVATAR',
      'Water',
    ];
    const cases = [400, 600, 700].flatMap((weight) => labels.map((text) => ({ weight, text })));
    const measure = await textMeasurer();
    const html = await page('<p>x</p>');
    const printed = await session.print(html, { paper: 'A4', title: 'x' });
    expect(printed.pdf.length).toBeGreaterThan(0);
    // The browser's own widths, from a canvas in a page that has the report's font.
    const own = await puppeteer.launch({ executablePath: foundBrowser().path, headless: true, args: ['--no-sandbox'] });
    try {
      const tab = await own.newPage();
      await tab.setContent(html);
      const widths = await tab.evaluate(
        async (texts: { weight: number; text: string }[], family: string) => {
          // Given the characters, load() fetches every subset they need (latin-ext for Ł), not only latin.
          const chars = texts.map(({ text }) => text).join('');
          await Promise.all(texts.map(({ weight }) => document.fonts.load(`${weight} 10px ${family}`, chars)));
          const context = document.createElement('canvas').getContext('2d');
          if (context === null) return [];
          return texts.map(({ weight, text }) => {
            context.font = `${weight} 10px ${family}`;
            return context.measureText(text).width;
          });
        },
        cases,
        FONT_STACK,
      );
      expect(widths).toHaveLength(cases.length);
      for (const [i, { weight, text }] of cases.entries()) {
        const width = widths[i] ?? Number.NaN;
        const ours = measure({ style: 'normal', weight, size: 10, family: FONT_STACK }, text);
        const message = `${text} (${weight}): ${ours} for the browser's ${width}`;
        expect(ours / width, message).toBeGreaterThanOrEqual(0.99);
        expect(ours / width, message).toBeLessThanOrEqual(1.01);
      }
    } finally {
      await own.close();
    }
  }, 60_000);

  it('prints an A4 report with text, bookmarks, embedded fonts, vector charts and metadata', async () => {
    const html = await page(`
      <h1>Élodie Dupré</h1>
      <p>Année très réussie : « œuvre » accomplie, ça progresse.</p>
      <h2>Profil de compétences</h2>${svgs[0]}
      <h3>Progression</h3>${svgs[1]}
      <h2 style="break-before: page">Équipes</h2>${svgs[2]}`);
    const printed = await session.print(html, { paper: 'A4', title: 'Bilan 2025 — Élodie Dupré' });
    expect(printed.blockedRequests).toEqual([]);

    const pdf = setPdfInfo(printed.pdf, {
      title: 'Bilan 2025 — Élodie Dupré',
      author: 'Société Générale d’Équipement',
      date: new Date('2025-12-31T12:00:00Z'),
    });

    const text = await poppler('pdftotext', pdf, '-enc', 'UTF-8');
    for (const expected of ['Élodie Dupré', 'Année très réussie', '« œuvre »', 'Profil de compétences', 'Équipes']) {
      expect(text).toContain(expected);
    }
    // The charts' labels are text, searchable in the PDF.
    for (const label of [
      'Écoute <1>',
      'Découverte & co',
      '"Closing"',
      'Négociation',
      'févr.',
      'août',
      'déc.',
      'Équipe Nord',
    ]) {
      expect(text).toContain(label);
    }
    // The footer: the title and page / pages on each page.
    expect(text.split('Bilan 2025 — Élodie Dupré').length - 1).toBe(2);
    expect(text).toMatch(/1\s*\/\s*2/);
    expect(text).toMatch(/2\s*\/\s*2/);

    const fonts = (await poppler('pdffonts', pdf)).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatch(/^[A-Z]{6}\+SourceSans3\S*\s/);
      expect(font).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    }

    const images = (await poppler('pdfimages', pdf, '-list')).trim().split('\n');
    expect(images).toHaveLength(2); // the two header lines: no raster image at all

    const info = await poppler('pdfinfo', pdf);
    expect(info).toMatch(/^Title:\s+Bilan 2025 — Élodie Dupré$/m);
    expect(info).toMatch(/^Author:\s+Société Générale d’Équipement$/m);
    expect(info).toMatch(/^CreationDate:\s+Wed Dec 31 12:00:00 2025 UTC$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Pages:\s+2$/m);
    // Chromium rounds the paper to its own units: 595.92 x 841.92 for A4's 595.28 x 841.89.
    expect(info).toMatch(/\(A4\)/);
    const [width, height] = pageSize(info);
    expect(Math.abs(width - 595.28)).toBeLessThan(1);
    expect(Math.abs(height - 841.89)).toBeLessThan(1);

    // Chromium writes the outline items children first: compare as sets, and the tree with qpdf.
    expect(outlineTitles(pdf).sort()).toEqual(
      ['Élodie Dupré', 'Profil de compétences', 'Progression', 'Équipes'].sort(),
    );
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, pdf);
    pdfTool('qpdf', ['--check', file]);
    const outlines: unknown = JSON.parse(pdfTool('qpdf', ['--json', '--json-key=outlines', file]).stdout);
    expect(outlineTree(outlines)).toEqual([
      {
        title: 'Élodie Dupré',
        kids: [
          { title: 'Profil de compétences', kids: [{ title: 'Progression', kids: [] }] },
          { title: 'Équipes', kids: [] },
        ],
      },
    ]);
  }, 60_000);

  it('prints Letter', async () => {
    const printed = await session.print(await page('<h1>Annual review</h1>'), {
      paper: 'Letter',
      title: 'Annual review',
    });
    const info = await poppler('pdfinfo', printed.pdf);
    expect(pageSize(info)).toEqual([612, 792]);
  }, 60_000);

  it('runs no script and reaches nothing the document points at', async () => {
    const html = await page(`
      <h1>Données hostiles</h1>
      <script>document.write('SCRIPT RAN')</script>
      <img src="https://example.com/pixel.png" onerror="document.body.append('HANDLER RAN')">
      <img src="file:///etc/hostname">
      <link rel="stylesheet" href="http://127.0.0.1:9/style.css">
      <iframe src="https://example.com/"></iframe>`);
    const printed = await session.print(html, { paper: 'A4', title: 'x' });
    // file: URLs are refused by Chromium itself before any request (the page is about:blank).
    expect([...printed.blockedRequests].sort()).toEqual(
      ['http://127.0.0.1:9/style.css', 'https://example.com/', 'https://example.com/pixel.png'].sort(),
    );
    const text = await poppler('pdftotext', printed.pdf, '-enc', 'UTF-8');
    expect(text).toContain('Données hostiles');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('HANDLER RAN');
  }, 60_000);

  it('keeps a title that looks like markup inside the footer', async () => {
    const title = 'A "quoted" </style><h1>title</h1>';
    const printed = await session.print(await page('<p>corps</p>'), { paper: 'A4', title });
    const text = await poppler('pdftotext', printed.pdf, '-enc', 'UTF-8');
    expect(text).toContain(title);
    expect(text).toContain('corps');
    expect(outlineTitles(printed.pdf)).toEqual([]);
  }, 60_000);

  it('removes its temporary browser profile when it is closed', async () => {
    const profiles = () =>
      new Set(
        browsersOf(process.pid)
          .flatMap((p) => p.args)
          .filter((arg) => arg.startsWith('--user-data-dir='))
          .map((arg) => arg.slice('--user-data-dir='.length)),
      );
    const before = profiles();
    let profile: string | undefined;
    {
      await using own = new BrowserSession();
      await own.printPdf(await page('<p>x</p>'), { paper: 'A4', title: 'x' });
      [profile] = [...profiles()].filter((dir) => !before.has(dir));
      expect(profile).toBeDefined();
      expect(existsSync(profile ?? '')).toBe(true);
    }
    // `await using` closed the session: its browser and temporary profile are gone.
    expect(existsSync(profile ?? '')).toBe(false);
    expect(profiles().has(profile ?? '')).toBe(false);
  }, 60_000);

  it('never prints more documents at once than its concurrency', async () => {
    let running = 0;
    let most = 0;
    // puppeteer's Page is abstract: its pages are of a class it does not export. Spy on that class's
    // pdf() through the prototype of a page of the same browser.
    const pages = await pagePrototype();
    const pdf = methodOf(pages, 'pdf');
    const spy = vi.spyOn(pages, 'pdf').mockImplementation(async function (this: Page, options) {
      most = Math.max(most, ++running);
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return await pdf.call(this, options);
      } finally {
        running--;
      }
    });
    try {
      const html = await page('<p>x</p>');
      await Promise.all(Array.from({ length: 6 }, (_, i) => session.printPdf(html, { paper: 'A4', title: `x${i}` })));
    } finally {
      spy.mockRestore();
    }
    expect(most).toBe(2);
  }, 60_000);

  it('prints several documents at once on a bounded pool', async () => {
    const html = await page('<h1>Rapport</h1>');
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, (_, i) => session.printPdf(html, { paper: 'A4', title: `Rapport ${i}` })),
    );
    for (const [i, pdf] of pdfs.entries()) {
      expect(await poppler('pdftotext', pdf, '-enc', 'UTF-8')).toContain(`Rapport ${i}`);
    }
    expect(session.stats.launches).toBe(1);
  }, 60_000);
});

/** The prototype of the pages puppeteer opens in this browser: its own subclass of Page. */
async function pagePrototype(): Promise<Page> {
  const own = await puppeteer.launch({ executablePath: foundBrowser().path, headless: true, args: ['--no-sandbox'] });
  try {
    const prototype: unknown = Object.getPrototypeOf(await own.newPage());
    if (!(prototype instanceof Page)) throw new Error('a page of puppeteer is not a Page');
    return prototype;
  } finally {
    await own.close();
  }
}
