/**
 * `revue init`: write a ready workspace (SPEC §7). It never overwrites a file:
 * when any file it would write is already there, it writes nothing and says
 * which. The one exception is .gitignore, which a folder under git often has
 * already: revue then only appends the lines it needs, keeping the rest.
 */
import { appendFile, lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { cliCatalogue } from '../messages/cli.js';
import { GITIGNORE_LINES, workspaceFiles, type InitLocale } from './files.js';

export interface InitOptions {
  /** The folder to create the workspace in; created when missing. Default: the current folder. */
  dir?: string;
  /** The language of the example framework, rep and reports: `fr` or `en`. Default: `en`. */
  locale?: InitLocale;
  /** The year of the example rep's folder and dates. Default: the current year. */
  year?: number;
}

export interface InitResult {
  /** The workspace folder, as given (or `.`). */
  dir: string;
  /** The data folder to pass to `build` and `validate`: `<dir>/data`. */
  data: string;
  /** The year of the example rep's folder. */
  year: number;
  /** The files created, relative to `dir`, with `/` separators. */
  written: string[];
  /** `.gitignore` when it existed and revue added its lines to it; otherwise null. */
  appended: string | null;
}

/**
 * Writes the example workspace into `options.dir`. Throws a UsageError,
 * having written nothing, when one of its files already exists there.
 */
export async function init(options: InitOptions = {}): Promise<InitResult> {
  const dir = options.dir ?? '.';
  const year = options.year ?? new Date().getFullYear();
  // The messages are in the language of the workspace being created.
  const t = cliCatalogue(options.locale ?? 'en');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new UsageError(t.initBadYear({ year }));
  const files = workspaceFiles({ locale: options.locale ?? 'en', year });
  const folder = await stat(dir).catch(() => undefined);
  if (folder !== undefined && !folder.isDirectory())
    throw new UsageError(t.initNotFolder({ dir }), { hint: t.initNotFolderHint });

  const existing: string[] = [];
  let gitignore: string | null = null;
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (!(await exists(target))) continue;
    if (file.path === '.gitignore') gitignore = target;
    else existing.push(file.path);
  }
  if (existing.length > 0) {
    throw new UsageError(t.initExisting({ dir, files: existing }), { hint: t.initExistingHint });
  }

  const written: string[] = [];
  for (const file of files) {
    if (file.path === '.gitignore' && gitignore !== null) continue;
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    // 'wx': should a file appear since the check, it is still not overwritten.
    await writeFile(target, file.text, { flag: 'wx' });
    written.push(file.path);
  }
  const appended = gitignore === null ? null : await appendMissingLines(gitignore);
  return { dir, data: path.join(dir, 'data'), year, written, appended: appended ? '.gitignore' : null };
}

/** Adds the lines revue needs to an existing .gitignore; true when one was missing. */
async function appendMissingLines(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !present.has(line) && !present.has(`/${line}`));
  if (missing.length === 0) return false;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# revue: generated reports\n${missing.join('\n')}\n`);
  return true;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}
