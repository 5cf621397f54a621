/** The command line's words in the workspace's language: one catalogue per language, the same keys in each. */
import { cliEn, type CliCatalogue, type CommandName } from './cli-en.js';
import { cliFr } from './cli-fr.js';
import type { Locale } from './diagnostics.js';

const CATALOGUES: Readonly<Record<Locale, CliCatalogue>> = { en: cliEn, fr: cliFr };

export function cliCatalogue(locale: Locale): CliCatalogue {
  return CATALOGUES[locale];
}

export type { CliCatalogue, CommandName };
