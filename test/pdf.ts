/** Read a PDF back as a person or a machine would: poppler-utils and qpdf. */
import { execFileSync } from 'node:child_process';

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

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
        const title = Reflect.get(item, 'title');
        if (typeof title === 'string') titles.push(title);
        walk(Reflect.get(item, 'kids'));
      }
    }
  };
  walk(json !== null && typeof json === 'object' ? Reflect.get(json, 'outlines') : undefined);
  return titles;
}
