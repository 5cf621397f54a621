/**
 * Read a workspace from disk (SPEC §1): framework.yaml, the year folders and
 * one file per rep per year. This is the only stage that reads files; what it
 * returns is plain data, checked by `validate`.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/dataset.js';
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

export interface LoadedWorkspace {
  root: string;
  framework: SourceFile | undefined;
  /** Names of the files beside framework.yaml (for the logo). */
  siblingFiles: string[];
  years: YearFolder[];
  /** Problems met while reading: unreadable or ignored files. */
  diagnostics: Diagnostic[];
}

const YAML_FILE = /\.ya?ml$/i;

export async function loadWorkspace(root: string): Promise<LoadedWorkspace> {
  const diagnostics: Diagnostic[] = [];
  const problem = (severity: Diagnostic['severity'], file: string, message: string, hint?: string) =>
    diagnostics.push({ severity, file, line: 0, column: 0, message, ...(hint === undefined ? {} : { hint }) });

  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error: unknown) {
    problem(
      'error',
      root,
      `cannot read the data folder: ${reasonOf(error)}`,
      'pass the folder with --data, or run "revue init" to create one',
    );
    return { root, framework: undefined, siblingFiles: [], years: [], diagnostics };
  }
  const rootReal = await realpath(root);
  const inside = async (file: string): Promise<boolean> => {
    const real = await realpath(file).catch(() => file);
    return real === rootReal || real.startsWith(rootReal + path.sep);
  };
  const read = async (file: string): Promise<string | undefined> => {
    if (!(await inside(file))) {
      problem(
        'error',
        file,
        'is a link to a file outside the data folder',
        'copy the file into the data folder instead of linking it',
      );
      return undefined;
    }
    return readText(file, problem);
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
      problem(
        'error',
        folder,
        'is a link to a folder outside the data folder',
        'move the year folder into the data folder',
      );
      continue;
    }
    const files: SourceFile[] = [];
    let children;
    try {
      children = await readdir(folder, { withFileTypes: true });
    } catch (error: unknown) {
      problem('error', folder, `cannot read the folder: ${reasonOf(error)}`);
      continue;
    }
    for (const child of children.sort((a, b) => compareText(a.name, b.name))) {
      const file = path.join(folder, child.name);
      if (child.name.startsWith('.')) continue;
      if (child.isDirectory() || !YAML_FILE.test(child.name)) {
        problem('warning', file, 'ignored: only .yaml and .yml files are read in a year folder');
        continue;
      }
      files.push({ path: file, stem: child.name.replace(YAML_FILE, ''), text: await read(file) });
    }
    years.push({ name: entry.name, path: folder, files });
  }
  return { root, framework, siblingFiles, years, diagnostics };
}

type Report = (severity: Diagnostic['severity'], file: string, message: string, hint?: string) => void;

/** The file as UTF-8 text, or undefined with a diagnostic when it is not text one can edit. */
async function readText(file: string, problem: Report): Promise<string | undefined> {
  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so that a named pipe dressed as a .yaml file cannot hang the build waiting for a writer.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) {
      problem(
        'error',
        file,
        'is not a regular file (a folder, a pipe, a device or a socket)',
        'a review file is a plain text file',
      );
      return undefined;
    }
    const bytes = info.size > MAX_FILE_BYTES ? undefined : await readAtMost(handle, MAX_FILE_BYTES);
    if (bytes === undefined) {
      const size = Math.max(info.size, MAX_FILE_BYTES + 1);
      problem(
        'error',
        file,
        `is too large to be a review file (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
        'a rep-year file is normally a few kilobytes: check that this is the right file',
      );
      return undefined;
    }
    if (bytes.includes(0)) {
      problem('error', file, 'is a binary file, not YAML text');
      return undefined;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problem('error', file, 'is not valid UTF-8 text', 'save the file as UTF-8 in your editor');
      return undefined;
    }
    return text.replace(/^\uFEFF/, '');
  } catch (error: unknown) {
    problem('error', file, `cannot be read: ${reasonOf(error)}`);
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The file's bytes, or undefined when there are more than `limit`: the size
 * was checked before, but a file growing while it is read stops here too.
 */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Never more than one byte past the limit: enough to know it is past.
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > limit) return undefined;
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const messages: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      ENOTDIR: 'not a folder',
      ELOOP: 'too many symbolic links',
      EISDIR: 'is a folder',
    };
    return messages[error.code] ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
