/**
 * The workspace's language (SPEC §4: diagnostics and every message of the
 * command line are in the framework's `locale`), read even from a
 * framework.yaml that is otherwise wrong: its `locale` key alone decides.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { isLocale, type Locale } from '../messages/diagnostics.js';
import { findExcessiveNesting } from './nesting.js';
import { MAX_FILE_BYTES } from './workspace.js';

/** The `locale` of a framework.yaml's text: `fr` or `en`, or undefined when it names neither. */
export function readLocale(text: string): Locale | undefined {
  if (text.length <= MAX_FILE_BYTES && findExcessiveNesting(text) === undefined) {
    try {
      const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
      if (isMap(doc.contents)) {
        const value: unknown = doc.contents.get('locale');
        if (isLocale(value)) return value;
        if (doc.contents.has('locale')) return undefined;
      }
    } catch {
      // Then as a line of text, below.
    }
  }
  // A file the parser cannot read still shows its language on a line of its own.
  const line = /^locale:[ \t]*(["']?)(fr|en)\1[ \t]*(?:#.*)?$/m.exec(text);
  return isLocale(line?.[2]) ? line[2] : undefined;
}

/** The language of the workspace whose data folder is `data`: its framework's locale; English when none can be read. */
export async function workspaceLocale(data: string): Promise<Locale> {
  for (const name of ['framework.yaml', 'framework.yml']) {
    const text = await readSmall(path.join(data, name));
    if (text !== undefined) return readLocale(text) ?? 'en';
  }
  return 'en';
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    // Non-blocking, and only a regular file: a pipe named framework.yaml must not hang the command line.
    const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
      return (await handle.readFile()).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
