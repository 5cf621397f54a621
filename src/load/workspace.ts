/**
 * Read a workspace from disk (SPEC §1): framework.yaml, the year folders and
 * one file per rep per year. This is the only stage that reads files; what it
 * returns is plain data, checked by `validate`.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Severity } from '../model/dataset.js';
import type { DiagnosticText, Reason } from '../messages/diagnostics-en.js';
import { compareText } from '../model/text.js';

/** A YAML file is a few kilobytes; anything this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SourceFile {
  /** As shown in messages: the data folder joined with the file's name. */
  path: string;
  /** The file's name without .yaml/.yml. */
  stem: string;
  /** The text, or undefined when it could not be read as text (see diagnostics). */
  text: string | undefined;
}

export interface YearFolder {
  /** The folder's name, a valid year or not (validation says). */
  name: string;
  path: string;
  files: SourceFile[];
}

/** A problem met while reading, about a whole file or folder; worded by validation in the workspace's language. */
export interface LoadProblem {
  severity: Severity;
  file: string;
  text: DiagnosticText;
}

export interface LoadedWorkspace {
  root: string;
  framework: SourceFile | undefined;
  /** Names of the files beside framework.yaml (for the logo). */
  siblingFiles: string[];
  years: YearFolder[];
  /** Problems met while reading: unreadable or ignored files. */
  problems: LoadProblem[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Files read at the same time. */
const READ_AT_ONCE = 32;

export async function loadWorkspace(root: string): Promise<LoadedWorkspace> {
  const problems: LoadProblem[] = [];
  const problem: Report = (severity, file, text) => void problems.push({ severity, file, text });

  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error: unknown) {
    problem('error', root, { code: 'data-folder-unreadable', params: { reason: reasonOf(error) } });
    return { root, framework: undefined, siblingFiles: [], years: [], problems };
  }
  const rootReal = await realpath(root);
  const inside = async (file: string): Promise<boolean> => {
    const real = await realpath(file).catch(() => file);
    return real === rootReal || real.startsWith(rootReal + path.sep);
  };
  const read = async (file: string): Promise<string | undefined> => {
    if (!(await inside(file))) {
      problem('error', file, { code: 'link-outside-file', params: {} });
      return undefined;
    }
    return readText(file, problem);
  };
  /** `read`, its problems kept apart, so that files read at the same time report them in the order of the files. */
  const readOne = async (file: string): Promise<{ text: string | undefined; found: LoadProblem[] }> => {
    const found: LoadProblem[] = [];
    const report: Report = (severity, at, text) => void found.push({ severity, file: at, text });
    if (!(await inside(file))) {
      report('error', file, { code: 'link-outside-file', params: {} });
      return { text: undefined, found };
    }
    return { text: await readText(file, report), found };
  };

  const sorted = [...entries].sort((a, b) => compareText(a.name, b.name));
  const siblingFiles = sorted.filter((e) => !e.isDirectory()).map((e) => e.name);
  let framework: SourceFile | undefined;
  const frameworkName = siblingFiles.find((name) => /^framework\.ya?ml$/.test(name));
  if (frameworkName !== undefined) {
    const file = path.join(root, frameworkName);
    framework = { path: file, stem: 'framework', text: await read(file) };
  }

  const years: YearFolder[] = [];
  for (const entry of sorted) {
    if (entry.name.startsWith('.')) continue;
    const folder = path.join(root, entry.name);
    const isDirectory =
      entry.isDirectory() ||
      (entry.isSymbolicLink() && (await stat(folder).catch(() => undefined))?.isDirectory() === true);
    if (!isDirectory) continue;
    if (!(await inside(folder))) {
      problem('error', folder, { code: 'link-outside-folder', params: {} });
      continue;
    }
    const files: SourceFile[] = [];
    let children;
    try {
      children = await readdir(folder, { withFileTypes: true });
    } catch (error: unknown) {
      problem('error', folder, { code: 'folder-unreadable', params: { reason: reasonOf(error) } });
      continue;
    }
    const wanted: string[] = [];
    for (const child of children.sort((a, b) => compareText(a.name, b.name))) {
      const file = path.join(folder, child.name);
      if (child.name.startsWith('.')) continue;
      if (child.isDirectory() || !YAML_FILE.test(child.name)) {
        problem('warning', file, { code: 'ignored-file', params: {} });
        continue;
      }
      wanted.push(file);
    }
    // A few files read at a time: a large organisation's thousands of small files wait on the disk, not the CPU.
    for (let i = 0; i < wanted.length; i += READ_AT_ONCE) {
      const batch = wanted.slice(i, i + READ_AT_ONCE);
      const read = await Promise.all(batch.map((file) => readOne(file)));
      read.forEach(({ text, found }, j) => {
        const file = batch[j] ?? '';
        problems.push(...found);
        files.push({ path: file, stem: path.basename(file).replace(YAML_FILE, ''), text });
      });
    }
    years.push({ name: entry.name, path: folder, files });
  }
  return { root, framework, siblingFiles, years, problems };
}

type Report = (severity: Severity, file: string, text: DiagnosticText) => void;

/** The file as UTF-8 text, or undefined with a diagnostic when it is not text one can edit. */
async function readText(file: string, problem: Report): Promise<string | undefined> {
  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so that a named pipe dressed as a .yaml file cannot hang the build waiting for a writer.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) {
      problem('error', file, { code: 'not-regular-file', params: {} });
      return undefined;
    }
    const bytes = info.size > MAX_FILE_BYTES ? undefined : await readAtMost(handle, info.size, MAX_FILE_BYTES);
    if (bytes === undefined) {
      const size = Math.max(info.size, MAX_FILE_BYTES + 1);
      const megabytes = size / 1024 / 1024;
      problem('error', file, { code: 'file-too-large', params: { megabytes, limit: MAX_FILE_BYTES / 1024 / 1024 } });
      return undefined;
    }
    if (bytes.includes(0)) {
      problem('error', file, { code: 'binary-file', params: {} });
      return undefined;
    }
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      problem('error', file, { code: 'not-utf8', params: {} });
      return undefined;
    }
    return text.replace(/^\uFEFF/, '');
  } catch (error: unknown) {
    problem('error', file, { code: 'file-unreadable', params: { reason: reasonOf(error) } });
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Strict: bytes that are not UTF-8 are an error, not replacement characters. One decoder for every file. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's bytes, or undefined when there are more than `limit`: the size
 * was checked before, but a file growing while it is read stops here too.
 * The first read asks for one byte more than the file's size, so that a
 * file that has not changed is read whole, and its end found, in one read
 * (a regular file reads short only at its end), into a buffer of its own
 * size: thousands of small files, not thousands of 64 kB buffers to fill
 * with zeros and collect.
 */
async function readAtMost(handle: FileHandle, size: number, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Never more than one byte past the limit: enough to know it is past. (Unsafe: only what is read is kept.)
    const wanted = total === 0 ? size + 1 : 64 * 1024;
    const chunk = Buffer.allocUnsafe(Math.min(wanted, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    total += bytesRead;
    if (total > limit) return undefined;
    if (bytesRead > 0) chunks.push(chunk.subarray(0, bytesRead));
    // A regular file reads short only at its end: no need to ask again to be told so.
    if (bytesRead < chunk.length)
      return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total);
  }
}

function reasonOf(error: unknown): Reason {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return { code, detail: error instanceof Error ? error.message : String(error) };
}

/** The year folders of a data folder, ascending (none when it cannot be read): the year a command reports on by default. */
export async function listYearFolders(root: string): Promise<number[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => /^\d{4}$/.test(e.name) && (e.isDirectory() || e.isSymbolicLink()))
    .map((e) => Number(e.name))
    .sort((a, b) => a - b);
}
