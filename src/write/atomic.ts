/**
 * A report is written whole or not at all (SPEC §8): into a temporary file
 * beside its destination, then renamed over it. A crash, a full disk or a
 * kill leaves the previous version or nothing, never half a PDF.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../errors.js';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error: unknown) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailure(file, error);
  }
}

/** A failure to write `file`, said so that someone can act on it (read-only folder, full disk, …). */
export function writeFailure(file: string, error: unknown): WriteError {
  return new WriteError(`cannot write ${file}: ${reason(error)}`, { hint: hintFor(error), cause: error });
}

/** Keeps a path inside `root`: a name from the data can never point elsewhere. */
export function resolveInside(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  const base = path.resolve(root);
  if (resolved !== base && !resolved.startsWith(base + path.sep))
    throw new WriteError(`refusing to write outside the output folder: ${relative}`);
  return resolved;
}

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS')
      return 'the folder is not writable';
    if (error.code === 'ENOSPC') return 'the disk is full';
    if (error.code === 'ENOTDIR') return 'part of the path is a file, not a folder';
    if (error.code === 'EDQUOT') return 'the disk quota is exceeded';
  }
  return error instanceof Error ? error.message : String(error);
}

function hintFor(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS')
    return 'choose another output folder with --out, or fix its permissions';
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT')
    return 'free some space, or choose another output folder with --out';
  if (error.code === 'ENOTDIR') return 'choose another output folder with --out';
  return undefined;
}
