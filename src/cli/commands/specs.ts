/**
 * What each command takes, for the parser and the help: light, so that
 * `revue --help`, `revue --version` and a usage error load none of the
 * commands' code (the browser, the templates, the charts: commands/index.ts
 * imports each command only when it runs).
 */
import type { CommandSpec, OptionHelp } from '../args.js';

const data = { type: 'string', valueHint: 'DIR' } as const;
const dataHelp: OptionHelp = { text: 'data', default: { words: 'dataDefault' } };
const year = { type: 'string', valueHint: 'YYYY' } as const;
const yearHelp: OptionHelp = { text: 'year', default: { words: 'yearDefault' } };
const asOf = { type: 'string', valueHint: 'YYYY-MM-DD' } as const;
const asOfHelp: OptionHelp = { text: 'asOf', default: { words: 'asOfDefault' } };
const flag = { type: 'boolean' } as const;
/** `-q` as well: the one option people type short without thinking, in scripts and cron jobs. */
const quiet = { type: 'boolean', alias: 'q' } as const;

export const buildSpec = {
  name: 'build',
  args: {
    data,
    out: { type: 'string', valueHint: 'DIR' },
    year,
    'as-of': asOf,
    rep: { type: 'string', valueHint: 'ID' },
    'html-only': flag,
    templates: { type: 'string', valueHint: 'DIR' },
    concurrency: { type: 'string', valueHint: 'N' },
    watch: flag,
    force: flag,
    shard: { type: 'string', valueHint: 'K/N' },
    wait: { type: 'string', valueHint: 'S' },
    verbose: flag,
    quiet,
  },
  help: {
    data: dataHelp,
    out: { text: 'out', default: { words: 'outDefault' } },
    year: yearHelp,
    'as-of': asOfHelp,
    rep: { text: 'rep' },
    'html-only': { text: 'htmlOnly' },
    templates: { text: 'templates', default: { words: 'templatesDefault' } },
    concurrency: { text: 'concurrency', default: { typed: '2' } },
    watch: { text: 'watch' },
    force: { text: 'force' },
    shard: { text: 'shard' },
    wait: { text: 'wait', default: { typed: '0' } },
    verbose: { text: 'verbose' },
    quiet: { text: 'quiet' },
  },
} as const satisfies CommandSpec;

export const validateSpec = {
  name: 'validate',
  args: {
    data,
    'as-of': asOf,
    format: { type: 'string', valueHint: 'text|json' },
    verbose: flag,
    quiet,
  },
  help: {
    data: dataHelp,
    'as-of': asOfHelp,
    format: { text: 'validateFormat', default: { typed: 'text' } },
    verbose: { text: 'verbose' },
    quiet: { text: 'quiet' },
  },
} as const satisfies CommandSpec;

export const figuresSpec = {
  name: 'figures',
  args: {
    data,
    year,
    'as-of': asOf,
    format: { type: 'string', valueHint: 'json|csv' },
    table: { type: 'string', valueHint: 'competencies|reps' },
    verbose: flag,
    quiet,
  },
  help: {
    data: dataHelp,
    year: yearHelp,
    'as-of': asOfHelp,
    format: { text: 'figuresFormat', default: { typed: 'json' } },
    table: { text: 'table', default: { typed: 'competencies' } },
    verbose: { text: 'verbose' },
    quiet: { text: 'quiet' },
  },
} as const satisfies CommandSpec;

export const schemaSpec = {
  name: 'schema',
  args: { name: { type: 'positional', required: false } },
  help: { name: { text: 'schemaName', default: { typed: 'rep' } } },
} as const satisfies CommandSpec;

export const initSpec = {
  name: 'init',
  args: {
    dir: { type: 'positional', required: false },
    locale: { type: 'string', valueHint: 'fr|en' },
    year: { type: 'string', valueHint: 'YYYY' },
  },
  help: {
    dir: { text: 'dir', default: { words: 'dirDefault' } },
    locale: { text: 'locale', default: { typed: 'en' } },
    year: { text: 'initYear', default: { words: 'initYearDefault' } },
  },
} as const satisfies CommandSpec;

// --- The daily loop (issue 14) ---

export const logSpec = {
  name: 'log',
  args: {
    rep: { type: 'positional', required: false },
    data,
    date: { type: 'string', valueHint: 'YYYY-MM-DD' },
    'as-of': asOf,
    kind: { type: 'string', valueHint: 'TEXT' },
    context: { type: 'string', valueHint: 'C' },
    strengths: { type: 'string', valueHint: 'TEXT' },
    improvements: { type: 'string', valueHint: 'TEXT' },
    note: { type: 'string', valueHint: 'COMPETENCY=TEXT' },
    action: { type: 'string', valueHint: 'TEXT' },
    new: { type: 'string', valueHint: 'NAME' },
    role: { type: 'string', valueHint: 'ROLE' },
    team: { type: 'string', valueHint: 'TEAM' },
    manager: { type: 'string', valueHint: 'NAME' },
  },
  help: {
    rep: { text: 'logRep' },
    data: dataHelp,
    date: { text: 'date', default: { words: 'dateDefault' } },
    'as-of': { text: 'asOfLog', default: { words: 'asOfDefault' } },
    kind: { text: 'kind' },
    context: { text: 'context' },
    strengths: { text: 'strengths' },
    improvements: { text: 'improvements' },
    note: { text: 'note' },
    action: { text: 'action' },
    new: { text: 'newRep' },
    role: { text: 'role' },
    team: { text: 'team' },
    manager: { text: 'manager' },
  },
  variadic: { name: 'COMPETENCY=SCORE…', text: 'logScores' },
} as const satisfies CommandSpec;

export const statusSpec = {
  name: 'status',
  args: {
    data,
    days: { type: 'string', valueHint: 'N' },
    format: { type: 'string', valueHint: 'text|json' },
    'as-of': asOf,
  },
  help: {
    data: dataHelp,
    days: { text: 'days', default: { typed: '30' } },
    format: { text: 'statusFormat', default: { typed: 'text' } },
    'as-of': { text: 'asOfStatus', default: { words: 'asOfDefault' } },
  },
} as const satisfies CommandSpec;

export const newYearSpec = {
  name: 'new-year',
  args: {
    year: { type: 'positional', required: false },
    data,
    'as-of': asOf,
  },
  help: {
    year: { text: 'newYear', default: { words: 'newYearDefault' } },
    data: dataHelp,
    'as-of': asOfHelp,
  },
} as const satisfies CommandSpec;

export const previewSpec = {
  name: 'preview',
  args: {
    data,
    out: { type: 'string', valueHint: 'DIR' },
    year,
    'as-of': asOf,
    port: { type: 'string', valueHint: 'P' },
    templates: { type: 'string', valueHint: 'DIR' },
  },
  help: {
    data: dataHelp,
    out: { text: 'out', default: { words: 'outDefault' } },
    year: yearHelp,
    'as-of': asOfHelp,
    port: { text: 'port', default: { typed: '4173' } },
    templates: { text: 'templates', default: { words: 'templatesDefault' } },
  },
} as const satisfies CommandSpec;

/** In the order of `revue --help`. */
export const SPECS = [
  buildSpec,
  validateSpec,
  figuresSpec,
  schemaSpec,
  initSpec,
  logSpec,
  statusSpec,
  newYearSpec,
  previewSpec,
] as const;
