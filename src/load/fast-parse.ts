/**
 * The fast path of parsing (docs/performance.md): most files are written
 * right, and for those the positions that parse-yaml.ts keeps for every node
 * are never asked for. js-yaml reads such a file several times faster than
 * the `yaml` Document API; validation then checks the plain value, and only
 * a file with a diagnostic is parsed again the slow way, for its positions
 * and its slips (validate/check-rep-file.ts).
 *
 * The fast path only answers when it can tell that the slow one would read
 * the same value and report nothing: any other file gets `undefined` and
 * goes the slow way, which keeps every bound and every diagnostic. It says
 * `undefined` for:
 * - anything nested deeper than parse-yaml.ts allows (nesting.ts), as
 *   bounded by `linesAreSimple`;
 * - anchors, aliases, tags, merge keys, directives, document markers,
 *   complex keys, flow collections over several lines: what the two parsers
 *   might read differently, and where the bounds of aliases and tags apply;
 * - tabs, carriage returns and control characters: slips, or
 *   characters the two parsers might treat differently;
 * - a line the slow path could read as a slip: `discovery:3`, a key of the
 *   format or of the framework followed by a colon without a space;
 * - a line of 1,000 characters or more (the parser's bound on a key);
 * - any error or warning of js-yaml (a key set twice is one);
 * - a key that is not a plain word, or that the YAML core schema reads as
 *   something else than text (`true`, `null`, …);
 * - an empty document.
 * Plain scalars are resolved by the YAML 1.2 core schema's own rules, as
 * `yaml` resolves them (its regular expressions and its conversions, copied
 * from yaml/dist/schema/core): dates stay text, `1_000` and `0o7` are what
 * yaml makes of them, `.inf` is Infinity, and nothing else is a number.
 */
import jsyaml from 'js-yaml';
import { MAX_NESTING } from './nesting.js';
import type { ParsedFile } from './parse-yaml.js';

/** yaml's core schema (schema/core/*.js), in its order: the first that matches resolves the scalar. */
const CORE_TYPES = [
  new jsyaml.Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (data: string) => /^(?:~|[Nn]ull|NULL)?$/.test(data),
    construct: () => null,
  }),
  new jsyaml.Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
    construct: (data: string) => data.startsWith('t') || data.startsWith('T'),
  }),
  new jsyaml.Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (data: string) => /^0o[0-7]+$/.test(data) || /^[-+]?[0-9]+$/.test(data) || /^0x[0-9a-fA-F]+$/.test(data),
    construct: (data: string) =>
      /^0o[0-7]+$/.test(data)
        ? parseInt(data.substring(2), 8)
        : /^[-+]?[0-9]+$/.test(data)
          ? parseInt(data, 10)
          : parseInt(data.substring(2), 16),
  }),
  new jsyaml.Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data: string) =>
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(data),
    construct: (data: string) =>
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(data)
        ? data.slice(-3).toLowerCase() === 'nan'
          ? NaN
          : data.startsWith('-')
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY
        : parseFloat(data),
  }),
];

const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_TYPES });

/** Control and special characters, tabs and carriage returns: slips, or what the two parsers may read differently. */
const ODD_CHARACTER = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** `&anchor`, `*alias`, `!tag` starting a token. */
const PROPERTY = /(?:^|[\s,[\]{}])[&*!]\S/;
/** A directive, a document marker, a complex key. */
const STRUCTURE = /^(?:%|---|\.\.\.)|^[ -]*\?(?: |$)/m;

/**
 * Whether the text holds what the fast path leaves to the slow one: an
 * anchor, alias or tag, a merge key, a directive or a document marker, a
 * complex key, a tab, a carriage return, a control or special character.
 * Each test is a plain scan, linear.
 */
function unsure(text: string): boolean {
  if (ODD_CHARACTER.test(text) || text.includes('<<')) return true;
  if ((text.includes('&') || text.includes('*') || text.includes('!')) && PROPERTY.test(text)) return true;
  if (
    (text.includes('%') || text.includes('---') || text.includes('...') || text.includes('?')) &&
    STRUCTURE.test(text)
  )
    return true;
  return false;
}

/** `key:3`: a slip for parse-yaml.ts when the word is a key of the format (yaml-slips.ts `missingSpaces`, on every line). */
const MISSING_SPACE = /^\s*(?:- +)?([A-Za-z_][\w-]*):(?![\s:/]|$)/gm;

/** A key as the format writes them: a word, read as text by both parsers alike. */
const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;
const NOT_TEXT = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;

/**
 * The plain value of a YAML text when the slow path would read the same one
 * and report nothing about its syntax; undefined when that is not sure.
 * `keys`: the words before which `word:3` is a missing space (as for
 * parse-yaml.ts); undefined: any word.
 */
export function parseFast(text: string, keys: ReadonlySet<string> | undefined): { value: unknown } | undefined {
  if (unsure(text) || !linesAreSimple(text)) return undefined;
  for (const match of text.matchAll(MISSING_SPACE))
    if (keys === undefined || keys.has(match[1] ?? '')) return undefined;
  let warned = false;
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: SCHEMA,
      onWarning: () => {
        warned = true;
      },
    });
  } catch {
    return undefined;
  }
  if (warned || value === undefined || !plainKeys(value)) return undefined;
  return { value };
}

/** Far below the parser's bound on a key's length (1,024). */
const LONG_LINE = 1000;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const DASH = 0x2d;

/**
 * One pass over the lines: each is shorter than LONG_LINE, its flow
 * collections (`[a, b]`, `{ a: 1 }`), if any, open and close on it, and the
 * nesting that nesting.ts would estimate on it is at most MAX_NESTING.
 *
 * That estimate, on a line, is at most its indentation + 1 (the columns of
 * the blocks still open are all different and at most the line's), + 2 for
 * each `-` indicator (it opens a level, and so does the node after it),
 * + the `[` and `{` of the line: this is what is bounded here, without the
 * lexer, which costs as much as the fast parse itself. (A token ending a
 * multi-line scalar in the middle of a line would start a line of the
 * estimate there: in a file that js-yaml reads, only a comment can follow
 * one, and a comment is not counted.)
 */
function linesAreSimple(text: string): boolean {
  let lineStart = 0;
  let indent = -1;
  let indicators = 0;
  let flows = 0;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? NEWLINE : text.charCodeAt(i);
    if (c === NEWLINE) {
      if (depth !== 0 || i - lineStart >= LONG_LINE) return false;
      if (Math.max(indent, 0) + 1 + 2 * indicators + flows > MAX_NESTING) return false;
      lineStart = i + 1;
      indent = -1;
      indicators = flows = 0;
      continue;
    }
    if (indent === -1 && c !== SPACE) indent = i - lineStart;
    if (c === DASH) {
      const before = i === lineStart ? SPACE : text.charCodeAt(i - 1);
      const after = i + 1 === text.length ? NEWLINE : text.charCodeAt(i + 1);
      if ((before === SPACE || before === DASH) && (after === SPACE || after === NEWLINE)) indicators++;
    } else if (c === 0x5b || c === 0x7b) {
      flows++;
      depth++;
    } else if (c === 0x5d || c === 0x7d) {
      if (--depth < 0) return false;
    }
  }
  return true;
}

/** Every key of every mapping is a plain word that both parsers read as the same text. */
function plainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainKeys);
  if (value === null || typeof value !== 'object') return true;
  for (const [key, inner] of Object.entries(value)) {
    if (!PLAIN_KEY.test(key) || NOT_TEXT.test(key) || key === '__proto__' || !plainKeys(inner)) return false;
  }
  return true;
}

/**
 * The ParsedFile of a text read by `parseFast`: no diagnostic, and no
 * positions (every node is at line 0). A check that finds something in it
 * is not reported: the file is parsed again the slow way and checked again.
 */
export function fastParsedFile(file: string, text: string, value: unknown): ParsedFile {
  let lines: string[] | undefined;
  return {
    file,
    text,
    value,
    locate: () => ({ line: 0, column: 0 }),
    diagnostics: [],
    unreadable: () => false,
    line: (line) => (lines ??= text.split('\n'))[line - 1]?.replace(/\r$/, '') ?? '',
  };
}
