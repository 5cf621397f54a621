/** revue's version, from its package.json: part of every report's inputs, and what `revue --version` prints. */
import { readFileSync } from 'node:fs';
import { field } from './model/field.js';

function readVersion(): string {
  const value: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = field(value, 'version');
  return typeof version === 'string' ? version : 'unknown';
}

export const VERSION: string = readVersion();
