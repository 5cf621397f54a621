/**
 * Parse one YAML file keeping every node's position, so that a problem found
 * later in the plain data can be reported at its line and column.
 *
 * A slip does not hide the rest of the file (SPEC §4). The parser keeps a
 * document along with its errors; the slips people make by hand (yaml-slips.ts)
 * are each reported in plain words and repaired on a copy of the text, which
 * is parsed again — a few passes at most — so that what follows the slip is
 * read as its author meant it and checked too. A key set twice is reported
 * and its later value used. Whatever the parser still cannot read is
 * reported once per stretch of lines, and the checks of the data say
 * nothing about those lines: there, they would only describe the parser's
 * confusion. Every position is mapped back to the text as written.
 */
import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Pair,
  type YAMLError,
  type YAMLMap,
  type YAMLWarning,
} from 'yaml';
import type { Diagnostic, Severity } from '../model/dataset.js';
import { diagnosticCatalogue, diagnosticOf, type DiagnosticText, type Locale } from '../messages/diagnostics.js';
import { excessiveAliasExpansion, MAX_ALIAS_NODES } from './alias-expansion.js';
import { findExcessiveNesting, MAX_NESTING } from './nesting.js';
import { applyEdits, linesOf, type Lines, type Position } from './positions.js';
import { duplicateKeys, missingDashes } from './duplicate-keys.js';
import {
  dashlessItems,
  missingSpaces,
  tabIndents,
  unclosedBrackets,
  unclosedQuotes,
  wrongIndents,
  type Slip,
  type SlipContext,
} from './yaml-slips.js';

export interface ParsedFile {
  file: string;
  text: string;
  /** The plain data, or undefined when the YAML could not be read at all. */
  value: unknown;
  /** The position (in the text as written) of the node at `path`, or of its nearest existing ancestor. */
  locate: (path: readonly PropertyKey[], target?: 'key' | 'value') => Position;
  diagnostics: Diagnostic[];
  /** Whether 1-based `line` is one the parser could not read: checks of the data are not reported there. */
  unreadable: (line: number) => boolean;
  /** 1-based `line` of the text as written, without its line break ('' past the end). */
  line: (line: number) => string;
}

export interface ParseOptions {
  /** The language of the diagnostics. Default: `en`. */
  locale?: Locale;
  /**
   * The keys of the format and the ids of the framework: `discovery:3` is a
   * missing space only before one of these words. Default: any word
   * followed by a number or a quote.
   */
  keys?: ReadonlySet<string>;
  /** Of `keys`, the framework's ids (competencies): a line indented with a tab goes where its kind of key stands. */
  ids?: ReadonlySet<string> | undefined;
}

/** Aliases are handy (&defaults / *defaults); thousands of them are an attack. */
const MAX_ALIASES = 200;

/**
 * Syntax errors cascade: past the first few, they describe the parser's
 * confusion, not the file. A file of junk would otherwise print one error per
 * line, a hundred thousand of them; it is not repaired either.
 */
const MAX_SYNTAX_ERRORS = 50;

/** Each pass repairs what the one before uncovered (a quote closed shows the indentation after it). */
const MAX_PASSES = 4;

export function parseYamlFile(file: string, text: string, options: ParseOptions = {}): ParsedFile {
  const catalogue = diagnosticCatalogue(options.locale ?? 'en');
  const original = linesOf(text);
  const diagnostics: Diagnostic[] = [];
  const report = (offset: number, message: DiagnosticText, severity: Severity = 'error'): void => {
    diagnostics.push(diagnosticOf(catalogue, severity, { file, ...original.position(offset) }, message));
  };

  const deep = findExcessiveNesting(text);
  if (deep !== undefined) {
    report(deep, { code: 'yaml-nesting', params: { max: MAX_NESTING } });
    return refused(file, original, diagnostics);
  }

  let current = text;
  let back = (offset: number) => offset;
  let doc: Document | undefined;
  let lines = original;
  const repaired = new Set<number>();
  for (let pass = 0; ; pass++) {
    try {
      // logLevel: the parser's warnings become diagnostics; none goes to the console as a Node warning.
      doc = parseDocument(current, {
        uniqueKeys: false,
        prettyErrors: false,
        keepSourceTokens: false,
        logLevel: 'error',
      });
    } catch (e: unknown) {
      // The parser reports its own errors; this is for anything it did not foresee.
      report(0, { code: 'yaml-unreadable', params: { detail: e instanceof Error ? e.message : String(e) } });
      return refused(file, original, diagnostics);
    }
    lines = pass === 0 ? original : linesOf(current);
    const problems = [...doc.errors, ...doc.warnings];
    // Tabs are one slip however many lines an editor indented with them: they do not make a file junk.
    if (pass === 0 && problems.filter((p) => p.code !== 'TAB_AS_INDENT').length > MAX_SYNTAX_ERRORS) {
      reportJunk(problems, report);
      return refused(file, original, diagnostics);
    }
    if (pass === MAX_PASSES) break;
    const written = (line: number) => original.indexOf(back(lines.start(line)));
    const chosen = chooseRepairs(findSlips({ doc, lines, keys: options.keys, ids: options.ids }), lines, (slip) => {
      if (repaired.has(written(slip.line))) return false;
      repaired.add(written(slip.line));
      return true;
    });
    if (chosen.length === 0) break;
    let tabsReported = false;
    for (const slip of chosen) {
      if (slip.text.code === 'tab-indent' && tabsReported) continue;
      tabsReported ||= slip.text.code === 'tab-indent';
      report(back(slip.offset), slip.text);
    }
    const applied = applyEdits(
      current,
      chosen.flatMap((slip) => slip.edits),
    );
    const before = back;
    back = (offset) => before(applied.back(offset));
    current = applied.text;
  }

  const unreadable = reportResidue(doc, lines, back, original, report);
  if (unreadable.size > 0) dropUnreadableKeys(doc, (offset) => unreadable.has(original.position(back(offset)).line));
  for (const duplicate of duplicateKeys(doc)) {
    report(back(duplicate.again), {
      code: 'duplicate-key',
      params: { key: duplicate.key, firstLine: original.position(back(duplicate.first)).line },
    });
  }

  let value: unknown;
  if (doc.contents === null) {
    if (diagnostics.length === 0) report(0, { code: 'empty-file', params: {} });
  } else {
    const expansion = excessiveAliasExpansion(doc, MAX_ALIAS_NODES);
    if (expansion !== undefined) {
      report(back(expansion.offset), { code: 'yaml-alias-expansion', params: { max: MAX_ALIAS_NODES } });
    } else {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIASES });
      } catch (e: unknown) {
        const detail = e instanceof Error ? e.message : String(e);
        report(0, { code: 'yaml-aliases', params: { detail, max: MAX_ALIASES } });
      }
    }
  }
  const parsed = doc;
  const index: MapIndex = new WeakMap();
  return {
    file,
    text,
    value,
    locate: (path, target = 'value') => original.position(back(locate(parsed, path, target, index))),
    diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column),
    unreadable: (line) => unreadable.has(line),
    line: (line) => original.line(line - 1),
  };
}

/**
 * The slips of one parse, in three rounds, each alone when it finds
 * something: the parser's reading of what follows them is wrong until they
 * are repaired. First the unclosed quotes (the rest of the file is inside
 * them); then the slips of one line (a bracket, a tab, a missing space);
 * then those judged against the lines around them, once these read right
 * (an indentation, a missing `- `).
 */
function findSlips(context: SlipContext): Slip[] {
  const quotes = unclosedQuotes(context);
  if (quotes.length > 0) return quotes;
  const local = [...unclosedBrackets(context), ...tabIndents(context), ...missingSpaces(context)];
  if (local.length > 0) return local;
  // A deleted `- ` first: the misindentation the parser sees below it is its doing.
  const dashless = dashlessItems(context);
  if (dashless.length > 0) return dashless;
  return [...wrongIndents(context), ...missingDashes(context)];
}

/**
 * Repairs that touch different lines, and never a second one for the line
 * of a slip already repaired (each pass must make progress).
 */
function chooseRepairs(slips: readonly Slip[], lines: Lines, fresh: (slip: Slip) => boolean): Slip[] {
  const touched = new Set<number>();
  return slips.filter((slip) => {
    const its = [slip.line, ...slip.edits.map((edit) => lines.indexOf(edit.at))];
    if (its.some((line) => touched.has(line)) || !fresh(slip)) return false;
    for (const line of its) touched.add(line);
    return true;
  });
}

type Report = (offset: number, message: DiagnosticText) => void;

/** A file of junk: the first errors as the parser gives them, then their count. */
function reportJunk(problems: ReadonlyArray<YAMLError | YAMLWarning>, report: Report): void {
  for (const problem of problems.slice(0, MAX_SYNTAX_ERRORS)) report(problem.pos[0], parserText(problem));
  const more = problems[MAX_SYNTAX_ERRORS];
  if (more !== undefined)
    report(more.pos[0], { code: 'yaml-too-many-errors', params: { count: problems.length - MAX_SYNTAX_ERRORS } });
}

/**
 * What the parser still cannot read after the repairs: one diagnostic for
 * each stretch of lines its errors cover (a slip makes it complain two or
 * three times about neighbouring lines), and the set of those lines (1-based,
 * as written).
 */
function reportResidue(
  doc: Document,
  lines: Lines,
  back: (offset: number) => number,
  original: Lines,
  report: Report,
): Set<number> {
  const unreadable = new Set<number>();
  const problems = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  let lastLine = -2;
  let reported = 0;
  for (const problem of problems) {
    const [start, end] = problem.pos;
    const first = original.position(back(start)).line;
    const last = original.position(back(Math.max(start, end - 1))).line;
    if (problem.code !== 'TAG_RESOLVE_FAILED') for (let line = first; line <= last; line++) unreadable.add(line);
    const noise = problem.code !== 'TAG_RESOLVE_FAILED' && first <= lastLine + 1;
    lastLine = Math.max(lastLine, last);
    if (noise || reported >= MAX_SYNTAX_ERRORS) continue;
    reported++;
    report(back(start), problem.code === 'TAG_RESOLVE_FAILED' ? tagText(problem, lines) : parserText(problem));
  }
  return unreadable;
}

/**
 * Removes the pairs whose key is a list or a mapping made of lines the
 * parser could not read. A `- item` left under a key that already holds a
 * mapping (a `notes:` block slipped between `actions:` and its items) reads
 * as a list used as a key: reported as it is, it would be an "unknown
 * competency « [ Write five… ] »" beside the syntax error that says what is
 * wrong with those lines.
 */
function dropUnreadableKeys(doc: Document, unreadable: (offset: number) => boolean): void {
  visit(doc, {
    Pair: (_, pair) => {
      const { key } = pair;
      if (isCollection(key) && key.range !== undefined && key.range !== null && unreadable(key.range[0]))
        return visit.REMOVE;
      return undefined;
    },
  });
}

function parserText(problem: YAMLError | YAMLWarning): DiagnosticText {
  const first = problem.message.split('\n')[0] ?? problem.message;
  // The parser quotes the offending token whole: in a file of junk that is a whole screen.
  const plain = first
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/"((?:[^"\\]|\\.){40})(?:[^"\\]|\\.)+"/g, '"$1…"');
  return {
    code: 'yaml-syntax',
    params: { parserCode: problem.code, detail: `${plain.charAt(0).toLowerCase()}${plain.slice(1)}` },
  };
}

function tagText(problem: YAMLError | YAMLWarning, lines: Lines): DiagnosticText {
  const [start] = problem.pos;
  const written = /^!\S*/.exec(lines.text.slice(start, start + 200))?.[0];
  return { code: 'yaml-tag', params: { tag: written ?? problem.message.replace(/^Unresolved tag:? ?/i, '') } };
}

/** A file refused before (or instead of) parsing: its diagnostics, no value. */
function refused(file: string, lines: Lines, diagnostics: Diagnostic[]): ParsedFile {
  const start = lines.position(0);
  return {
    file,
    text: lines.text,
    value: undefined,
    locate: () => start,
    diagnostics,
    unreadable: () => false,
    line: (line) => lines.line(line - 1),
  };
}

/**
 * The offset of the node at `path`, or of its nearest existing ancestor when
 * the path does not exist (a missing key is reported on the mapping that
 * lacks it). A key set twice is found where it is set last: that is the
 * value the data holds. Each mapping's keys are indexed the first time one is
 * looked up, so that a file with a diagnostic on each of 100,000 keys costs a
 * look-up per diagnostic, not a search of the mapping (issue 13).
 */
function locate(doc: Document, path: readonly PropertyKey[], target: 'key' | 'value', index: MapIndex): number {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairsOf(node, index).get(String(segment));
      if (pair === undefined) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const chosen = target === 'key' && keyNode !== undefined ? keyNode : node;
  const range =
    chosen !== null && typeof chosen === 'object' && 'range' in chosen && Array.isArray(chosen.range)
      ? chosen.range
      : undefined;
  return typeof range?.[0] === 'number' ? range[0] : 0;
}

type MapIndex = WeakMap<YAMLMap, Map<string, Pair>>;

/** The pairs of a mapping by the text of their key, the last of each (built once per mapping). */
function pairsOf(map: YAMLMap, index: MapIndex): Map<string, Pair> {
  let pairs = index.get(map);
  if (pairs === undefined) {
    pairs = new Map();
    for (const item of map.items) if (isScalar(item.key)) pairs.set(String(item.key.value), item);
    index.set(map, pairs);
  }
  return pairs;
}
