import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../src/model/dataset.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** A workspace written to a temp folder from { 'relative/path': content }. */
export async function tempWorkspace(
  files: Record<string, string | Uint8Array>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'revue-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** `file:line:column: severity: message`, with the file relative to `root`. */
export function lines(diagnostics: readonly Diagnostic[], root: string): string[] {
  return diagnostics.map(
    (d) =>
      `${path.relative(root, d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`,
  );
}

/**
 * `target[key]` as it is now: the real method, for a spy that replaces it on a
 * prototype to call through to, always on the instance the spy was called on
 * (`real.call(this, …)`). Read before vi.spyOn replaces it.
 */
export function methodOf<T extends object, K extends keyof T>(target: T, key: K): T[K] {
  return target[key];
}

/** JSON text read back and checked against `schema`: a typed value, or an error that says what did not match. */
export function parseJson<T>(text: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(text));
}

/** The cells of a CSV file (RFC 4180), without its byte order mark. */
export function csvCells(csv: string, separator: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      rows.at(-1)?.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1)?.push(field);
      field = '';
      rows.push([]);
      i++;
    } else field += c ?? '';
  }
  rows.pop();
  return rows;
}
