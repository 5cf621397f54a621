/**
 * The pipeline, stage after stage (STYLE.md):
 *
 *   load → validate → analyze → plan → render → print → write
 *
 * Only load and write touch the file system, only print touches the browser.
 * `build()` reads as that sequence; each stage is a call into its folder.
 *
 * Incremental (SPEC §7): each report's inputs are digested (`inputsDigest`)
 * and compared with the manifest of its output folder (write/manifest.ts); an
 * up-to-date report is neither drawn nor printed, and when every report is up
 * to date the browser is not even started.
 *
 * Every build ends, with its outcomes (docs/security.md §8): one report's
 * failure is its own, the browser is stopped on every way out (`await
 * using`, and `signal`), and a failure to write the index page or the
 * manifest (a full disk) is said in `errors` without losing the reports'
 * outcomes.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { computeFigures } from './analyze/index.js';
import { RenderError, asRevueError, type RevueError } from './errors.js';
import { loadWorkspace } from './load/workspace.js';
import type { Diagnostic } from './model/dataset.js';
import { checkShard, rendersGroups, selectShard, WHOLE, type Shard } from './plan/shard.js';
import { buildDate } from './plan/as-of.js';
import { checkReps, chooseYear } from './plan/year.js';
import { drawCharts, produceReports, type Production, type ReportJob } from './produce-reports.js';
import { BrowserSession } from './print/browser.js';
import { documentStyles, paperOf, type DocumentStyles, type Paper } from './render/document.js';
import { renderIndex } from './render/index-page.js';
import { planReports, reportFingerprint, type PlannedReport } from './render/plan.js';
import { loadTemplates, type Templates } from './render/templates.js';
import { emptyRepCache } from './validate/rep-cache.js';
import { validateWorkspace } from './validate/validate-workspace.js';
import { VERSION } from './version.js';
import { resolveInside, writeFileAtomic } from './write/atomic.js';
import { checkOutputs, inputsDigest, recordWritten, type Candidate, type SharedInputs } from './write/incremental.js';
import { acquireBuildLock } from './write/build-lock.js';
import { isUpToDate, sha256, writeManifest, type KnownOutputs, type Manifest } from './write/manifest.js';
import { readValidationCache, writeValidationCache } from './write/validation-cache.js';
import { removeStaleReports, type RemovedReport } from './write/stale.js';
import { said, type Text } from './messages/stage.js';

export type { Shard } from './plan/shard.js';

export interface BuildOptions {
  /** The workspace's data folder. Default: `data`. */
  data?: string;
  /** Where reports go; each year in its own folder. Default: `output`. */
  out?: string;
  /** The year to report on. Default: the latest year folder. */
  year?: number;
  /** Only these reps' reports (and no team or organisation report). Default: every report. */
  reps?: readonly string[];
  /** Standalone HTML files instead of PDFs. Default: false. */
  htmlOnly?: boolean;
  /** Templates overriding the package's, by file name. Default: `templates/` beside the data folder. */
  templates?: string;
  /** The browser to print with. Default: found as `findBrowser` says. */
  browser?: string;
  /** Pages printing at the same time. Default: 2. */
  concurrency?: number;
  /**
   * Seconds since 1970 to stamp the documents with, for reproducible output
   * (SOURCE_DATE_EPOCH). Default: the time of the build.
   */
  sourceDateEpoch?: number;
  /**
   * The build's date, YYYY-MM-DD: figures of the year are computed as of it
   * (SPEC §5 asOf). Default: the UTC day of `sourceDateEpoch` when set, else
   * today (UTC).
   */
  asOf?: string;
  /**
   * Render every report, even those the manifest shows up to date
   * (`--force`). Default: false: only reports whose inputs (their data, the
   * framework, the templates, revue's version, the format) changed, or whose
   * file was deleted or altered since it was written.
   */
  force?: boolean;
  /**
   * Only the K-th of N deterministic parts of the reports (`--shard K/N`,
   * 1-based; see write/shard.ts): N machines render exactly the files one
   * machine would. Shard 1 also renders the team and organisation reports
   * and the index. Default: `{ index: 1, count: 1 }`, every report.
   */
  shard?: Shard;
  /**
   * Milliseconds to wait for another build writing into the same year folder
   * (the same shard, or another layout of shards) to finish, before failing
   * with a RevueError `LOCKED`. Default: 0, fail at once.
   */
  lockTimeout?: number;
  /**
   * Stops the build when aborted (the command line's Ctrl-C and SIGTERM): no
   * report starts after it, those printing are abandoned and the browser is
   * stopped; the build still writes its manifest and index, and returns with
   * the reports not written failed ("interrupted"). Default: none.
   */
  signal?: AbortSignal;
  /** The environment to read browser settings from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * A browser session to print with, kept open by the caller between builds
   * (`build --watch`, `preview`): this build neither starts nor stops it.
   * Default: a session of this build's, started on first use and stopped at its end.
   */
  session?: BrowserSession;
  /** Told of each step, for a progress bar. */
  onProgress?: (event: ProgressEvent) => void;
}

/** `skipped`: up to date, left as it was (not drawn, not printed). */
export type ReportStatus = 'written' | 'skipped' | 'failed';

export type ProgressEvent =
  | { kind: 'validated'; diagnostics: readonly Diagnostic[] }
  | { kind: 'start'; total: number; year: number }
  | { kind: 'report'; file: string; status: ReportStatus; error?: RevueError; done: number; total: number };

export interface ReportOutcome {
  kind: PlannedReport['kind'];
  id: string;
  name: string;
  /** The file written (or that would have been), relative to the current folder. */
  file: string;
  status: ReportStatus;
  error?: RevueError;
  /** What went wrong without stopping the report (e.g. a PDF that is valid but not reproducible). */
  warnings?: Text[];
}

/**
 * Where a build's time went, in milliseconds. load → plan and index are wall
 * time; launch, charts, html, print and write are summed over the reports
 * and pages working at the same time, so together they can exceed `durationMs`.
 */
export type BuildStage =
  'load' | 'validate' | 'analyze' | 'plan' | 'check' | 'launch' | 'charts' | 'html' | 'print' | 'write' | 'index';
export type BuildTimings = Record<BuildStage, number>;

export interface BuildResult {
  /** False when the data is invalid: nothing was written. */
  ok: boolean;
  year: number | null;
  diagnostics: Diagnostic[];
  /** This build's reports (this shard's, with `shard`), written, skipped or failed, in plan order. */
  reports: ReportOutcome[];
  /**
   * Reports earlier builds wrote into the year's folder that the year no
   * longer produces (a rep renamed or gone, a team that disappeared), removed
   * by this build (SPEC §7).
   */
  removed: RemovedReport[];
  /** The index page, when one was written. */
  index: string | null;
  /** The manifest written, when one was. */
  manifest: string | null;
  /**
   * What went wrong besides the reports, whose outcomes stand: the index page
   * or the manifest could not be written (a full disk, say), a report the year
   * no longer produces could not be removed, or the build was interrupted.
   * Empty when nothing did.
   */
  errors: RevueError[];
  /** The part of the reports this build rendered. */
  shard: Shard;
  durationMs: number;
  timings: BuildTimings;
}

/** A long build records its progress in the manifest this often, so that a killed build resumes. */
const CHECKPOINT_MS = 30_000;

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const timings = noTimings();
  const time = timer(timings);
  const shard = checkShard(options.shard ?? WHOLE);
  const format: Format = options.htmlOnly === true ? 'html' : 'pdf';
  const result = (o: Outcome): BuildResult => ({ ...o, shard, durationMs: performance.now() - started, timings });

  // load → validate
  const data = options.data ?? 'data';
  const out = options.out ?? 'output';
  const workspace = await time('load', () => loadWorkspace(data));
  // --force trusts nothing of an earlier build: every file is validated afresh.
  const cache = options.force === true ? emptyRepCache() : await time('load', () => readValidationCache(out, VERSION));
  const { dataset, diagnostics } = await time('validate', () =>
    validateWorkspace(workspace, { asOf: buildDate(options), cache }),
  );
  options.onProgress?.({ kind: 'validated', diagnostics });
  if (dataset === undefined) return result({ ok: false, year: null, diagnostics, ...nothingWritten() });

  // analyze
  const year = chooseYear(dataset, options.year);
  const figures = await time('analyze', () => computeFigures(dataset, year, buildDate(options)));
  checkReps(figures, options.reps, dataset.framework.locale);

  // plan: every report of the year (the index lists them all), and this build's part of them with the inputs of each
  const templates = await time('plan', () => loadTemplates({ userDir: templatesDir(options, data) }));
  const styles = await time('plan', () => documentStyles(dataset, templates));
  const planned = await time('plan', () => planReports(dataset, figures).reports);
  const paper = paperOf(dataset.framework);
  const epoch = options.sourceDateEpoch;
  const mine = selectShard(onlyReps(planned, options.reps), shard);
  const jobs = await time('plan', () => planJobs(mine, { format, paper, templates, styles, epoch }));

  const yearDir = path.join(out, String(year));
  await using printing = sessionOf(options);
  const { session } = printing;
  // A first build of PDFs needs the browser: without one, say so (exit 2) before creating anything.
  if (format === 'pdf' && !(await isDirectory(yearDir))) await session.browserPath();
  await using _lock = await acquireBuildLock(yearDir, shard, { timeoutMs: options.lockTimeout ?? 0 });

  // What is up to date is skipped: neither drawn nor printed.
  const partial = options.reps !== undefined && options.reps.length > 0;
  const check = { tool: VERSION, force: options.force === true, partial };
  const { upToDate, manifest, known } = await time('check', () =>
    checkOutputs(yearDir, shard, candidatesOf(jobs), check),
  );
  const progress = progressOf(jobs, yearDir, options.onProgress);
  options.onProgress?.({ kind: 'start', total: jobs.length, year });
  for (const job of jobs) if (upToDate.has(job.file)) progress.settle(job, 'skipped');

  // render → print → write
  const todo = jobs.filter((job) => !upToDate.has(job.file));
  if (todo.length > 0) {
    const concurrency = options.concurrency ?? 2;
    const { signal } = options;
    const date = stampOf(options);
    const production = { templates, styles, format, paper, session, yearDir, timings, concurrency, date, signal };
    await writeAll(todo, { ...production, reproducible: epoch !== undefined }, manifest, progress, () =>
      writeManifest(yearDir, shard, manifest),
    );
  }
  const reports = jobs.map((job) => progress.outcomeOf(job));
  const errors = interrupted(options.signal, reports);
  // What earlier builds wrote and the year no longer produces goes (not after a build of some reps).
  // The index is the year's too: whichever shard wrote it, no build removes it as stale.
  const produced = new Set([...planned.map((report) => report.file), INDEX_NAME]);
  const removed = partial ? [] : await time('write', () => removeStale(yearDir, known, produced, errors));

  // The index (shard 1) lists every report of the year: this build's, and the others as they are on disk.
  const entries = await listEntries(planned, progress, { format, yearDir, partial });
  const indexInput = { dataset, figures, templates, styles: styles.css, entries, yearDir };
  const recorded = { known, manifest, force: options.force === true };
  const index = !rendersGroups(shard)
    ? null
    : await time('index', () => writeIndex(planned, indexInput, recorded, errors));
  const manifestPath = await time('write', () => recordManifest(yearDir, shard, manifest, errors));
  // Only a saving: a cache that cannot be written means the next build validates every file.
  await time('write', () => writeValidationCache(out, VERSION, cache).catch(() => undefined));
  return result({ ok: true, year, diagnostics, reports, removed, index, manifest: manifestPath, errors });
}

type Format = 'pdf' | 'html';

/** What a build that stopped at invalid data did: nothing. */
function nothingWritten(): Pick<BuildResult, 'reports' | 'removed' | 'index' | 'manifest' | 'errors'> {
  return { reports: [], removed: [], index: null, manifest: null, errors: [] };
}

/** A BuildResult but for what every result carries. */
type Outcome = Omit<BuildResult, 'durationMs' | 'timings' | 'shard'>;

/** The workspace's templates folder: `--templates`, or `templates/` beside the data folder. */
function templatesDir(options: BuildOptions, data: string): string {
  return options.templates ?? path.join(path.dirname(path.resolve(data)), 'templates');
}

/** The reports `reps` asks for (`--rep`), or every report. */
function onlyReps(planned: readonly PlannedReport[], reps: readonly string[] | undefined): PlannedReport[] {
  if (reps === undefined || reps.length === 0) return [...planned];
  const wanted = new Set(reps);
  return planned.filter((report) => report.kind === 'rep' && wanted.has(report.id));
}

/** This shard's reports, each with its output file and the digest of everything it is built from. */
function planJobs(
  reports: readonly PlannedReport[],
  build: { format: Format; paper: Paper; templates: Templates; styles: DocumentStyles; epoch: number | undefined },
): Job[] {
  const { format, paper, templates, styles } = build;
  const shared: SharedInputs = {
    tool: VERSION,
    format,
    paper,
    templates: templates.digest,
    css: styles.css,
    logo: styles.logo,
    epoch: build.epoch ?? null,
  };
  return reports.map((report) => {
    const file = `${report.file}.${format}`;
    const inputs = inputsDigest(shared, reportFingerprint(report));
    return { report, file, candidate: { kind: report.kind, id: report.id, file, inputs } };
  });
}

function candidatesOf(jobs: readonly Job[]): Candidate[] {
  return jobs.map((job) => job.candidate);
}

/** The index page, in the year's output folder; named in the manifest like a report. */
const INDEX_NAME = 'index';
const INDEX_FILE = `${INDEX_NAME}.html`;

/**
 * Writes index.html, with the organisation's charts drawn afresh (in Node:
 * 150 ms with chart.js and the font to load), unless it is on disk as this
 * build would write it: then nothing is drawn or written, as for a report
 * that is up to date. Its inputs are the page rendered with each chart's
 * spec in place of its drawing (a chart is a function of its spec and of
 * revue's version): whatever the page shows, from the data or a custom
 * template, changes them. Recorded in the manifest (`index.html`, kind
 * `index`) with the digest of the file as written. Returns its path, or null
 * when it could not be written (the reason goes to `errors`).
 */
async function writeIndex(
  planned: readonly PlannedReport[],
  input: Omit<Parameters<typeof renderIndex>[0], 'charts'>,
  recorded: { known: KnownOutputs; manifest: Manifest; force: boolean },
  errors: RevueError[],
): Promise<string | null> {
  try {
    const organisation = planned.find((report) => report.kind === 'organisation');
    const specs = Object.values(organisation?.charts ?? {}).map((spec) => JSON.stringify(spec));
    const inputs = sha256(`${VERSION}\0${renderIndex({ ...input, charts: specs })}`);
    const file = resolveInside(input.yearDir, INDEX_FILE);
    const { known, manifest, force } = recorded;
    const onDisk = force ? undefined : await isUpToDate(known, input.yearDir, INDEX_FILE, inputs);
    if (onDisk !== undefined) {
      manifest.reports[INDEX_FILE] = { ...onDisk, kind: INDEX_NAME, id: '' };
      return file;
    }
    const charts = organisation === undefined ? [] : [...(await drawCharts(organisation)).values()];
    const html = renderIndex({ ...input, charts });
    await writeFileAtomic(file, html);
    manifest.reports[INDEX_FILE] = { kind: INDEX_NAME, id: '', inputs, output: sha256(html) };
    return file;
  } catch (error: unknown) {
    errors.push(asRevueError(error));
    return null;
  }
}

/** Removes the reports the year no longer produces; what could not be removed goes to `errors`. */
async function removeStale(
  yearDir: string,
  known: Parameters<typeof removeStaleReports>[1],
  produced: ReadonlySet<string>,
  errors: RevueError[],
): Promise<RemovedReport[]> {
  return removeStaleReports(yearDir, known, produced).catch((error: unknown) => {
    errors.push(asRevueError(error));
    return [];
  });
}

/** Writes the manifest; returns its path, or null when it could not be written (the reason goes to `errors`). */
async function recordManifest(yearDir: string, shard: Shard, manifest: Manifest, errors: RevueError[]) {
  return writeManifest(yearDir, shard, manifest).catch((error: unknown) => {
    errors.push(asRevueError(error));
    return null;
  });
}

/** The build was stopped: said once, besides each report it left unwritten. */
function interrupted(signal: AbortSignal | undefined, reports: readonly ReportOutcome[]): RevueError[] {
  if (signal?.aborted !== true) return [];
  const missing = reports.filter((report) => report.status === 'failed').length;
  return [new RenderError(said('interrupted', { missing }), { hint: said('interruptedHint') })];
}

/**
 * Every report of the year as the index lists it: this build's outcome; for
 * the others, another shard's report (linked: that shard writes it), or, in a
 * build of a few reps (`--rep`), the file as it is on disk, or "not built"
 * when there is none.
 */
async function listEntries(
  planned: readonly PlannedReport[],
  progress: Progress,
  build: { format: Format; yearDir: string; partial: boolean },
): Promise<ReportOutcome[]> {
  return Promise.all(
    planned.map(async (report) => {
      const entry = progress.listed(report, build.format);
      if (!build.partial || progress.built(report) || (await isFile(entry.file))) return entry;
      return { ...entry, status: 'failed' as const, error: new RenderError(said('notBuiltYet')) };
    }),
  );
}

/** A report of this build: what it renders, where it goes, and its inputs as the incremental check sees them. */
interface Job extends ReportJob {
  candidate: Candidate;
}

/**
 * Produces the reports (render → print → write), recording each in the
 * manifest once it is whole on disk and telling its outcome; a long build
 * writes its manifest now and then, so that a build killed midway resumes.
 */
async function writeAll(
  todo: readonly Job[],
  production: Production,
  manifest: Manifest,
  progress: Progress,
  checkpoint: () => Promise<unknown>,
): Promise<void> {
  // No browser: say so (exit 2) before anything is printed. Else it starts while the first charts are drawn.
  if (production.format === 'pdf') {
    await production.session.browserPath();
    production.session.warmUp();
  }
  let last = performance.now();
  for await (const produced of produceReports(todo, production)) {
    if ('error' in produced) {
      progress.settle(produced.job, 'failed', produced.error);
      continue;
    }
    recordWritten(manifest, produced.job.candidate, produced.written);
    progress.settle(produced.job, 'written', undefined, produced.warnings);
    if (performance.now() - last < CHECKPOINT_MS) continue;
    last = performance.now();
    await checkpoint().catch(() => undefined);
  }
  production.timings.launch += production.session.stats.launchMs;
  production.timings.print += production.session.stats.printMs;
}

/** Each report's outcome, told to `onProgress` as it settles. */
interface Progress {
  settle: (job: Job, status: ReportStatus, error?: RevueError, warnings?: readonly Text[]) => void;
  /** The outcome of a job of this build (failed if it never settled). */
  outcomeOf: (job: Job) => ReportOutcome;
  /** A report of the year as the index lists it: this build's outcome, or another shard's report (up to date). */
  listed: (report: PlannedReport, format: Format) => ReportOutcome;
  /** Whether the report is one of this build's. */
  built: (report: PlannedReport) => boolean;
}

function progressOf(jobs: readonly Job[], yearDir: string, onProgress: BuildOptions['onProgress']): Progress {
  const outcomes = new Map<PlannedReport, ReportOutcome>();
  const outcome = (report: PlannedReport, file: string, status: ReportStatus, error?: RevueError): ReportOutcome => ({
    kind: report.kind,
    id: report.id,
    name: report.name,
    file: resolveInside(yearDir, file),
    status,
    ...(error === undefined ? {} : { error }),
  });
  return {
    settle(job, status, error, warnings = []) {
      const settled = {
        ...outcome(job.report, job.file, status, error),
        ...(warnings.length === 0 ? {} : { warnings: [...warnings] }),
      };
      outcomes.set(job.report, settled);
      const done = outcomes.size;
      onProgress?.({
        kind: 'report',
        file: settled.file,
        status,
        ...(error === undefined ? {} : { error }),
        done,
        total: jobs.length,
      });
    },
    outcomeOf: (job) =>
      outcomes.get(job.report) ?? outcome(job.report, job.file, 'failed', new RenderError(said('neverRendered'))),
    listed: (report, format) => outcomes.get(report) ?? outcome(report, `${report.file}.${format}`, 'skipped'),
    built: (report) => outcomes.has(report),
  };
}

/** The caller's session (left open), or one of this build's own (stopped when the build ends). */
function sessionOf(options: BuildOptions): { session: BrowserSession } & AsyncDisposable {
  const given = options.session;
  const session = given ?? browserSession(options);
  return { session, [Symbol.asyncDispose]: () => (given === undefined ? session.close() : Promise.resolve()) };
}

function browserSession(options: BuildOptions): BrowserSession {
  return new BrowserSession({
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.browser === undefined ? {} : { executablePath: options.browser }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}

/** The date stamped in the documents: SOURCE_DATE_EPOCH for a reproducible build, else now. */
function stampOf(options: BuildOptions): Date {
  return options.sourceDateEpoch === undefined ? new Date() : new Date(options.sourceDateEpoch * 1000);
}

function noTimings(): BuildTimings {
  return {
    load: 0,
    validate: 0,
    analyze: 0,
    plan: 0,
    check: 0,
    launch: 0,
    charts: 0,
    html: 0,
    print: 0,
    write: 0,
    index: 0,
  };
}

/** `time(stage, work)`: runs work, adding its duration to the stage. */
function timer(timings: BuildTimings) {
  return async <T>(stage: BuildStage, work: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] += performance.now() - t;
    }
  };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
