/**
 * The messages of the stages after validation, in English: writing, locking,
 * templates, the logo, charts, printing, the browser, shards and interruptions.
 * This is the reference catalogue (stage-fr.ts is typed by it). An error keeps
 * its message as a key and parameters (messages/stage.ts), so that the command
 * line says it in the workspace's language; `error.message` is this English text.
 */

const quote = (text: string) => JSON.stringify(text);

export const stageEn = {
  // --- Writing the output ---------------------------------------------------------------
  writeFailed: (p: { file: string; reason: string }) => `cannot write ${p.file}: ${p.reason}`,
  writeOutside: (p: { file: string }) => `refusing to write outside the output folder: ${p.file}`,
  folderNotWritable: 'the folder is not writable',
  diskFull: 'the disk is full',
  pathThroughFile: 'part of the path is a file, not a folder',
  quotaExceeded: 'the disk quota is exceeded',
  hintOtherOutOrPermissions: 'choose another output folder with --out, or fix its permissions',
  hintFreeSpace: 'free some space, or choose another output folder with --out',
  hintOtherOut: 'choose another output folder with --out',

  // --- The lock of the output folder ---------------------------------------------------
  locked: (p: { folder: string; file: string; holder: string; waited: string }) =>
    `another build is writing to ${p.folder}: the lock ${p.file} is held by ${p.holder}${p.waited}`,
  lockHolderUnknown: 'another build',
  lockHolder: (p: { pid: number; host: string; started: string }) =>
    `pid ${p.pid}${p.host === '' ? '' : ` on ${p.host}`} (a build started ${p.started})`,
  lockWaited: (p: { seconds: number }) => `, still after ${p.seconds} s`,
  lockedHint: 'wait for it to finish, or delete the lock file if no build is running',

  // --- Templates ------------------------------------------------------------------------
  noTemplate: (p: { kind: string; folder: string }) => `no template "${p.kind}.hbs" in ${p.folder}`,
  templateNotCompiled: (p: { where: string; reason: string }) =>
    `${p.where}: the template cannot be compiled: ${p.reason}`,
  templateBlocksOrder: (p: { open: string; close: string }) =>
    `{{/${p.close}}} closes {{#${p.open}}}: close the blocks in the order they were opened`,
  templateEndsInBlock: 'the template ends inside a block: a {{#…}} has no {{/…}}',
  templateUnclosed: 'a {{ is not closed by }}',
  templateEmptyExpression: 'an expression is empty or unfinished before }}',
  templateFailed: (p: { where: string; reason: string }) => `${p.where}: ${p.reason}`,
  templateAndPartials: (p: { kind: string }) => `${p.kind}.hbs (and its partials)`,

  // --- The logo ---------------------------------------------------------------------------
  logoNotImage: (p: { file: string }) => `the logo ${p.file} is not an image revue can embed`,
  logoTypes: (p: { types: readonly string[] }) => `use one of: ${p.types.join(', ')}`,
  logo: (p: { file: string; what: string }) => `the logo ${p.file} (report.logo in framework.yaml) ${p.what}`,
  logoUnreadable: (p: { reason: string }) => `cannot be read: ${p.reason}`,
  logoOutside: 'is a link to a file outside the data folder',
  logoOutsideHint: 'copy the image into the data folder',
  logoNotFile: 'is not a regular file (a named pipe, a device or a folder)',
  logoNotFileHint: 'use an image file',
  logoTooLarge: (p: { size: string; max: string }) =>
    `is ${p.size}: a logo may be at most ${p.max}, since it is embedded in every report`,
  logoMoreThan: (p: { max: string }) => `more than ${p.max}`,
  logoTooLargeHint: 'use a smaller image: a logo is usually a few kB (an SVG, or a PNG of a few hundred pixels)',
  megabytes: (p: { bytes: number }) => `${(p.bytes / 1024 / 1024).toFixed(1)} MB`,
  doesNotExist: 'it does not exist',
  loopOfLinks: 'it is a loop of links',
  permissionDenied: 'permission denied',

  // --- Charts and printing ------------------------------------------------------------------
  chartNotDrawn: (p: { label: string; reason: string }) =>
    `The chart ${quote(p.label)} could not be drawn: ${p.reason}`,
  chartsNotDrawn: 'the charts were not drawn',
  tooManyPages: (p: { max: number }) => `the report has more than ${p.max} pages: it was not written`,
  tooManyPagesHint: 'a report is a few pages: look for very long free text in the data, or a template that repeats it',
  htmlTooLarge: (p: { size: string; max: string }) =>
    `the report's HTML is ${p.size}, more than the ${p.max} a report may be: it was not printed`,
  htmlTooLargeHint: 'a report is some 400 kB: look for very long free text in the data, or a template that repeats it',
  notPrinted: (p: { why: string }) => `the document was not printed: ${p.why}`,
  navigatedAway: (p: { url: string }) => `the page navigated away from it, to ${p.url}`,
  notPrintedHint:
    'a template must not navigate: remove the <meta http-equiv="refresh"> (or what made the page load another)',
  idsNotRenumbered: (p: { reason: string }) => `the PDF's structure ids could not be renumbered: ${p.reason}`,
  notReproducible: (p: { what: string }) => `${p.what}, so two builds would not give the same bytes`,
  notReproducibleHint: 'report this to revue with the browser version; unset SOURCE_DATE_EPOCH to build anyway',
  validButNotReproducible: (p: { what: string }) => `${p.what}: this PDF is valid but not reproducible`,
  metadataNotSet: (p: { reason: string }) => `Could not set the PDF's metadata: ${p.reason}`,

  // --- The browser ----------------------------------------------------------------------------
  noBrowser: 'No Chrome or Chromium browser was found.',
  browserGiven: (p: { where: string; probe: string; path: string; install: string }) =>
    `The browser given by ${p.where} is ${p.probe}: ${p.path}\nFix the path or leave it unset to let revue look for one.\n\n${p.install}`,
  probeNotFound: 'not found',
  probeNotExecutable: 'not executable',
  browserInstall: [
    'Install one of these, then run revue again:',
    '  npm run browser                                      (finds or installs one for you)',
    '  apt-get install chromium                             (Debian, Ubuntu)',
    "  npx puppeteer browsers install chrome-headless-shell (puppeteer's own, into ~/.cache/puppeteer)",
    'or point revue at an installed Chrome, Chromium or Edge:',
    '  REVUE_BROWSER=/path/to/chrome revue build',
  ].join('\n'),
  browserNotStarted: (p: { path: string; reason: string }) => `Could not start the browser at ${p.path}: ${p.reason}`,
  browserNotStartedHint: (p: { path: string }) =>
    'Check that this browser runs on this machine (e.g. `' +
    p.path +
    ' --headless --version`). ' +
    'As root, or in a container without user namespaces, set REVUE_NO_SANDBOX=1. ' +
    'Another browser can be chosen with REVUE_BROWSER.',
  crashedTwice: (p: { reason: string }) =>
    `the browser crashed during this report, and again when it was printed alone: ${p.reason}`,
  browserFailed: (p: { context: string; reason: string }) => `${p.context}: ${p.reason}`,

  // --- Shards, interruptions, the index ------------------------------------------------------------
  shardExpects: (p: { value: string }) => `--shard expects K/N, such as 3/40, got ${quote(p.value)}`,
  shardExpectsHint: 'K is this machine’s part (1 to N), N the number of parts',
  shardCount: (p: { count: number }) => `the number of shards must be a whole number ≥ 1, got ${p.count}`,
  shardRange: (p: { count: number; index: number }) => `the shard must be between 1 and ${p.count}, got ${p.index}`,
  shardRangeHint: 'shards are numbered from 1: --shard 1/4 … --shard 4/4',
  interrupted: (p: { missing: number }) =>
    `the build was interrupted: ${p.missing} report${p.missing === 1 ? ' was' : 's were'} not written`,
  interruptedReport: 'the build was interrupted before this report was written',
  interruptedHint: 'run the build again: it renders only what is missing',
  notBuiltYet: 'not built yet: run revue build',
  neverRendered: 'the report was never rendered',
};

export type StageCatalogue = typeof stageEn;
