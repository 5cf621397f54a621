/**
 * Charts drawn in Node: chart.js on the SVG-recording canvas context
 * (render/svg-context.ts), text measured from the packaged font
 * (render/text-metrics.ts). No browser needed.
 */
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/render/charts.js';
import { SvgContext, arcSweep, paintOf, parseFont } from '../../src/render/svg-context.js';
import { textMeasurer } from '../../src/render/text-metrics.js';
import { MONTHS, progression, radar, teams } from '../fixtures/chart-specs.js';

const svgs = await renderCharts([radar, progression, teams]);

/** The text of every <text> element, as a reader of the SVG sees it. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
}

describe('renderCharts', () => {
  it('draws each chart as a standalone, escaped, accessible SVG with real text', () => {
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /);
      expect(svg).toMatch(/ role="img"/);
      expect(svg).toContain('<text');
      expect(svg).toContain('font-family="&quot;Source Sans 3&quot;, sans-serif"');
      expect(svg).not.toMatch(/undefined|NaN|Infinity/);
      expect(svg).not.toMatch(/<script|<image|<foreignObject|href=/);
      expect(svg.endsWith('</svg>')).toBe(true);
    }
    expect(svgs[0]).toContain('viewBox="0 0 420 330"');
    expect(svgs[0]).toContain('aria-label="Profil &lt;2025&gt; &amp; &quot;attendu&quot;"');
    expect(svgs[0]).toContain('>Écoute &lt;1&gt;</text>');
    expect(svgs[0]).toContain('>Découverte &amp; co</text>');
    expect(svgs[0]).toContain('>"Closing"</text>');
    // Last year dashed, the expected level dotted.
    expect(svgs[0]).toContain('stroke-dasharray="6,4"');
    expect(svgs[0]).toContain('stroke-dasharray="2,3"');
    // The filled area of this year: the colour and its alpha (0x26 / 255) apart.
    expect(svgs[0]).toContain('fill="#1f4e9c" fill-opacity="0.149"');
    // The month axis: every month named once, in order.
    expect(texts(svgs[1] ?? '').filter((t) => MONTHS.includes(t))).toEqual(MONTHS);
    // The legend and axes of the bar chart, its numbers in the spec's locale (fr-FR).
    expect(texts(svgs[2] ?? '')).toEqual(
      expect.arrayContaining(['Équipe Nord', 'Équipe Sud', 'Écoute', 'Découverte', '0', '1,0', '5,0']),
    );
    // Without a locale, numbers are formatted in en-US, whatever the process's own locale.
    expect(texts(svgs[0] ?? '')).toEqual(expect.arrayContaining(['1', '5']));
  });

  it('draws the same chart to the same bytes, with ids of its own', async () => {
    const [again] = await renderCharts([radar]);
    expect(again).toBe(svgs[0]);
    // The chart area is clipped: its clip path's id comes from the chart's content.
    const ids = [...(svgs[1] ?? '').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^chart-[0-9a-f]{10}-\d+$/);
    const other = [...(svgs[2] ?? '').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id) => other.includes(id))).toEqual([]);
  });

  it('names the chart that could not be drawn', async () => {
    const broken = {
      ...radar,
      ariaLabel: 'Le radar cassé',
      config: { ...radar.config, type: 'pie-of-doom' as 'radar' },
    };
    await expect(renderCharts([broken])).rejects.toThrow(
      /The chart "Le radar cassé" could not be drawn: .*pie-of-doom/,
    );
  });
});

describe('SvgContext', () => {
  const measure = (font: { size: number }, text: string) => text.length * font.size * 0.5;
  const context = () => new SvgContext({ width: 100, height: 50, measure, idPrefix: 't' });

  it('strokes and fills paths in canvas coordinates, transforms applied', () => {
    const ctx = context();
    ctx.translate(10, 5);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(20, 0);
    ctx.strokeStyle = 'rgba(10, 20, 30, 0.5)';
    ctx.lineWidth = 2;
    ctx.setLineDash([3]);
    ctx.stroke();
    ctx.fillStyle = '#ff000080';
    ctx.fillRect(0, 0, 4, 4);
    ctx.fillStyle = 'transparent';
    ctx.fillRect(0, 0, 4, 4);
    expect(ctx.toSvg()).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">' +
        '<path d="M10 5L30 5" fill="none" stroke="rgb(10,20,30)" stroke-opacity="0.5" stroke-width="2" stroke-dasharray="3,3"/>' +
        '<path d="M10 5L14 5L14 9L10 9Z" fill="#ff0000" fill-opacity="0.502"/>' +
        '</svg>',
    );
  });

  it('keeps the path after a fill (a stroke then follows it) and starts over at beginPath', () => {
    const ctx = context();
    ctx.rect(0, 0, 10, 10);
    ctx.fill();
    ctx.stroke();
    ctx.beginPath();
    ctx.stroke();
    expect(ctx.toSvg().match(/<path d="M0 0L10 0L10 10L0 10Z"/g)).toHaveLength(2);
  });

  it('draws a full circle as four quarter arcs that close on their start', () => {
    const ctx = context();
    ctx.beginPath();
    ctx.arc(50, 25, 10, 0, Math.PI * 2);
    ctx.fill();
    const d = /d="([^"]+)"/.exec(ctx.toSvg())?.[1] ?? '';
    expect(d.startsWith('M60 25C')).toBe(true);
    expect(d.match(/C/g)).toHaveLength(4);
    // Quarter points: (50,35), (40,25), (50,15), back to (60,25).
    expect(d).toContain(' 50 35C');
    expect(d).toContain(' 40 25C');
    expect(d).toContain(' 50 15C');
    expect(d.endsWith(' 60 25')).toBe(true);
  });

  it('clips what follows until restore, and a clip inside a clip refers to the outer one', () => {
    const ctx = context();
    ctx.save();
    ctx.rect(0, 0, 50, 50);
    ctx.clip();
    ctx.beginPath();
    ctx.rect(10, 10, 10, 10);
    ctx.clip('evenodd');
    ctx.fillText('a', 1, 2);
    ctx.restore();
    ctx.fillText('b', 3, 4);
    const svg = ctx.toSvg();
    expect(svg).toContain(
      '<defs><clipPath id="t-1"><path d="M0 0L50 0L50 50L0 50Z"/></clipPath><clipPath id="t-2" clip-path="url(#t-1)">',
    );
    expect(svg).toContain('clip-rule="evenodd"');
    expect(svg).toMatch(/<text x="1" y="2"[^>]* clip-path="url\(#t-2\)"[^>]*>a<\/text>/);
    expect(svg).toMatch(/<text x="3" y="4"(?![^>]*clip-path)[^>]*>b<\/text>/);
  });

  it('sets text as real text: font, anchor, baseline, rotation, squeezed to maxWidth', () => {
    const ctx = context();
    ctx.font = 'italic 600 12px "Source Sans 3", sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#222';
    ctx.translate(20, 30);
    ctx.rotate(Math.PI / 2);
    ctx.fillText('<Négo & co>', 0, 0, 20);
    expect(ctx.measureText('abcd').width).toBe(24);
    expect(ctx.toSvg()).toContain(
      '<text x="0" y="0" font-family="&quot;Source Sans 3&quot;, sans-serif" font-size="12px" font-weight="600" font-style="italic" text-anchor="middle" dominant-baseline="central" fill="#222" textLength="20" lengthAdjust="spacingAndGlyphs" transform="matrix(0 1 -1 0 20 30)" xml:space="preserve">&lt;Négo &amp; co&gt;</text>',
    );
  });

  it('ignores what a canvas ignores: coordinates that are not finite', () => {
    const ctx = context();
    ctx.moveTo(0, 0);
    ctx.lineTo(Number.NaN, 5);
    ctx.lineTo(10, Number.POSITIVE_INFINITY);
    ctx.lineTo(10, 10);
    ctx.stroke();
    ctx.fillText('x', Number.NaN, 0);
    expect(ctx.toSvg()).toContain('<path d="M0 0L10 10" fill="none"');
    expect(ctx.toSvg()).not.toMatch(/NaN|Infinity|<text/);
  });

  it('restores the styles and transform saved', () => {
    const ctx = context();
    ctx.lineWidth = 3;
    ctx.save();
    ctx.lineWidth = 7;
    ctx.translate(5, 5);
    ctx.restore();
    expect(ctx.lineWidth).toBe(3);
    expect(ctx.getTransform()).toEqual({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
    // Values a canvas ignores are ignored.
    ctx.lineWidth = -1;
    ctx.font = 'not a font';
    expect(ctx.lineWidth).toBe(3);
    expect(ctx.font).toBe('10px sans-serif');
  });

  it('computes arc sweeps as the canvas does', () => {
    expect(arcSweep(0, Math.PI, false)).toBeCloseTo(Math.PI);
    expect(arcSweep(0, Math.PI, true)).toBeCloseTo(-Math.PI);
    expect(arcSweep(0, 3 * Math.PI, false)).toBeCloseTo(2 * Math.PI);
    expect(arcSweep(Math.PI / 2, 0, false)).toBeCloseTo(1.5 * Math.PI);
    expect(arcSweep(1, 1, false)).toBe(0);
  });

  it('reads colours and fonts as chart.js writes them', () => {
    expect(paintOf('rgba(0,0,0,0)', 1)).toBeUndefined();
    expect(paintOf('#0b5cad26', 1)).toEqual({ color: '#0b5cad', alpha: 0x26 / 255 });
    expect(paintOf('#abc', 0.5)).toEqual({ color: '#abc', alpha: 0.5 });
    expect(paintOf('"><script>', 1)).toEqual({ color: '&quot;&gt;&lt;script&gt;', alpha: 1 });
    expect(parseFont('normal 600 10px "Source Sans 3", sans-serif')).toEqual({
      style: 'normal',
      weight: 600,
      size: 10,
      family: '"Source Sans 3", sans-serif',
    });
    expect(parseFont('bold 12px Arial')).toEqual({ style: 'normal', weight: 700, size: 12, family: 'Arial' });
    expect(parseFont('12px')).toBeUndefined();
  });
});

describe('textMeasurer', () => {
  it('measures with the packaged font: widths as set (kerning applied) in em times the size, by weight', async () => {
    const measure = await textMeasurer();
    const regular = { style: 'normal', weight: 400, size: 100, family: 'x' } as const;
    // Source Sans 3's advances (units per em 1000): a 504, J 479, n 547, v 467, "." 249; the pair "v." kerned −35.
    expect(measure(regular, 'a')).toBeCloseTo(50.4, 5);
    expect(measure(regular, 'Janv.')).toBeCloseTo(47.9 + 50.4 + 54.7 + 46.7 + 24.9 - 3.5, 5);
    // The kerning sits in GPOS extension lookups: AVATAR's advances make 3249 units, kerned
    // A-V −14, V-A −14, A-T −55, T-A −40.
    expect(measure(regular, 'AVATAR')).toBeCloseTo(324.9 - 12.3, 5);
    expect(measure({ ...regular, size: 10 }, 'a')).toBeCloseTo(5.04, 5);
    expect(measure({ ...regular, weight: 600 }, 'a')).toBeGreaterThan(measure(regular, 'a'));
    // latin-ext (Ł) is measured from its own file, and a text mixing the two run by run, as the browser
    // sets it (no kerning across a change of face); a script the fonts lack counts 0.55 em a character.
    expect(measure(regular, 'Ł')).toBeGreaterThan(30);
    expect(measure(regular, 'Zoë Łukasiewicz')).toBeCloseTo(
      measure(regular, 'Zoë ') + measure(regular, 'Ł') + measure(regular, 'ukasiewicz'),
      5,
    );
    expect(measure(regular, 'Ж')).toBeCloseTo(55, 5);
    expect(measure(regular, 'ЖЖ')).toBeCloseTo(110, 5);
  });
});
