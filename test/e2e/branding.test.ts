/**
 * Branding (SPEC §2 `report:`): the logo on every report, embedded as a
 * data: URL; the accent colour in the stylesheet and the charts; the paper
 * size overriding the locale's default.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { pdfImages, pdfInfo } from '../pdf.js';

const ACCENT = '#c2410c';
let tmp: string;
let result: BuildResult;

describeWithBrowser('report: logo, accent and paper', () => {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'revue-branding-'));
    result = await build({
      data: path.join(FIXTURES, 'branding'),
      out: path.join(tmp, 'pdf'),
      sourceDateEpoch: 1_767_225_600,
    });
  }, 120_000);
  afterAll(async () => rm(tmp, { recursive: true, force: true }));

  it('puts the logo, and no other image, on every report', () => {
    expect(result.ok).toBe(true);
    expect(result.reports.map((r) => `${r.kind} ${r.status}`).sort()).toEqual([
      'organisation written',
      'rep written',
      'team written',
    ]);
    for (const report of result.reports) {
      const images = pdfImages(report.file);
      // pdfimages -list: page num type width height …; the logo is 32 × 16 pixels
      expect(images, report.file).toHaveLength(1);
      expect(images[0]?.trim().split(/\s+/).slice(3, 5)).toEqual(['32', '16']);
    }
  });

  it('prints on A4 although English reports default to Letter', () => {
    for (const report of result.reports) {
      expect(pdfInfo(report.file)['Page size'], report.file).toMatch(/^595(\.\d+)? x 841(\.\d+)? pts \(A4\)$/);
    }
  });

  it('embeds an SVG logo as a data: URL, and sets the accent colour in the CSS and the charts', async () => {
    const data = path.join(tmp, 'svg-data');
    await cp(path.join(FIXTURES, 'branding'), data, { recursive: true });
    const framework = await readFile(path.join(data, 'framework.yaml'), 'utf8');
    await writeFile(path.join(data, 'framework.yaml'), framework.replace('logo: logo.png', 'logo: logo.svg'));
    const html = await build({ data, out: path.join(tmp, 'html'), htmlOnly: true, reps: ['dana-ross'] });
    expect(html.ok).toBe(true);
    const page = await readFile(path.join(tmp, 'html', '2026', 'reps', 'dana-ross.html'), 'utf8');
    const svg = (await readFile(path.join(data, 'logo.svg'))).toString('base64');
    expect(page).toContain(`<img class="logo" src="data:image/svg+xml;base64,${svg}"`);
    expect(page).toContain(`--accent: ${ACCENT};`);
    // the charts draw this year's series in the accent colour
    expect(page.toLowerCase()).toMatch(/<svg[\s\S]*#c2410c|<svg[\s\S]*rgb\(194,\s*65,\s*12\)/);
  });
});
