/**
 * The templates: the package's own, each of which a user may override by
 * putting a file of the same name in their workspace's `templates/` folder
 * (SPEC §1). A template that fails to compile or to run is a TemplateError
 * naming its file and line.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import { packagePath } from '../package-root.js';
import { compareText } from '../model/text.js';
import { said, type Text } from '../messages/stage.js';

/** The package's templates folder. */
export const DEFAULT_TEMPLATES = packagePath('templates');

export type ReportKind = 'rep' | 'team' | 'organisation' | 'index';

export interface TemplateFile {
  /** Relative name, e.g. `partials/rep-goals.hbs`. */
  name: string;
  path: string;
  text: string;
  /** True when it comes from the user's folder. */
  overridden: boolean;
}

export interface Templates {
  render: (kind: ReportKind, view: object) => string;
  /** The stylesheet (report.css), the user's when overridden. */
  stylesheet: string;
  files: TemplateFile[];
  /** A digest of every template and the stylesheet: part of each report's inputs. */
  digest: string;
}

export async function loadTemplates(options: { userDir?: string | undefined } = {}): Promise<Templates> {
  const files = new Map<string, TemplateFile>();
  for (const file of await listTemplateFiles(DEFAULT_TEMPLATES, false)) files.set(file.name, file);
  if (options.userDir !== undefined) {
    for (const file of await listTemplateFiles(options.userDir, true)) files.set(file.name, file);
  }
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of files.values()) {
    if (!file.name.endsWith('.hbs')) continue;
    const template = compile(hbs, file);
    if (file.name.startsWith('partials/') || file.name === 'layout.hbs') {
      hbs.registerPartial(path.basename(file.name, '.hbs'), template);
    } else {
      compiled.set(file.name.replace(/\.hbs$/, ''), template);
    }
  }
  const stylesheet = files.get('report.css')?.text ?? '';
  const digest = createHash('sha256');
  for (const file of [...files.values()].sort((a, b) => compareText(a.name, b.name)))
    digest.update(`${file.name}\0${file.text}\0`);

  return {
    files: [...files.values()],
    stylesheet,
    digest: digest.digest('hex'),
    render(kind, view) {
      const template = compiled.get(kind);
      if (template === undefined) throw new TemplateError(said('noTemplate', { kind, folder: DEFAULT_TEMPLATES }));
      try {
        return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error: unknown) {
        throw runtimeError(error, kind, files);
      }
    },
  };
}

async function listTemplateFiles(root: string, overridden: boolean): Promise<TemplateFile[]> {
  const out: TemplateFile[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error: unknown) {
      if (overridden && error instanceof Error && 'code' in error && error.code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), name);
      else if (/\.(hbs|css)$/.test(entry.name))
        out.push({
          name,
          path: path.join(dir, entry.name),
          text: await readFile(path.join(dir, entry.name), 'utf8'),
          overridden,
        });
    }
  };
  await walk(root, '');
  return out;
}

/**
 * Compile now rather than on first use, so that a syntax error is reported
 * before any report is printed, at its file and line.
 */
function compile(hbs: typeof Handlebars, file: TemplateFile): Handlebars.TemplateDelegate {
  try {
    const template = hbs.compile(file.text, { strict: false, preventIndent: true });
    hbs.parse(file.text);
    return template;
  } catch (error: unknown) {
    const { line, reason } = explainParseError(error instanceof Error ? error.message : String(error));
    const where = line === undefined ? file.path : `${file.path}:${line}`;
    throw new TemplateError(
      said('templateNotCompiled', { where, reason }),
      line === undefined ? undefined : { file: file.path, line, column: 1 },
      { cause: error },
    );
  }
}

/** Handlebars' parser messages, in words a template author can act on. */
export function explainParseError(message: string): { line: number | undefined; reason: Text } {
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+/.exec(message);
  if (mismatch !== null) {
    return {
      line: Number(mismatch[3]),
      reason: said('templateBlocksOrder', { open: mismatch[1] ?? '', close: mismatch[2] ?? '' }),
    };
  }
  const line = /Parse error on line (\d+)/.exec(message)?.[1];
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  const reasons = new Map<string, Text>([
    ['EOF', said('templateEndsInBlock')],
    ['INVALID', said('templateUnclosed')],
    ['CLOSE', said('templateEmptyExpression')],
  ]);
  const reason = (got === undefined ? undefined : reasons.get(got)) ?? message.split('\n').at(-1) ?? message;
  return { line: line === undefined ? undefined : Number(line), reason };
}

function runtimeError(error: unknown, kind: string, files: Map<string, TemplateFile>): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const partial = /The partial (\S+) could not be found/.exec(message)?.[1];
  const where =
    partial === undefined ? (files.get(`${kind}.hbs`)?.path ?? `${kind}.hbs`) : said('templateAndPartials', { kind });
  return new TemplateError(said('templateFailed', { where, reason: message }), undefined, { cause: error });
}

function registerHelpers(hbs: typeof Handlebars): void {
  /** `{{#if (eq a b)}}` */
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}
