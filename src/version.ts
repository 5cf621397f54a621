/** revue's version, from its package.json: part of every report's inputs, and what `revue --version` prints. */
import { field } from './model/field.js';
import { PACKAGE_MANIFEST } from './package-root.js';

const version = field(PACKAGE_MANIFEST, 'version');

export const VERSION: string = typeof version === 'string' ? version : 'unknown';
