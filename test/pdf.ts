/**
 * Read a PDF back as a person or a machine would: poppler-utils and qpdf.
 * They are required, not optional: a test that reads a PDF and finds no tool
 * fails, saying what to install, rather than skipping or passing unread.
 */
import { spawnSync } from 'node:child_process';

/** The tools the tests read PDFs with: poppler-utils' and qpdf. */
export type PdfTool = 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdfimages' | 'qpdf';

const PACKAGE: Record<PdfTool, string> = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfimages: 'poppler-utils',
  qpdf: 'qpdf',
};

/**
 * Runs a PDF tool: its stdout and stderr, or an error when it is missing
 * (with the package to install) or exits with a failure (with what it said).
 */
export function pdfTool(
  command: PdfTool,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  if (result.error !== undefined) {
    if ('code' in result.error && result.error.code === 'ENOENT')
      throw new Error(
        `${command} is not installed: the tests read PDFs back with poppler-utils and qpdf. ` +
          `Install ${PACKAGE[command]} (Debian, Ubuntu: apt-get install poppler-utils qpdf; macOS: brew install poppler qpdf).`,
      );
    throw result.error;
  }
  if (result.status !== 0) {
    const how = result.signal === null ? `exited with status ${result.status}` : `was killed by ${result.signal}`;
    throw new Error(`${command} ${args.join(' ')} ${how}: ${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

const run = (command: PdfTool, args: string[]): string => pdfTool(command, args).stdout;

/** The text, in reading order; `layout` keeps columns (tables) on one line. */
export function pdfText(file: string, options: { layout?: boolean } = {}): string {
  return run('pdftotext', [...(options.layout === true ? ['-layout'] : []), file, '-']);
}

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) out[match[1]] = match[2];
  }
  return out;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const embedded = / (yes|no) +(yes|no) +(yes|no) +\d+ +\d+\s*$/.exec(line);
      const name = line.split(/\s+/)[0] ?? '';
      const type = /\s(Type 1C?|Type 3|TrueType|CID TrueType|CID Type 0C?|Type 0C?)\s/.exec(line)?.[1] ?? '';
      return { name, type, embedded: embedded?.[1] === 'yes' };
    });
}

/** The images of a PDF (pdfimages -list), one line each. */
export function pdfImages(file: string): string[] {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
}

/** The outline (bookmarks): titles, depth first. */
export function pdfOutline(file: string): string[] {
  const json: unknown = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file]));
  const titles: string[] = [];
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (item !== null && typeof item === 'object') {
        const title: unknown = Reflect.get(item, 'title');
        if (typeof title === 'string') titles.push(title);
        walk(Reflect.get(item, 'kids'));
      }
    }
  };
  walk(json !== null && typeof json === 'object' ? Reflect.get(json, 'outlines') : undefined);
  return titles;
}

/** A line of text as `pdftotext -bbox-layout` sets it, in points from the page's top-left corner. */
export interface TextLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageLines {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  lines: TextLine[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (XML_ENTITIES[name] ?? whole),
  );
const numberAttribute = (tag: string, name: string) => Number(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? NaN);

/** Every page's text lines (`pdftotext -bbox-layout`), in the order pdftotext reads them. */
export function pdfTextLines(file: string): PageLines[] {
  const xml = run('pdftotext', ['-bbox-layout', file, '-']);
  const pages: PageLines[] = [];
  for (const [index, page] of xml
    .split(/<page\b/)
    .slice(1)
    .entries()) {
    const head = page.slice(0, page.indexOf('>'));
    const lines: TextLine[] = [];
    for (const match of page.matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
      const tag = match[1] ?? '';
      const words = [...(match[2] ?? '').matchAll(/<word\b[^>]*>([\s\S]*?)<\/word>/g)].map((w) => xmlText(w[1] ?? ''));
      lines.push({
        text: words.join(' '),
        xMin: numberAttribute(tag, 'xMin'),
        yMin: numberAttribute(tag, 'yMin'),
        xMax: numberAttribute(tag, 'xMax'),
        yMax: numberAttribute(tag, 'yMax'),
      });
    }
    pages.push({
      page: index + 1,
      width: numberAttribute(head, 'width'),
      height: numberAttribute(head, 'height'),
      lines,
    });
  }
  return pages;
}

/** A bookmark and where it leads. */
export interface OutlineEntry {
  title: string;
  /** 0 for a top-level entry. */
  depth: number;
  /** 1-based. */
  page: number;
  /** The destination's top (its /XYZ top), in points from the page's top edge, as pdftotext measures. */
  top: number;
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** The objects of a PDF (`qpdf --json`), by reference ("12 0 R"), with the page references in order. */
function pdfObjects(file: string): { objects: Map<string, unknown>; pages: string[] } {
  const json: unknown = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', '--json-key=pages', file]));
  const objects = new Map<string, unknown>();
  for (const item of list(field(json, 'qpdf'))) {
    if (item === null || typeof item !== 'object') continue;
    for (const [key, value] of Object.entries(item)) {
      if (key.startsWith('obj:')) objects.set(key.slice(4), field(value, 'value'));
    }
  }
  const pages = list(field(json, 'pages')).map((page) => String(field(page, 'object')));
  return { objects, pages };
}

/** The outline, depth first, with each entry's page and top. */
export function pdfOutlineEntries(file: string): OutlineEntry[] {
  const json: unknown = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file]));
  // The page heights, to measure from the top as pdftotext does: "Page    2 size: 612 x 792 pts (letter)".
  const heights = [
    ...run('pdfinfo', ['-f', '1', '-l', '100000', file]).matchAll(/^Page +\d+ size: +[\d.]+ x ([\d.]+)/gm),
  ].map((match) => Number(match[1]));
  const entries: OutlineEntry[] = [];
  const walk = (items: unknown, depth: number): void => {
    for (const item of list(items)) {
      const title = field(item, 'title');
      const page = Number(field(item, 'destpageposfrom1'));
      const dest = list(field(item, 'dest'));
      if (typeof title === 'string' && dest[1] === '/XYZ')
        entries.push({ title, depth, page, top: (heights[page - 1] ?? NaN) - Number(dest[3]) });
      walk(field(item, 'kids'), depth + 1);
    }
  };
  walk(field(json, 'outlines'), 0);
  return entries;
}

/** A table of the PDF's structure tree (a tagged PDF's /Table) and the pages each of its rows is printed on. */
export interface PdfTable {
  /** The outline entry (bookmark) of the last heading before the table, when the headings and the outline agree. */
  after: string | undefined;
  /** In document order; a header row is one whose cells are all column headers (`<th scope="col">`). */
  rows: Array<{ header: boolean; pages: number[] }>;
}

/**
 * The tables of a tagged PDF, read from its structure tree: the structural
 * signal of what is a table and a row, rather than a guess from the text's
 * layout. A row's pages are those of the marked content under it (Chromium
 * gives each leaf its page, /Pg).
 */
export function pdfTables(file: string): PdfTable[] {
  const { objects, pages } = pdfObjects(file);
  const titles = pdfOutline(file);
  const pageOf = (ref: unknown) => pages.indexOf(String(ref)) + 1;
  const kids = (element: unknown) => list(field(element, '/K')).filter((kid) => typeof kid === 'string');
  const contentPages = (ref: string, inherited: unknown, into: Set<number>): Set<number> => {
    const element = objects.get(ref);
    const page = field(element, '/Pg') ?? inherited;
    for (const kid of list(field(element, '/K'))) {
      if (typeof kid === 'number') into.add(pageOf(page));
      else if (typeof kid === 'string') contentPages(kid, page, into);
      else if (field(kid, '/MCID') !== undefined) into.add(pageOf(field(kid, '/Pg') ?? page));
    }
    return into;
  };
  const isColumnHeader = (ref: unknown) => {
    const cell = objects.get(String(ref));
    return field(cell, '/S') === '/TH' && list(field(cell, '/A')).some((a) => field(a, '/Scope') === '/Column');
  };
  const tables: PdfTable[] = [];
  let headings = 0;
  const walk = (ref: string, inherited: unknown): void => {
    const element = objects.get(ref);
    const type = field(element, '/S');
    const page = field(element, '/Pg') ?? inherited;
    if (typeof type === 'string' && /^\/H[1-6]$/.test(type)) headings += 1;
    if (type === '/Table') {
      const rows: PdfTable['rows'] = [];
      const collect = (parent: string) => {
        for (const kid of kids(objects.get(parent))) {
          const kind = field(objects.get(kid), '/S');
          if (kind === '/TR') {
            const cells = kids(objects.get(kid));
            rows.push({
              header: cells.length > 0 && cells.every(isColumnHeader),
              pages: [...contentPages(kid, page, new Set())].sort((a, b) => a - b),
            });
          } else if (kind === '/THead' || kind === '/TBody' || kind === '/TFoot') collect(kid);
        }
      };
      collect(ref);
      tables.push({ after: headings > 0 && headings <= titles.length ? titles[headings - 1] : undefined, rows });
      return;
    }
    for (const kid of kids(element)) walk(kid, page);
  };
  const root = [...objects.values()].find((value) => field(value, '/Type') === '/StructTreeRoot');
  for (const kid of kids(root)) walk(kid, undefined);
  return tables;
}
