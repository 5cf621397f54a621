/**
 * A new file, written whole or not at all, and never over another one
 * (`revue new-year`): the text goes to a temporary file beside it, then is
 * hard-linked to its name, which fails when a file of that name exists —
 * even one saved a moment ago.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFailure } from './atomic.js';

/** Writes `file`; resolves false, writing nothing, when it already exists. */
export async function createFileAtomic(file: string, data: string): Promise<boolean> {
  const dir = path.dirname(file);
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, file);
    return true;
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw writeFailure(file, error);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
