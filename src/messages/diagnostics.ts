/**
 * Diagnostics in the workspace's language (SPEC §4): one catalogue per
 * language, the same codes in each, and one way to turn a code and its
 * parameters into the `Diagnostic` every stage reports.
 */
import type { Diagnostic, Severity } from '../model/dataset.js';
import {
  diagnosticsEn,
  type DiagnosticCatalogue,
  type DiagnosticCode,
  type DiagnosticParams,
  type DiagnosticText,
  type Rendered,
} from './diagnostics-en.js';
import { diagnosticsFr } from './diagnostics-fr.js';

/** The languages of revue: the framework's `locale`. */
export type Locale = 'fr' | 'en';

export const LOCALES: readonly Locale[] = ['fr', 'en'];

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

const CATALOGUES: Readonly<Record<Locale, DiagnosticCatalogue>> = { en: diagnosticsEn, fr: diagnosticsFr };

export function diagnosticCatalogue(locale: Locale): DiagnosticCatalogue {
  return CATALOGUES[locale];
}

/** Every code, in the order of the reference catalogue. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = codesOf(diagnosticsEn);

function codesOf(catalogue: DiagnosticCatalogue): DiagnosticCode[] {
  const codes: DiagnosticCode[] = [];
  for (const key of Object.keys(catalogue)) if (isDiagnosticCode(key)) codes.push(key);
  return codes;
}

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
  return typeof value === 'string' && Object.hasOwn(diagnosticsEn, value);
}

/** The message of `code` in `catalogue`'s language. */
export function renderText<K extends DiagnosticCode>(
  catalogue: DiagnosticCatalogue,
  text: { code: K; params: DiagnosticParams[K] },
): Rendered {
  const render: (params: DiagnosticParams[K]) => Rendered = catalogue[text.code];
  return render(text.params);
}

/** Where a diagnostic is: 1-based line and column, or 0 and 0 for a whole file. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** A Diagnostic of `text` at `place`, in `catalogue`'s language. */
export function diagnosticOf(
  catalogue: DiagnosticCatalogue,
  severity: Severity,
  place: Place,
  text: DiagnosticText,
): Diagnostic {
  const { message, hint } = renderText(catalogue, text);
  return {
    severity,
    file: place.file,
    line: place.line,
    column: place.column,
    code: text.code,
    message,
    ...(hint === undefined ? {} : { hint }),
  };
}

/**
 * A text found in a zod issue's params: the schema's custom checks carry
 * their code and parameters there (model/schema.ts), to be rendered in the
 * workspace's language. The schema is the only writer of these params.
 */
export function isDiagnosticText(value: unknown): value is DiagnosticText {
  if (typeof value !== 'object' || value === null) return false;
  const code: unknown = Reflect.get(value, 'code');
  const params: unknown = Reflect.get(value, 'params');
  return isDiagnosticCode(code) && typeof params === 'object' && params !== null;
}

export type { DiagnosticCatalogue, DiagnosticCode, DiagnosticParams, DiagnosticText, Rendered };
