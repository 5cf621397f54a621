/**
 * A report is written whole or not at all (SPEC §8): into a temporary file
 * beside its destination, then renamed over it. A crash, a full disk or a
 * kill leaves the previous version or nothing, never half a PDF.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { said, type Text } from '../messages/stage.js';

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
  return new WriteError(said('writeFailed', { file, reason: reason(error) }), { hint: hintFor(error), cause: error });
}

/** Keeps a path inside `root`: a name from the data can never point elsewhere. */
export function resolveInside(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  const base = path.resolve(root);
  if (resolved !== base && !resolved.startsWith(base + path.sep))
    throw new WriteError(said('writeOutside', { file: relative }));
  return resolved;
}

function reason(error: unknown): Text {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS') return said('folderNotWritable');
    if (error.code === 'ENOSPC') return said('diskFull');
    if (error.code === 'ENOTDIR') return said('pathThroughFile');
    if (error.code === 'EDQUOT') return said('quotaExceeded');
  }
  return error instanceof Error ? error.message : String(error);
}

function hintFor(error: unknown): Text | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS')
    return said('hintOtherOutOrPermissions');
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') return said('hintFreeSpace');
  if (error.code === 'ENOTDIR') return said('hintOtherOut');
  return undefined;
}
