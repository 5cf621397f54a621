/**
 * Every message of the command line, in English: the reference catalogue
 * (cli-fr.ts is typed by it). Diagnostics have their own catalogue
 * (diagnostics-en.ts); these are the words around them: labels, summaries,
 * progress, usage errors and the help.
 */

const quote = (text: string) => JSON.stringify(text);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly (string | number)[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${String(items.at(-1))}`;

/** Names of the commands, in the order of the help. */
export type CommandName =
  'build' | 'validate' | 'figures' | 'schema' | 'init' | 'log' | 'status' | 'new-year' | 'preview';

export const cliEn = {
  // --- Labels ---------------------------------------------------------------------
  error: 'error',
  warning: 'warning',
  hint: 'hint',
  /** `file:line:column: error: message`: the place stays as editors read it, in every language. */
  diagnosticLine: (p: { place: string; label: string; message: string }) => `${p.place}: ${p.label}: ${p.message}`,
  labelled: (p: { label: string; text: string }) => `${p.label}: ${p.text}`,
  internalError: 'internal error (a bug in revue, please report it):',
  didYouMean: (p: { suggestion: string }) => `did you mean ${quote(p.suggestion)}?`,

  // --- Validation -----------------------------------------------------------------
  summary: (p: { errors: number; files: number; warnings: number }) =>
    p.errors > 0
      ? `${plural(p.errors, 'error', 'errors')} in ${plural(p.files, 'file', 'files')}, ${plural(p.warnings, 'warning', 'warnings')}`
      : `no error, ${plural(p.warnings, 'warning', 'warnings')}`,
  otherYears: (p: { count: number; years: readonly number[] }) =>
    `${plural(p.count, 'warning', 'warnings')} about ${list(p.years)} — --verbose to list ${p.count === 1 ? 'it' : 'them'}`,
  valid: (p: { data: string; files: number; years: readonly number[] }) =>
    `✓ ${p.data}: ${plural(p.files, 'file', 'files')} valid (${p.years.join(', ')})`,

  // --- Usage errors -----------------------------------------------------------------
  runHelp: (p: { command: string }) => `run "revue ${p.command} --help" for usage`,
  runRootHelp: 'run "revue --help" for the list of commands',
  unknownCommand: (p: { name: string }) => `unknown command ${quote(p.name)}`,
  knownCommands: (p: { commands: readonly string[] }) => `commands: ${p.commands.join(', ')}`,
  unknownOption: (p: { option: string; command: string }) =>
    `unknown option ${quote(p.option)} for "revue ${p.command}"`,
  knownOptions: (p: { options: readonly string[] }) => `options: ${p.options.join(', ')}`,
  missingValue: (p: { option: string }) => `${p.option} expects a value`,
  tooManyArguments: (p: { extra: string }) => `unexpected argument ${quote(p.extra)}`,
  expectsYear: (p: { option: string; value: string }) => `${p.option} expects a four-digit year, got ${quote(p.value)}`,
  expectsDate: (p: { option: string; value: string }) =>
    `${p.option} expects a date written YYYY-MM-DD, got ${quote(p.value)}`,
  dateHint: (p: { option: string; fix: string | undefined }) =>
    p.fix === undefined ? `write it year-month-day, e.g. ${p.option} 2026-11-30` : `did you mean ${p.option} ${p.fix}?`,
  expectsWholeNumber: (p: { option: string; value: string }) =>
    `${p.option} expects a whole number ≥ 1, got ${quote(p.value)}`,
  expectsSeconds: (p: { option: string; value: string }) =>
    `${p.option} expects a number of seconds, got ${quote(p.value)}`,
  expectsChoice: (p: { option: string; value: string; choices: readonly string[] }) =>
    `${p.option} expects ${list(p.choices.map(quote)).replace(' and ', ' or ')}, got ${quote(p.value)}`,
  expectsShard: (p: { value: string }) => `--shard expects K/N, such as 3/40, got ${quote(p.value)}`,
  shardHint: 'K is this machine’s part (1 to N), N the number of parts',
  shardCount: (p: { count: number }) => `the number of shards must be a whole number ≥ 1, got ${p.count}`,
  shardRange: (p: { count: number; index: number }) => `the shard must be between 1 and ${p.count}, got ${p.index}`,
  shardRangeHint: 'shards are numbered from 1: --shard 1/4 … --shard 4/4',
  badEpoch: (p: { value: string }) =>
    `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (at most 253402300799, the end of 9999), got ${quote(p.value)}`,
  epochHint: 'set it to a whole number such as $(git log -1 --format=%ct), or unset it',
  unknownSchema: (p: { name: string }) => `unknown schema ${quote(p.name)}`,
  schemaHint: 'revue schema framework, or revue schema rep',
  noYearFolder: 'the workspace has no year folder yet',
  noYearFolderHint: 'create a folder such as data/2026 with one file per rep',
  noDataForYear: (p: { year: number }) => `no data for ${p.year}`,
  knownYears: (p: { years: readonly number[] }) => `years in the workspace: ${p.years.join(', ')}`,
  noRep: (p: { id: string; year: number }) => `no rep ${quote(p.id)} in ${p.year}`,
  knownReps: (p: { reps: readonly string[] }) => `reps: ${p.reps.join(', ')}`,

  // --- Build ------------------------------------------------------------------------
  building: (p: { total: number; year: number }) => `Building ${plural(p.total, 'report', 'reports')} for ${p.year}`,
  barFormat: ' {bar} {value}/{total} reports | {eta_formatted} left | {file}',
  written: 'wrote',
  skipped: 'up to date',
  failed: 'FAILED',
  reportFailed: (p: { file: string; reason: string }) => `failed: ${p.file}: ${p.reason}`,
  reportWarning: (p: { file: string; warning: string }) => `warning: ${p.file}: ${p.warning}`,
  unknownFailure: 'unknown error',
  removed: (p: { file: string; kind: string; year: number | null }) =>
    `removed ${p.file}: no such ${p.kind === 'rep' ? 'rep' : p.kind === 'team' ? 'team' : 'report'} in ${p.year ?? ''}`,
  buildSummary: (p: {
    year: number | null;
    written: number;
    skipped: number;
    failed: number;
    warnings: number;
    seconds: string;
  }) =>
    `${p.year ?? ''}: ${p.written} written, ${p.skipped} up to date, ${p.failed} failed, ${plural(p.warnings, 'warning', 'warnings')} in ${p.seconds} s`,
  openIndex: (p: { file: string }) => `  open ${p.file}`,
  /** The latest year folder, built by default, is one new-year made before it began. */
  yearNotBegun: (p: { year: number; asOf: string; previous: number }) =>
    `${p.year} has not begun (as of ${p.asOf}): its reports have no session yet. This year's reviews: revue build --year ${p.previous}`,
  invalidData: 'The data is invalid: no report was written.',
  changed: (p: { files: readonly string[] }) => `changed: ${p.files.join(', ')}`,
  watching: 'watching for changes (Ctrl-C to stop)',
  stoppedWatching: 'stopped watching',

  // --- Init -------------------------------------------------------------------------
  initCreated: (p: { dir: string | undefined }) =>
    `✓ revue workspace created in ${p.dir === undefined ? 'the current folder' : p.dir}`,
  initAppended: (p: { file: string }) => `  ${p.file} (added output/)`,
  initNext: 'Next:',
  initValidate: '  revue validate        check the files',
  initBuild: (p: { year: number }) =>
    `  revue build           write the reports, then open output/${p.year}/index.html`,
  initWatch: '  revue build --watch   rebuild each time you save a file',
  initBadYear: (p: { year: number }) => `the year must have four digits, got ${p.year}`,
  initNotFolder: (p: { dir: string }) => `${p.dir} is a file, not a folder`,
  initNotFolderHint: 'give revue init the name of a new folder, e.g. revue init reviews',
  initExisting: (p: { dir: string; files: readonly string[] }) =>
    `revue init never overwrites a file, and ${p.files.length === 1 ? 'this one exists' : 'these exist'} in ${p.dir}:\n${p.files.map((f) => `  ${f}`).join('\n')}`,
  initExistingHint:
    'run "revue init" in a new or empty folder (e.g. revue init reviews), or move these files away first',

  // --- CSV (revue figures --format csv): headers and the words of a cell -----------------
  csv: {
    year: 'year',
    rep: 'rep',
    name: 'name',
    team: 'team',
    manager: 'manager',
    role: 'role',
    roleLabel: 'role label',
    competency: 'competency',
    competencyLabel: 'competency label',
    level: 'level',
    previous: 'previous year',
    delta: 'change',
    mean: 'mean',
    expected: 'expected',
    gap: 'gap',
    count: 'assessments',
    trend: 'trend',
    weakestContext: 'weakest context',
    weakestContextLabel: 'weakest context label',
    focusRank: 'focus rank',
    overall: 'overall',
    overallPrevious: 'overall previous year',
    overallDelta: 'overall change',
    goalsMet: 'goals met',
    goals: 'goals',
    focus: 'focus',
    focusLabel: 'focus label',
    coachingCount: 'coaching sessions',
    longestGapDays: 'longest stretch without coaching (days)',
    results: 'results (achieved / target)',
    resultsPrevious: 'results previous year',
    progressed: 'progressed',
    stable: 'stable',
    regressed: 'regressed',
  },

  // --- Help -------------------------------------------------------------------------
  tagline: (p: { version: string }) => `revue ${p.version}: annual review PDFs from sales coaching logs`,
  usage: (p: { line: string }) => `Usage: ${p.line}`,
  commandPlaceholder: '<command>',
  commandsHeading: 'Commands:',
  optionsHeading: 'Options:',
  argumentsHeading: 'Arguments:',
  defaultIs: (p: { value: string }) => `(default: ${p.value})`,
  moreHelp: 'Run "revue <command> --help" for the options of a command.',
  optionsWord: 'options',
  commands: {
    build: 'Render the year’s reports: one PDF per rep, per team, and for the organisation',
    validate: 'Check every file of the workspace; exit 1 on any error',
    figures: 'Print the figures of every rep, team and the organisation (JSON or CSV)',
    schema: 'Print the JSON Schema of framework.yaml or of a rep-year file',
    init: 'Create a workspace with an example framework and rep, ready to build',
    // --- The daily loop (issue 14) ---
    log: 'Add one coaching session to a rep’s file (asks what is missing, on a terminal)',
    status: 'Where coaching stands today: each rep’s last session, who is overdue, what was never observed',
    'new-year': 'Start next year’s files from this year’s, the course set',
    preview: 'The reports live in a browser on this machine, rebuilt on every save',
  } satisfies Record<CommandName, string>,
  options: {
    data: 'The workspace’s data folder',
    dataDefault: 'found from the current folder up, else data',
    out: 'Where reports are written, one folder per year',
    outDefault: 'output, beside the data folder',
    year: 'The year to report on',
    yearDefault: 'the latest year folder',
    initYear: 'The year of the example rep',
    initYearDefault: 'the current year',
    asOf: 'The build’s date: figures are computed as of it',
    asOfLog: 'Today, for the checks of the workspace and the default --date',
    asOfStatus: 'The day the status is taken on',
    asOfDefault: 'the day of SOURCE_DATE_EPOCH, else today',
    rep: 'Only this rep’s report (repeatable)',
    htmlOnly: 'Write standalone HTML files instead of PDFs',
    templates: 'Templates overriding the package’s',
    templatesDefault: 'templates/ beside the data folder',
    concurrency: 'Pages printing at the same time',
    watch: 'Rebuild what a saved file affects, until Ctrl-C',
    force: 'Render every report, even those that are up to date',
    shard: 'Render only the K-th of N deterministic parts (teams, organisation and index in part 1)',
    wait: 'Seconds to wait for another build writing into the same output; 0 refuses at once',
    validateFormat: 'text (for people) or json (for an editor or a CI job, on stdout)',
    figuresFormat: 'json (one object) or csv (for a spreadsheet)',
    table: 'CSV: one row per rep and competency, or one per rep',
    verbose: 'List the warnings about the other years too',
    quiet: 'Print errors only',
    locale: 'The language of the example and of the reports',
    dir: 'The folder to create the workspace in',
    dirDefault: 'the current folder',
    schemaName: 'framework or rep',
    help: 'Show this help',
    // --- The daily loop (issue 14) ---
    logRep: 'The rep: their id or their name',
    logScores: 'The scores: each competency by id or label, each score as 2.5 or 2,5',
    date: 'The day of the session',
    dateDefault: 'today, or the day of --as-of',
    kind: 'The kind of session, in your words (field visit, call review, …)',
    context: 'The context, by id or label',
    strengths: 'What went well',
    improvements: 'What to improve',
    note: 'What was seen of one competency (repeatable)',
    action: 'An action agreed (repeatable)',
    newRep: 'A rep new to the workspace, by full name (their id is made from it)',
    role: 'With --new: their role, by id or label',
    team: 'With --new: their team',
    manager: 'With --new: their manager',
    days: 'A rep is overdue after this many days without a session',
    statusFormat: 'text (a table) or json (for a reminder job, on stdout)',
    newYear: 'The year to start',
    newYearDefault: 'the year after the latest',
    port: 'The port to listen on, on 127.0.0.1; 0 picks a free one',
  },

  // --- The daily loop (issue 14) -----------------------------------------------------
  logWritten: (p: { date: string; name: string; file: string; created: boolean }) =>
    `✓ logged the session of ${p.date} for ${p.name} in ${p.file}${p.created ? ' (new file)' : ''}`,
  logMissing: (p: { missing: readonly string[] }) => `missing: ${list(p.missing)}`,
  /** An example made of the workspace's own rep, context and competencies. */
  logMissingHint: (p: { rep: string; context: string | undefined; scores: Array<{ id: string; score: number }> }) =>
    `e.g. revue log ${p.rep}${p.context === undefined ? '' : ` --context ${p.context}`} ${p.scores.map((s) => `${s.id}=${s.score}`).join(' ')} (on a terminal, revue log asks)`,
  logMissingRep: 'the rep (REP, or --new "Full Name")',
  logMissingScores: 'at least one score (COMPETENCY=SCORE)',
  logMissingRole: '--role (for --new)',
  logRepAndNew: (p: { rep: string }) => `give either a rep (${quote(p.rep)}) or --new, not both`,
  logUnknownRep: (p: { rep: string }) => `no rep ${quote(p.rep)} in the workspace`,
  logNewRepHint: 'a rep new to the workspace: revue log --new "Full Name" --role ROLE --team TEAM',
  logRepTaken: (p: { id: string; file: string }) => `--new: the id ${quote(p.id)} is already taken (${p.file})`,
  logRepTakenHint: (p: { id: string }) => `to log a session of that rep: revue log ${p.id} …`,
  logNoSlug: (p: { name: string }) => `--new: no id can be made from ${quote(p.name)}`,
  logUnknownRole: (p: { role: string; roles: readonly string[] }) =>
    `--role: unknown role ${quote(p.role)} (roles: ${p.roles.join(', ')})`,
  logRefused: (p: { file: string }) => `nothing written to ${p.file}: the session would make the workspace invalid`,
  logArgumentsRefused: 'nothing written: the command line has errors',
  logCancelled: 'cancelled: nothing written',
  logTitle: (p: { name: string }) => `A session of ${p.name}`,
  statusGroup: (p: { team: string | null; manager: string | null }) =>
    [p.team ?? 'no team', p.manager].filter((x) => x !== null).join(' — '),
  statusColumns: {
    rep: 'rep',
    last: 'last session',
    days: 'days',
    monthsMissed: 'months missed',
    neverObserved: 'never observed',
  },
  statusNever: 'never',
  statusOverdue: 'overdue',
  statusNone: '—',
  /** A rep's competencies never observed, then the sales contexts, told apart: "Closing; contexts: Phone, Key account". */
  statusNeverObserved: (p: { competencies: string[]; contexts: string[] }) =>
    [
      ...(p.competencies.length > 0 ? [p.competencies.join(', ')] : []),
      ...(p.contexts.length > 0
        ? [`${p.contexts.length === 1 ? 'context' : 'contexts'}: ${p.contexts.join(', ')}`]
        : []),
    ].join('; '),
  statusSummary: (p: { overdue: number; total: number; days: number; asOf: string }) =>
    `${p.overdue} of ${plural(p.total, 'rep', 'reps')} overdue (no session for more than ${p.days} days, or never) on ${p.asOf}`,
  statusNoReps: (p: { year: number }) => `no rep has a file for ${p.year}`,
  newYearWrote: (p: { count: number; year: number }) => `✓ wrote ${plural(p.count, 'file', 'files')} for ${p.year}:`,
  newYearFile: (p: { file: string; goals: readonly string[] }) =>
    `  ${p.file}${p.goals.length === 0 ? '' : `  (goals: ${p.goals.join(', ')})`}`,
  newYearNothing: (p: { year: number; previous: number }) =>
    `every rep of ${p.previous} already has a file for ${p.year}: nothing written`,
  newYearNoPrevious: (p: { year: number; previous: number }) => `no data for ${p.previous} to start ${p.year} from`,
  newYearKept: (p: { file: string }) => `  ${p.file} already exists: kept as it is`,
  previewServing: (p: { url: string }) => `Preview at ${p.url} (Ctrl-C to stop)`,
  previewStopped: 'preview stopped',
  previewInvalid: (p: { errors: number }) =>
    `The last save has ${plural(p.errors, 'error', 'errors')}: the page shows the last good report.`,
  previewPrint: 'PDF',
  previewBuildFailed: 'The last build failed: the page shows the last good report.',
  previewPortInUse: (p: { port: number }) => `port ${p.port} is already in use on 127.0.0.1`,
  previewPortHint: 'choose another with --port P, or let revue pick a free one: --port 0',
  logWorkspaceInvalid: 'nothing written: the workspace has errors, fix them first (revue validate lists them)',
};

/** What every language implements: the same keys, each entry taking the same parameters. */
export type CliCatalogue = typeof cliEn;
