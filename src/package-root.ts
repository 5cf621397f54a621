/**
 * revue's own package folder, found from wherever this module's code sits:
 * src/ under the tests, dist/ after tsc, or one chunk of the command line's
 * bundle (dist/bin/, every chunk at the same depth). The package's files
 * (package.json, templates/, the fonts' package under node_modules) are
 * read from there, never by a path counted up from import.meta.url.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { field } from './model/field.js';

export interface PackageRoot {
  /** The folder holding revue's package.json. */
  dir: string;
  /** That package.json, parsed. */
  manifest: unknown;
}

/** The nearest folder at or above `from` whose package.json is named "revue". */
export function findPackageRoot(from: string): PackageRoot {
  for (let dir = from; ;) {
    const manifest = readManifest(path.join(dir, 'package.json'));
    if (field(manifest, 'name') === 'revue') return { dir, manifest };
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json named "revue" at or above ${from}`);
    dir = parent;
  }
}

/** The parsed file, or undefined when there is none or it is not JSON. */
function readManifest(file: string): unknown {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed;
  } catch {
    return undefined;
  }
}

const ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** revue's package folder. */
export const PACKAGE_DIR: string = ROOT.dir;

/** revue's package.json, parsed. */
export const PACKAGE_MANIFEST: unknown = ROOT.manifest;

/** A file or folder of revue's package, by its path inside the package. */
export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_DIR, ...segments);
}
