/**
 * Every diagnostic revue gives, in English: the reference catalogue. Its keys
 * are the diagnostics' stable codes (docs/format.md lists them all, and the
 * JSON output of `revue validate --format json` carries them); the type of
 * each entry's parameters is the type every other language must implement
 * (diagnostics-fr.ts is typed by it, so a missing or misspelt code does not
 * compile).
 *
 * Values quoted in a message are shown as the user typed them; numbers keep
 * the decimal point YAML needs, in every language, so that a hint can be
 * copied back into the file.
 */
import { dayThatIsNot } from './dates.js';

/** A message and, where one helps, how to fix it. */
export interface Rendered {
  message: string;
  hint?: string | undefined;
}

/** The kinds of id a file refers to. */
export type IdKind = 'competency' | 'context' | 'role';

/** What a value was expected to be (zod's names, and ours). */
export type Expected = 'text' | 'number' | 'whole-number' | 'list' | 'mapping' | 'boolean' | 'level-or-map' | 'other';

/** Why a file or a folder could not be read: a system error code, and its own words for the others. */
export interface Reason {
  code: string;
  detail: string;
}

/** `assessments[3].scores`: where in the file, as a path; '' at the top. */
type Where = string;

const at = (where: Where) => (where === '' ? '' : `${where}: `);
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A value as a user typed it: strings quoted, long ones cut. */
export function describeEn(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

const EXPECTED: Record<Expected, string> = {
  text: 'text',
  number: 'a number',
  'whole-number': 'a whole number',
  list: 'a list',
  mapping: 'a mapping',
  boolean: 'true or false',
  'level-or-map': 'a level, or a map of competency id to level',
  other: 'another kind of value',
};

/** The spaces a line as it should be written starts with. */
export function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** A key that should hold a list and holds nothing (`actions:` with no `- ` entry under it). */
export function emptyList(p: { expected: Expected; received: unknown }): boolean {
  return p.expected === 'list' && (p.received === null || p.received === undefined);
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  ENOTDIR: 'not a folder',
  ELOOP: 'too many symbolic links',
  EISDIR: 'is a folder',
};
const reason = (r: Reason) => REASONS[r.code] ?? r.detail;

/** The parser's words for what it could not read, plainer (the others are quoted as the parser gives them). */
const PARSER: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'a key is followed by more lines than its value can take',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines',
  UNEXPECTED_TOKEN: 'a character YAML does not expect here',
  MISSING_CHAR: 'something is missing here: a colon, a closing quote or bracket, or a "- "',
  BAD_INDENT: 'the indentation does not match the lines around it',
};

const ID: Record<IdKind, string> = { competency: 'competency', context: 'context', role: 'role' };
const IDS: Record<IdKind, string> = { competency: 'competencies', context: 'contexts', role: 'roles' };

export const diagnosticsEn = {
  // --- Reading the workspace -------------------------------------------------
  'data-folder-unreadable': (p: { reason: Reason }) => ({
    message: `cannot read the data folder: ${reason(p.reason)}`,
    hint: 'pass the folder with --data, or run "revue init" to create one',
  }),
  'framework-missing': () => ({
    message: 'missing: every workspace needs one framework.yaml',
    hint: 'run "revue init" to create a workspace, or pass the right folder with --data',
  }),
  'link-outside-file': () => ({
    message: 'is a link to a file outside the data folder',
    hint: 'copy the file into the data folder instead of linking it',
  }),
  'link-outside-folder': () => ({
    message: 'is a link to a folder outside the data folder',
    hint: 'move the year folder into the data folder',
  }),
  'not-regular-file': () => ({
    message: 'is not a regular file (a folder, a pipe, a device or a socket)',
    hint: 'a review file is a plain text file',
  }),
  'file-too-large': (p: { megabytes: number; limit: number }) => ({
    message: `is too large to be a review file (${p.megabytes.toFixed(1)} MB; the limit is ${p.limit} MB)`,
    hint: 'a rep-year file is normally a few kilobytes: check that this is the right file',
  }),
  'binary-file': () => ({ message: 'is a binary file, not YAML text' }),
  'not-utf8': () => ({ message: 'is not valid UTF-8 text', hint: 'save the file as UTF-8 in your editor' }),
  'file-unreadable': (p: { reason: Reason }) => ({ message: `cannot be read: ${reason(p.reason)}` }),
  'folder-unreadable': (p: { reason: Reason }) => ({ message: `cannot read the folder: ${reason(p.reason)}` }),
  'ignored-file': () => ({ message: 'ignored: only .yaml and .yml files are read in a year folder' }),
  'not-year-folder': (p: { name: string }) => ({
    message: `${quote(p.name)} is not a year folder`,
    hint: 'year folders are named with four digits, e.g. 2026',
  }),
  'duplicate-rep-file': (p: { rep: string; year: string; other: string }) => ({
    message: `rep ${quote(p.rep)} already has a file in ${p.year}: ${p.other}`,
    hint: 'keep one file per rep per year',
  }),
  'bad-file-name': (p: { stem: string; slug: string }) => ({
    message: `the file name ${quote(p.stem)} is not a valid rep id`,
    hint:
      p.slug === ''
        ? 'name the file after the rep in lowercase with hyphens, e.g. alice-martin.yaml'
        : `name the file after the rep in lowercase with hyphens: ${p.slug}.yaml`,
  }),

  // --- YAML: what the parser could not read ------------------------------------
  'yaml-nesting': (p: { max: number }) => ({
    message: `nested more than ${p.max} levels deep`,
    hint: 'a review file nests a few levels: check the brackets and the indentation here',
  }),
  'yaml-unreadable': (p: { detail: string }) => ({ message: `the YAML cannot be read: ${p.detail}` }),
  'yaml-aliases': (p: { detail: string; max: number }) => ({
    message: `the YAML cannot be read: ${p.detail}`,
    hint: `aliases (*name) are limited to ${p.max} expansions`,
  }),
  'yaml-tag': (p: { tag: string }) => ({
    message: `unsupported tag ${p.tag}`,
    hint: 'revue reads plain YAML only: remove the tag',
  }),
  'yaml-syntax': (p: { parserCode: string; detail: string }) => ({
    message: `YAML syntax: ${PARSER[p.parserCode] ?? p.detail}`,
    hint: 'check this line and the one above: its indentation, its colons, its quotes and brackets',
  }),
  'yaml-too-many-errors': (p: { count: number }) => ({
    message: `and ${p.count} more YAML syntax errors from here on`,
    hint: 'is this the right file? If it is, correct the first errors and check again',
  }),
  'empty-file': () => ({ message: 'the file is empty', hint: 'a rep-year file needs at least name and role' }),

  // --- YAML: the slips of a file typed by hand ---------------------------------
  'duplicate-key': (p: { key: string; firstLine: number }) => ({
    message: `duplicate key ${quote(p.key)}: it is already set at line ${p.firstLine}`,
    hint: `keep one of the two "${p.key}:" lines; until then, this later one is the one read`,
  }),
  'missing-dash': (p: { key: string; list: string; firstLine: number; column: number; fix: string }) => ({
    message: `${quote(p.key)} is set twice in one entry of ${quote(p.list)} (line ${p.firstLine}, then here): the "- " that starts a new entry is missing`,
    hint: `start the new entry with "- " at column ${p.column}: "${p.fix}"`,
  }),
  'tab-indent': (p: { others: number; fix: string }) => ({
    message:
      p.others === 0
        ? 'this line is indented with a tab: YAML indents with spaces only'
        : `this line and ${plural(p.others, 'other', 'others')} are indented with tabs: YAML indents with spaces only`,
    // The spaces counted: inside quotes, six of them are hard to tell from five.
    hint: `indent with ${plural(leadingSpaces(p.fix), 'space', 'spaces')}: ${quote(p.fix)}`,
  }),
  'bad-indent': (p: { column: number; expected: number; fix: string }) => ({
    message: `wrong indentation: this line starts at column ${p.column}, the lines around it at column ${p.expected}`,
    hint: `start it at column ${p.expected}: ${quote(p.fix)}`,
  }),
  'missing-space': (p: { written: string; fix: string }) => ({
    message: `a space is missing after the colon: YAML reads ${quote(p.written)} as one piece of text`,
    hint: `write ${p.fix}`,
  }),
  'unclosed-quote': (p: { quote: string; fix: string }) => ({
    message: `the quote ${p.quote} opened here is never closed: the rest of the file reads as its text`,
    hint: `close it: ${p.fix}`,
  }),
  'unclosed-bracket': (p: { bracket: string; fix: string }) => ({
    message: `the ${quote(p.bracket)} opened here is never closed`,
    hint: `close it: ${p.fix}`,
  }),

  // --- The shape of a file -------------------------------------------------------
  'unknown-key': (p: {
    key: string;
    where: Where;
    suggestion: string | undefined;
    known: readonly string[];
    /** The key is a competency, met beside the session's `scores:`: it goes under it. */
    under?: string | undefined;
  }) => ({
    message: `unknown key ${quote(p.key)}${p.where === '' ? '' : ` in ${p.where}`}`,
    hint:
      p.under !== undefined
        ? `${quote(p.key)} is a competency: indent it under ${p.under}:, with the other scores`
        : (didYouMean(p.suggestion) ?? `expected one of: ${p.known.join(', ')}`),
  }),
  'missing-key': (p: { key: string; where: Where }) => ({
    message: `missing required key ${quote(p.key)}${p.where === '' ? '' : ` in ${p.where}`}`,
  }),
  'wrong-type': (p: { where: Where; expected: Expected; received: unknown }) => ({
    message: `${at(p.where)}expected ${EXPECTED[p.expected]}, got ${describeEn(p.received)}`,
    hint: emptyList(p)
      ? 'write its entries on the lines below it, each starting with "- ", or leave the key out'
      : undefined,
  }),
  'grouped-digits': (p: { where: Where; received: string; fix: string }) => ({
    message: `${at(p.where)}${quote(p.received)} is written with its thousands grouped: YAML reads it as text`,
    hint: `write the digits alone: ${p.fix}`,
  }),
  'decimal-comma': (p: { where: Where; received: string; fix: string }) => ({
    message: `${at(p.where)}${quote(p.received)} is written with a decimal comma: YAML reads it as text`,
    hint: `use a point: ${p.fix}`,
  }),
  'not-allowed': (p: { where: Where; received: unknown; allowed: readonly string[] }) => ({
    message: `${at(p.where)}${describeEn(p.received)} is not allowed`,
    hint: `expected one of: ${p.allowed.map(quote).join(', ')}`,
  }),
  'unknown-id': (p: {
    what: IdKind;
    value: string;
    where: Where;
    suggestion: string | undefined;
    known: readonly string[];
  }) => ({
    message: `${at(p.where)}unknown ${ID[p.what]} ${quote(p.value)}`,
    hint: didYouMean(p.suggestion) ?? `known ${IDS[p.what]}: ${p.known.join(', ')}`,
  }),
  'not-slug': (p: { where: Where; value: string; slug: string }) => ({
    message: `${at(p.where)}${quote(p.value)} is not an id: ids are lowercase slugs such as "new-business" (letters, digits and single hyphens)`,
    hint: p.slug === '' ? undefined : `write ${quote(p.slug)}`,
  }),
  'out-of-scale': (p: { where: Where; value: number; min: number; max: number }) => ({
    message: `${at(p.where)}${p.value} is outside the scale ${p.min}–${p.max}`,
  }),
  'off-step': (p: { where: Where; value: number; step: number; nearest: readonly number[] }) => ({
    message: `${at(p.where)}${p.value} is not on the scale's step of ${p.step}`,
    hint: p.nearest.length === 0 ? undefined : `use ${p.nearest.join(' or ')}`,
  }),
  'invalid-date': (p: { where: Where; value: string; fix: string | undefined }) => ({
    message: `${at(p.where)}${quote(p.value)} is not a valid date`,
    hint:
      p.fix !== undefined
        ? `write it year-month-day: ${p.fix}`
        : (dayThatIsNot(p.value, 'en') ?? 'write dates as YYYY-MM-DD, e.g. 2026-02-14'),
  }),
  'date-outside-year': (p: { where: Where; value: string; year: number }) => ({
    message: `${at(p.where)}${p.value} is outside ${p.year}, the year of this file's folder`,
    hint: `correct the year, or move the entry to the ${p.value.slice(0, 4)} folder`,
  }),
  'empty-text': (p: { where: Where }) => ({ message: `${at(p.where)}must not be empty` }),
  'too-few': (p: { where: Where; what: 'competency' | 'role' }) => ({
    message: `${at(p.where)}at least one ${p.what} is needed`,
  }),
  'negative-number': (p: { where: Where; value: number }) => ({
    message: `${at(p.where)}cannot be negative, got ${p.value}`,
  }),
  'not-positive': (p: { where: Where; value: number }) => ({
    message: `${at(p.where)}must be above 0, got ${p.value}`,
  }),
  'invalid-currency': (p: { where: Where; value: string }) => ({
    message: `${at(p.where)}${quote(p.value)} is not a currency code`,
    hint: 'write its ISO 4217 code in capitals, such as EUR, USD or GBP',
  }),
  'invalid-colour': (p: { where: Where; value: string }) => ({
    message: `${at(p.where)}${quote(p.value)} is not a colour`,
    hint: 'write it as "#rrggbb", in quotes, such as "#0b5cad"',
  }),
  'invalid-level-key': (p: { where: Where; key: string }) => ({
    message: `${at(p.where)}${quote(p.key)} is not a level: levels are whole numbers of the scale`,
  }),
  'logo-not-found': (p: { logo: string; suggestion: string | undefined }) => ({
    message: `logo ${quote(p.logo)} is not a file beside framework.yaml`,
    hint: didYouMean(p.suggestion) ?? 'put the image in the same folder as framework.yaml',
  }),
  invalid: (p: { where: Where; detail: string }) => ({ message: `${at(p.where)}${p.detail}` }),

  // --- What ties the framework together ----------------------------------------
  'scale-max-not-above-min': (p: { min: number; max: number }) => ({
    message: `the scale's max (${p.max}) must be above its min (${p.min})`,
  }),
  'step-not-leading': (p: { step: number; min: number; max: number }) => ({
    message: `the step ${p.step} does not lead from ${p.min} to ${p.max}`,
  }),
  'level-outside-scale': (p: { level: string; min: number; max: number }) => ({
    message: `level ${p.level} is outside the scale ${p.min}–${p.max}`,
  }),
  'duplicate-id': (p: { id: string; list: string }) => ({
    message: `duplicate id ${quote(p.id)} in ${p.list}`,
    hint: 'each id names one entry',
  }),
  'unknown-expected-competency': (p: {
    key: string;
    role: string;
    suggestion: string | undefined;
    known: readonly string[];
  }) => ({
    message: `unknown competency ${quote(p.key)} in the expected levels of role ${quote(p.role)}`,
    hint: didYouMean(p.suggestion) ?? `known competencies: ${p.known.join(', ')}, or default`,
  }),
  'expected-out-of-scale': (p: { value: number; min: number; max: number }) => ({
    message: `expected level ${p.value} is outside the scale ${p.min}–${p.max}`,
  }),
  'expected-off-step': (p: { value: number; step: number }) => ({
    message: `expected level ${p.value} is not on the scale's step of ${p.step}`,
  }),

  // --- What ties a rep's file together -------------------------------------------
  'duplicate-goal': (p: { competency: string; first: number }) => ({
    message: `a goal for ${quote(p.competency)} is already set at goals[${p.first}]`,
    hint: 'keep one goal per competency',
  }),

  // --- Warnings ------------------------------------------------------------------
  'before-since': (p: { date: string; since: string }) => ({
    message: `${p.date} is before "since" (${p.since}): it is not counted in the coaching stretch`,
  }),
  'never-coached': (p: { year: number; notBegun?: string | undefined }) => ({
    message:
      p.notBegun === undefined
        ? `no assessment in ${p.year}: this rep was never coached this year`
        : `no assessment in ${p.year} yet: the year has not begun (as of ${p.notBegun})`,
  }),
  'never-observed': (p: { year: number; labels: readonly string[] }) => ({
    message: `never observed in ${p.year}: ${p.labels.join(', ')}`,
  }),
  'after-build-date': (p: { date: string; asOf: string }) => ({
    message: `${p.date} is after the build's date, ${p.asOf}: an assessment records a session that took place`,
    hint: 'check the date (or, to build as of a later day, pass --as-of)',
  }),
  'note-not-scored': (p: { competency: string }) => ({
    message: `a note about ${quote(p.competency)}, which this session did not score`,
    hint: `add its score under "scores:" (${p.competency}: …), or write the note under "improvements:"`,
  }),

  // --- Hostile files (issue 13) ----------------------------------------------------
  'yaml-alias-expansion': (p: { max: number }) => ({
    message: `this alias takes the file past ${p.max} values once the aliases are expanded`,
    hint: 'write the repeated part out once where it is needed, or reuse a smaller one',
  }),
  'team-id-collision': (p: { team: string; other: string; otherPlace: string; file: string }) => ({
    message: `the team ${quote(p.team)} would have the same report file as the team ${quote(p.other)} (${p.otherPlace}): ${p.file}`,
    hint: 'spell the two names alike if they are one team; if not, make them differ in letters or digits',
  }),
  'too-many-diagnostics': (p: { count: number }) => ({
    message: `and ${p.count} more ${p.count === 1 ? 'problem' : 'problems'} in this file from here on`,
    hint: 'is this the right file? If it is, correct the first problems and check again',
  }),
  'control-character': (p: { where: Where; character: string }) => ({
    message: `${at(p.where)}the control character ${p.character} is not allowed in a name or a label`,
    hint: 'remove it: it is invisible in the file, and a terminal would act on it (only tabs and line breaks are allowed)',
  }),
  'file-name-too-long': (p: { length: number; max: number }) => ({
    message: `the file name is ${p.length} characters long: a rep id has at most ${p.max}`,
    hint: 'name the file after the rep, e.g. alice-martin.yaml',
  }),
  // --- end of hostile files (issue 13) ---------------------------------------------
} satisfies Record<string, (params: never) => Rendered>;

/** The stable code of each diagnostic: docs/format.md lists them all. */
export type DiagnosticCode = keyof typeof diagnosticsEn;

/** The parameters of each code's message. */
export type DiagnosticParams = { [K in DiagnosticCode]: ParamsOf<(typeof diagnosticsEn)[K]> };

/** A message's parameters; an empty object for a message that takes none. */
type ParamsOf<F extends (...args: never[]) => Rendered> = Parameters<F> extends [infer P] ? P : Record<string, never>;

/** What every language implements: a message for each code, from the same parameters. */
export type DiagnosticCatalogue = { [K in DiagnosticCode]: (params: DiagnosticParams[K]) => Rendered };

/** A message not rendered yet: its code and parameters (rendered once the workspace's language is known). */
export type DiagnosticText = { [K in DiagnosticCode]: { code: K; params: DiagnosticParams[K] } }[DiagnosticCode];
