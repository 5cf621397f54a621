/**
 * A canvas 2D context that records what is drawn on it as SVG: chart.js draws
 * on it in Node exactly as it would on a browser's canvas, and the report gets
 * vectors with real text instead of a bitmap.
 *
 * It implements the part of CanvasRenderingContext2D that chart.js uses
 * (paths, rectangles, arcs, text, clipping, dashes, transforms, save and
 * restore). Paths are stored in canvas coordinates, transformed when they are
 * built, as a canvas does; arcs become cubic Bézier curves (four per circle,
 * within 0.03 % of the true arc), which stay exact under any transform. Text
 * is measured by the `measure` function it is given (text-metrics.ts).
 *
 * The SVG is built as a string, every attribute escaped: labels come from the
 * workspace's data and are shown as written.
 */

/** Width in px of `text` set in the CSS `font` shorthand `font`. */
export type MeasureText = (font: ParsedFont, text: string) => number;

export interface ParsedFont {
  style: 'normal' | 'italic';
  weight: number;
  size: number;
  family: string;
}

type Matrix = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

interface State {
  matrix: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  lineDash: readonly number[];
  lineDashOffset: number;
  globalAlpha: number;
  font: string;
  /** `font`, parsed once when it is set. */
  parsedFont: ParsedFont;
  textAlign: string;
  textBaseline: string;
  /** The id of the clip path in force, if any. */
  clip: string | undefined;
}

interface SavedPath {
  path: string[];
  start: [number, number] | undefined;
  current: [number, number] | undefined;
  pendingMove: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const DEFAULTS: State = {
  matrix: IDENTITY,
  fillStyle: '#000000',
  strokeStyle: '#000000',
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  miterLimit: 10,
  lineDash: [],
  lineDashOffset: 0,
  globalAlpha: 1,
  font: '10px sans-serif',
  parsedFont: { style: 'normal', weight: 400, size: 10, family: 'sans-serif' },
  textAlign: 'start',
  textBaseline: 'alphabetic',
  clip: undefined,
};

export interface SvgContextOptions {
  width: number;
  height: number;
  measure: MeasureText;
  /** Prefix of the ids the SVG defines (clip paths), unique to the chart, so charts can share a document. */
  idPrefix: string;
}

export class SvgContext {
  /** chart.js reads the canvas's size from here. */
  readonly canvas: { width: number; height: number };
  readonly #measure: MeasureText;
  readonly #idPrefix: string;
  #state: State = { ...DEFAULTS };
  readonly #stack: State[] = [];
  /** Path data of the current path, in canvas coordinates. */
  #path: string[] = [];
  #start: [number, number] | undefined;
  #current: [number, number] | undefined;
  /** A moveTo not yet written: written before the next segment, so a path never ends on a lone move. */
  #pendingMove = false;
  #defs: string[] = [];
  #body: string[] = [];
  #ids = 0;

  constructor(options: SvgContextOptions) {
    this.canvas = { width: options.width, height: options.height };
    this.#measure = options.measure;
    this.#idPrefix = options.idPrefix;
  }

  // --- Styles, as properties (chart.js sets and reads them).

  get fillStyle(): string {
    return this.#state.fillStyle;
  }
  set fillStyle(value: string) {
    if (typeof value === 'string') this.#state.fillStyle = value;
  }
  get strokeStyle(): string {
    return this.#state.strokeStyle;
  }
  set strokeStyle(value: string) {
    if (typeof value === 'string') this.#state.strokeStyle = value;
  }
  get lineWidth(): number {
    return this.#state.lineWidth;
  }
  set lineWidth(value: number) {
    if (Number.isFinite(value) && value > 0) this.#state.lineWidth = value;
  }
  get lineCap(): string {
    return this.#state.lineCap;
  }
  set lineCap(value: string) {
    if (value === 'butt' || value === 'round' || value === 'square') this.#state.lineCap = value;
  }
  get lineJoin(): string {
    return this.#state.lineJoin;
  }
  set lineJoin(value: string) {
    if (value === 'miter' || value === 'round' || value === 'bevel') this.#state.lineJoin = value;
  }
  get miterLimit(): number {
    return this.#state.miterLimit;
  }
  set miterLimit(value: number) {
    if (Number.isFinite(value) && value > 0) this.#state.miterLimit = value;
  }
  get lineDashOffset(): number {
    return this.#state.lineDashOffset;
  }
  set lineDashOffset(value: number) {
    if (Number.isFinite(value)) this.#state.lineDashOffset = value;
  }
  get globalAlpha(): number {
    return this.#state.globalAlpha;
  }
  set globalAlpha(value: number) {
    if (Number.isFinite(value) && value >= 0 && value <= 1) this.#state.globalAlpha = value;
  }
  get font(): string {
    return this.#state.font;
  }
  set font(value: string) {
    const parsed = typeof value === 'string' ? parseFont(value) : undefined;
    if (parsed === undefined) return;
    this.#state.font = value;
    this.#state.parsedFont = parsed;
  }
  get textAlign(): string {
    return this.#state.textAlign;
  }
  set textAlign(value: string) {
    if (['start', 'end', 'left', 'right', 'center'].includes(value)) this.#state.textAlign = value;
  }
  get textBaseline(): string {
    return this.#state.textBaseline;
  }
  set textBaseline(value: string) {
    if (['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom'].includes(value))
      this.#state.textBaseline = value;
  }

  setLineDash(segments: readonly number[]): void {
    if (!Array.isArray(segments) || segments.some((n) => !Number.isFinite(n) || n < 0)) return;
    const dash: readonly number[] = segments;
    this.#state.lineDash = dash.length % 2 === 1 ? [...dash, ...dash] : [...dash];
  }

  getLineDash(): number[] {
    return [...this.#state.lineDash];
  }

  // --- State and transforms.

  save(): void {
    this.#stack.push({ ...this.#state });
  }

  restore(): void {
    const state = this.#stack.pop();
    if (state !== undefined) this.#state = state;
  }

  setTransform(
    a?: number | { a: number; b: number; c: number; d: number; e: number; f: number },
    b = 0,
    c = 0,
    d = 1,
    e = 0,
    f = 0,
  ): void {
    if (a === undefined) this.#state.matrix = IDENTITY;
    else if (typeof a === 'object') this.#state.matrix = [a.a, a.b, a.c, a.d, a.e, a.f];
    else this.#state.matrix = [a, b, c, d, e, f];
  }

  resetTransform(): void {
    this.#state.matrix = IDENTITY;
  }

  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number } {
    const [a, b, c, d, e, f] = this.#state.matrix;
    return { a, b, c, d, e, f };
  }

  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const [ma, mb, mc, md, me, mf] = this.#state.matrix;
    this.#state.matrix = [
      ma * a + mc * b,
      mb * a + md * b,
      ma * c + mc * d,
      mb * c + md * d,
      ma * e + mc * f + me,
      mb * e + md * f + mf,
    ];
  }

  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }

  rotate(angle: number): void {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }

  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }

  // --- Paths.

  beginPath(): void {
    this.#path = [];
    this.#start = undefined;
    this.#current = undefined;
    this.#pendingMove = false;
  }

  moveTo(x: number, y: number): void {
    if (!finite(x, y)) return;
    const p = this.#apply(x, y);
    this.#start = p;
    this.#current = p;
    this.#pendingMove = true;
  }

  lineTo(x: number, y: number): void {
    if (!finite(x, y)) return;
    if (this.#current === undefined) return this.moveTo(x, y);
    const p = this.#apply(x, y);
    this.#segment(`L${num(p[0])} ${num(p[1])}`);
    this.#current = p;
  }

  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    if (!finite(c1x, c1y, c2x, c2y, x, y)) return;
    if (this.#current === undefined) this.moveTo(c1x, c1y);
    const [p1, p2, p] = [this.#apply(c1x, c1y), this.#apply(c2x, c2y), this.#apply(x, y)];
    this.#segment(`C${num(p1[0])} ${num(p1[1])} ${num(p2[0])} ${num(p2[1])} ${num(p[0])} ${num(p[1])}`);
    this.#current = p;
  }

  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    if (!finite(cx, cy, x, y)) return;
    if (this.#current === undefined) this.moveTo(cx, cy);
    const [c, p] = [this.#apply(cx, cy), this.#apply(x, y)];
    this.#segment(`Q${num(c[0])} ${num(c[1])} ${num(p[0])} ${num(p[1])}`);
    this.#current = p;
  }

  closePath(): void {
    if (this.#current === undefined || this.#pendingMove) return;
    this.#path.push('Z');
    this.#current = this.#start;
  }

  rect(x: number, y: number, width: number, height: number): void {
    if (!finite(x, y, width, height)) return;
    this.moveTo(x, y);
    this.lineTo(x + width, y);
    this.lineTo(x + width, y + height);
    this.lineTo(x, y + height);
    this.closePath();
    this.moveTo(x, y);
  }

  /** An arc as the canvas draws it: a line from the current point to its start, then the arc, in pieces of at most a quarter turn. */
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, counterclockwise = false): void {
    this.ellipse(x, y, radius, radius, 0, startAngle, endAngle, counterclockwise);
  }

  ellipse(
    x: number,
    y: number,
    rx: number,
    ry: number,
    rotation: number,
    startAngle: number,
    endAngle: number,
    counterclockwise = false,
  ): void {
    if (!finite(x, y, rx, ry, rotation, startAngle, endAngle)) return;
    if (rx < 0 || ry < 0) throw new RangeError(`The radius provided (${Math.min(rx, ry)}) is negative.`);
    const sweep = arcSweep(startAngle, endAngle, counterclockwise);
    const cos = Math.cos(rotation);
    const sin = Math.sin(rotation);
    // A point of the ellipse at angle t, in canvas coordinates before the transform.
    const at = (t: number, radiusScale = 1): [number, number] => {
      const px = rx * radiusScale * Math.cos(t);
      const py = ry * radiusScale * Math.sin(t);
      return [x + px * cos - py * sin, y + px * sin + py * cos];
    };
    // The tangent direction at t, scaled by rx, ry.
    const tangent = (t: number): [number, number] => {
      const px = -rx * Math.sin(t);
      const py = ry * Math.cos(t);
      return [px * cos - py * sin, px * sin + py * cos];
    };
    const start = at(startAngle);
    if (this.#current === undefined) this.moveTo(start[0], start[1]);
    else this.lineTo(start[0], start[1]);
    const pieces = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
    const step = sweep / pieces;
    const k = (4 / 3) * Math.tan(step / 4);
    for (let i = 0; i < pieces; i++) {
      const t1 = startAngle + step * i;
      const t2 = t1 + step;
      const p1 = at(t1);
      const d1 = tangent(t1);
      const p2 = at(t2);
      const d2 = tangent(t2);
      this.bezierCurveTo(p1[0] + k * d1[0], p1[1] + k * d1[1], p2[0] - k * d2[0], p2[1] - k * d2[1], p2[0], p2[1]);
    }
  }

  fill(fillRule?: string): void {
    const paint = paintOf(this.#state.fillStyle, this.#state.globalAlpha);
    if (paint === undefined || this.#path.length === 0) return;
    const rule = fillRule === 'evenodd' ? ' fill-rule="evenodd"' : '';
    this.#body.push(
      `<path d="${this.#path.join('')}" fill="${paint.color}"${opacity('fill-opacity', paint.alpha)}${rule}${this.#clipAttribute()}/>`,
    );
  }

  stroke(): void {
    const paint = paintOf(this.#state.strokeStyle, this.#state.globalAlpha);
    if (paint === undefined || this.#path.length === 0) return;
    const s = this.#scale();
    const state = this.#state;
    const parts = [
      `<path d="${this.#path.join('')}" fill="none" stroke="${paint.color}"${opacity('stroke-opacity', paint.alpha)} stroke-width="${num(state.lineWidth * s)}"`,
    ];
    if (state.lineCap !== 'butt') parts.push(` stroke-linecap="${state.lineCap}"`);
    if (state.lineJoin !== 'miter') parts.push(` stroke-linejoin="${state.lineJoin}"`);
    if (state.miterLimit !== 10) parts.push(` stroke-miterlimit="${num(state.miterLimit)}"`);
    if (state.lineDash.length > 0 && state.lineDash.some((n) => n > 0)) {
      parts.push(` stroke-dasharray="${state.lineDash.map((n) => num(n * s)).join(',')}"`);
      if (state.lineDashOffset !== 0) parts.push(` stroke-dashoffset="${num(state.lineDashOffset * s)}"`);
    }
    parts.push(this.#clipAttribute(), '/>');
    this.#body.push(parts.join(''));
  }

  clip(fillRule?: string): void {
    if (this.#path.length === 0) return;
    const id = `${this.#idPrefix}-${++this.#ids}`;
    const rule = fillRule === 'evenodd' ? ' clip-rule="evenodd"' : '';
    // A clip within a clip is their intersection.
    this.#defs.push(
      `<clipPath id="${id}"${this.#clipAttribute()}><path d="${this.#path.join('')}"${rule}/></clipPath>`,
    );
    this.#state.clip = id;
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    const saved = this.#savePath();
    this.beginPath();
    this.rect(x, y, width, height);
    this.fill();
    this.#restorePath(saved);
  }

  strokeRect(x: number, y: number, width: number, height: number): void {
    const saved = this.#savePath();
    this.beginPath();
    this.rect(x, y, width, height);
    this.stroke();
    this.#restorePath(saved);
  }

  /**
   * Clearing the whole canvas starts the drawing over (the clip paths stay
   * defined: a clip in force may still refer to one). An SVG cannot erase
   * part of what is drawn, and chart.js never asks it to.
   */
  clearRect(x: number, y: number, width: number, height: number): void {
    const [a, b, c, d, e, f] = this.#state.matrix;
    const identity = a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0;
    if (identity && x <= 0 && y <= 0 && x + width >= this.canvas.width && y + height >= this.canvas.height) {
      this.#body = [];
    }
  }

  // --- Text.

  measureText(text: string): { width: number } {
    return { width: this.#measure(this.#state.parsedFont, String(text)) };
  }

  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    if (!finite(x, y)) return;
    const paint = paintOf(this.#state.fillStyle, this.#state.globalAlpha);
    if (paint === undefined) return;
    this.#body.push(
      this.#text(String(text), x, y, maxWidth, `fill="${paint.color}"${opacity('fill-opacity', paint.alpha)}`),
    );
  }

  strokeText(text: string, x: number, y: number, maxWidth?: number): void {
    if (!finite(x, y)) return;
    const paint = paintOf(this.#state.strokeStyle, this.#state.globalAlpha);
    if (paint === undefined) return;
    this.#body.push(
      this.#text(
        String(text),
        x,
        y,
        maxWidth,
        `fill="none" stroke="${paint.color}"${opacity('stroke-opacity', paint.alpha)} stroke-width="${num(this.#state.lineWidth)}"`,
      ),
    );
  }

  /** Charts hold no pictures: a report's PDF has no raster image (SPEC §6). */
  drawImage(): void {
    throw new Error('images cannot be drawn in a vector chart');
  }

  /** The drawing as a standalone `<svg>` element. */
  toSvg(attributes: Readonly<Record<string, string>> = {}): string {
    return svgElement(this.canvas, attributes, this.drawing());
  }

  /** What is drawn so far: the definitions (clip paths) and the elements, in order, each as SVG. */
  drawing(): SvgDrawing {
    return { defs: [...this.#defs], body: [...this.#body] };
  }

  /** The elements drawn since the last call (or since the start), which the drawing no longer holds. */
  takeBody(): string[] {
    const body = this.#body;
    this.#body = [];
    return body;
  }

  // --- Private helpers.

  /** Appends a segment, after the move that starts its subpath if that is not written yet. */
  #segment(data: string): void {
    if (this.#pendingMove && this.#current !== undefined) {
      this.#path.push(`M${num(this.#current[0])} ${num(this.#current[1])}`);
      this.#pendingMove = false;
    }
    this.#path.push(data);
  }

  #apply(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.#state.matrix;
    return [a * x + c * y + e, b * x + d * y + f];
  }

  /** How much the transform scales lengths (line widths, dashes): the square root of its determinant. */
  #scale(): number {
    const [a, b, c, d] = this.#state.matrix;
    return Math.sqrt(Math.abs(a * d - b * c));
  }

  #clipAttribute(): string {
    return this.#state.clip === undefined ? '' : ` clip-path="url(#${this.#state.clip})"`;
  }

  #text(text: string, x: number, y: number, maxWidth: number | undefined, paint: string): string {
    const font = this.#state.parsedFont;
    const anchor = textAnchor(this.#state.textAlign);
    const baseline = dominantBaseline(this.#state.textBaseline);
    const [a, b, c, d, e, f] = this.#state.matrix;
    // A translation moves the text; any other transform goes on the element.
    const plain = a === 1 && b === 0 && c === 0 && d === 1;
    const [px, py] = plain ? [x + e, y + f] : [x, y];
    const attributes = [
      `x="${num(px)}"`,
      `y="${num(py)}"`,
      `font-family="${escapeXml(font.family)}"`,
      `font-size="${num(font.size)}px"`,
      ...(font.weight === 400 ? [] : [`font-weight="${font.weight}"`]),
      ...(font.style === 'normal' ? [] : [`font-style="${font.style}"`]),
      ...(anchor === 'start' ? [] : [`text-anchor="${anchor}"`]),
      ...(baseline === undefined ? [] : [`dominant-baseline="${baseline}"`]),
      paint,
    ];
    if (maxWidth !== undefined && Number.isFinite(maxWidth) && maxWidth >= 0) {
      const width = this.#measure(font, text);
      // A canvas squeezes text that is wider than maxWidth; so does SVG, given the length.
      if (width > maxWidth) attributes.push(`textLength="${num(maxWidth)}" lengthAdjust="spacingAndGlyphs"`);
    }
    if (!plain) attributes.push(`transform="matrix(${[a, b, c, d, e, f].map(num).join(' ')})"`);
    const clip = this.#clipAttribute();
    return `<text ${attributes.join(' ')}${clip} xml:space="preserve">${escapeText(text)}</text>`;
  }

  #savePath(): SavedPath {
    return { path: this.#path, start: this.#start, current: this.#current, pendingMove: this.#pendingMove };
  }

  #restorePath(saved: SavedPath): void {
    this.#path = saved.path;
    this.#start = saved.start;
    this.#current = saved.current;
    this.#pendingMove = saved.pendingMove;
  }
}

/** A drawing as SVG: its definitions and its elements, in order. */
export interface SvgDrawing {
  defs: readonly string[];
  body: readonly string[];
}

/** `drawing` as a standalone `<svg>` element of `size`, with `attributes` (escaped) on it. */
export function svgElement(
  size: { width: number; height: number },
  attributes: Readonly<Record<string, string>>,
  drawing: SvgDrawing,
): string {
  const { width, height } = size;
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const defs = drawing.defs.length === 0 ? '' : `<defs>${drawing.defs.join('')}</defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}"${extra}>${defs}${drawing.body.join('')}</svg>`;
}

/** As a canvas does, drawing calls with an infinite or NaN coordinate are ignored. */
function finite(...values: number[]): boolean {
  return values.every(Number.isFinite);
}

/** The signed sweep of an arc, as the canvas specification computes it. */
export function arcSweep(start: number, end: number, counterclockwise: boolean): number {
  const turn = 2 * Math.PI;
  if (!counterclockwise && end - start >= turn) return turn;
  if (counterclockwise && start - end >= turn) return -turn;
  const mod = (value: number) => ((value % turn) + turn) % turn;
  return counterclockwise ? -mod(start - end) : mod(end - start);
}

/**
 * The CSS `font` shorthand as chart.js writes it (`[style] [weight] <size>px <family>`),
 * and as the canvas accepts it; undefined when it is not one.
 */
export function parseFont(font: string): ParsedFont | undefined {
  const match =
    /^\s*((?:(?:normal|italic|oblique|bold|bolder|lighter|small-caps|\d{3})\s+)*)(\d*\.?\d+)px(?:\s*\/\s*\S+)?\s+(.+?)\s*$/.exec(
      font,
    );
  if (match === null) return undefined;
  const words = (match[1] ?? '').trim().split(/\s+/);
  const style = words.includes('italic') || words.includes('oblique') ? 'italic' : 'normal';
  const numeric = words.find((w) => /^\d{3}$/.test(w));
  const weight =
    numeric !== undefined ? Number(numeric) : words.includes('bold') || words.includes('bolder') ? 700 : 400;
  return { style, weight, size: Number(match[2]), family: match[3] ?? 'sans-serif' };
}

/** A colour and its opacity, or undefined when nothing would show. */
export function paintOf(style: string, globalAlpha: number): { color: string; alpha: number } | undefined {
  const value = style.trim().toLowerCase();
  let color = value;
  let alpha = 1;
  if (value === 'transparent') return undefined;
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+%?)\s*)?\)$/.exec(value);
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value);
  if (rgba !== null) {
    color = `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`;
    const a = rgba[4];
    if (a !== undefined) alpha = a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
  } else if (hex?.[1] !== undefined && (hex[1].length === 4 || hex[1].length === 8)) {
    const digits = hex[1].length === 4 ? [...hex[1]].map((h) => h + h).join('') : hex[1];
    color = `#${digits.slice(0, 6)}`;
    alpha = parseInt(digits.slice(6, 8), 16) / 255;
  }
  alpha *= globalAlpha;
  if (!(alpha > 0)) return undefined;
  return { color: escapeXml(color), alpha: Math.min(1, alpha) };
}

function opacity(attribute: string, alpha: number): string {
  return alpha >= 1 ? '' : ` ${attribute}="${num(alpha)}"`;
}

function textAnchor(align: string): 'start' | 'middle' | 'end' {
  if (align === 'center') return 'middle';
  if (align === 'right' || align === 'end') return 'end';
  return 'start';
}

function dominantBaseline(baseline: string): string | undefined {
  switch (baseline) {
    case 'top':
      return 'text-before-edge';
    case 'hanging':
      return 'hanging';
    case 'middle':
      return 'central';
    case 'bottom':
    case 'ideographic':
      return 'text-after-edge';
    default:
      return undefined;
  }
}

/** A coordinate to 1/1000 px: short, and the same from run to run. */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** For an attribute value between double quotes. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/** For text content: quotes stay as written. */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char);
}
