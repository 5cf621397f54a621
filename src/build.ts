/**
 * The pipeline, stage after stage (STYLE.md):
 *   load → validate → analyze → plan → (skip what is up to date) → render (html + charts) → print (pdf) → write
 * Only load and write touch the file system, only print touches the browser.
 *
 * Incremental (SPEC §7): each report's inputs are digested (see `inputsDigest`)
 * and compared with the manifest of its output folder (write/manifest.ts); an
 * up-to-date report is neither drawn nor printed, and when every report is up
 * to date the browser is not even started.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { computeFigures, latestYear, utcDay, type Figures } from './analyze/index.js';
import { RevueError, UsageError } from './errors.js';
import { loadWorkspace } from './load/workspace.js';
import type { Dataset, Diagnostic } from './model/dataset.js';
import { didYouMean } from './model/text.js';
import { BrowserSession } from './print/browser.js';
import { fontFaceCss } from './print/fonts.js';
import { setPdfInfo } from './print/pdf-metadata.js';
import { asRevueError, drawChunkCharts, renderReports } from './build/render-reports.js';
import { planReports, reportFingerprint, type PlannedReport, type ViewWithTitle } from './render/plan.js';
import { loadTemplates, type Templates } from './render/templates.js';
import { validateWorkspace } from './validate/validate-workspace.js';
import { writeFileAtomic, resolveInside } from './write/atomic.js';
import { renderIndex } from './write/index-page.js';
import { acquireLock } from './write/lock.js';
import { checkOutputs, inputsDigest, recordWritten, type Candidate, type SharedInputs } from './write/incremental.js';
import { writeManifest } from './write/manifest.js';
import { checkShard, rendersGroups, selectShard, WHOLE, type Shard } from './write/shard.js';

export type { Shard } from './write/shard.js';

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
   * (and shard) to finish, before failing with a RevueError `LOCKED`.
   * Default: 0, fail at once.
   */
  lockTimeout?: number;
  /** The environment to read browser settings from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
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
  /** The index page, when one was written. */
  index: string | null;
  /** The manifest written, when one was. */
  manifest: string | null;
  /** The part of the reports this build rendered. */
  shard: Shard;
  durationMs: number;
  timings: BuildTimings;
}

/** A long build records its progress in the manifest this often, so that a killed build resumes. */
const CHECKPOINT_MS = 30_000;

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const timings: BuildTimings = {
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
  const time = timer(timings);
  const data = options.data ?? 'data';
  const out = options.out ?? 'output';
  const shard = checkShard(options.shard ?? WHOLE);
  const done = (partial: Omit<BuildResult, 'durationMs' | 'timings' | 'shard'>): BuildResult => ({
    ...partial,
    shard,
    durationMs: performance.now() - started,
    timings,
  });

  const workspace = await time('load', () => loadWorkspace(data));
  const validation = await time('validate', () => validateWorkspace(workspace));
  options.onProgress?.({ kind: 'validated', diagnostics: validation.diagnostics });
  if (validation.dataset === undefined)
    return done({
      ok: false,
      year: null,
      diagnostics: validation.diagnostics,
      reports: [],
      index: null,
      manifest: null,
    });
  const dataset = validation.dataset;

  const year = chooseYear(dataset, options.year);
  const asOf =
    options.asOf ?? utcDay(options.sourceDateEpoch === undefined ? Date.now() : options.sourceDateEpoch * 1000);
  const figures = await time('analyze', () => computeFigures(dataset, year, asOf));
  checkReps(figures, options.reps);
  const format = options.htmlOnly === true ? 'html' : 'pdf';
  const tool = await toolVersion();
  const { templates, styles, planned, mine } = await time('plan', async () => {
    const templates = await loadTemplates({
      userDir: options.templates ?? path.join(path.dirname(path.resolve(data)), 'templates'),
    });
    const styles = await documentStyles(dataset, templates);
    const { reports: planned } = planReports(dataset, figures, { reps: options.reps });
    const shared: SharedInputs = {
      tool,
      format,
      paper: paperOf(dataset),
      templates: templates.digest,
      css: styles.css,
      logo: styles.logo,
      epoch: options.sourceDateEpoch ?? null,
    };
    // This shard's reports, each with its output file and the digest of its inputs.
    const mine: Job[] = selectShard(planned, shard).map((report) => ({
      report,
      candidate: {
        kind: report.kind,
        id: report.id,
        file: `${report.file}.${format}`,
        inputs: inputsDigest(shared, reportFingerprint(report)),
      },
    }));
    return { templates, styles, planned, mine };
  });

  const yearDir = path.join(out, String(year));
  await using session = new BrowserSession({
    ...(options.browser === undefined ? {} : { executablePath: options.browser }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  // A first build of PDFs needs the browser: without one, say so (exit 2) before creating anything.
  if (format === 'pdf' && !(await isDirectory(yearDir))) await session.browserPath();
  await using _lock = await acquireLock(
    path.join(yearDir, shard.count === 1 ? '.revue-build.lock' : `.revue-build.${shard.index}-of-${shard.count}.lock`),
    {
      timeoutMs: options.lockTimeout ?? 0,
    },
  );

  // What is up to date is skipped: neither drawn nor printed.
  const organisation = mine.find((job) => job.report.kind === 'organisation');
  const writesIndex = rendersGroups(shard);
  const check = await time('check', () =>
    checkOutputs(
      yearDir,
      shard,
      mine.map((job) => job.candidate),
      {
        tool,
        force: options.force === true,
        partial: options.reps !== undefined && options.reps.length > 0,
        organisationInputs: organisation?.candidate.inputs,
      },
    ),
  );
  const { manifest } = check;
  const outcomes = new Map<PlannedReport, ReportOutcome>();
  const outcomeOf = (job: Job, status: ReportStatus, error?: unknown): ReportOutcome => ({
    kind: job.report.kind,
    id: job.report.id,
    name: job.report.name,
    file: resolveInside(yearDir, job.candidate.file),
    status,
    ...(error === undefined ? {} : { error: asRevueError(error) }),
  });
  const settle = (job: Job, outcome: ReportOutcome): void => {
    outcomes.set(job.report, outcome);
    options.onProgress?.({
      kind: 'report',
      file: outcome.file,
      status: outcome.status,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      done: outcomes.size,
      total: mine.length,
    });
  };
  options.onProgress?.({ kind: 'start', total: mine.length, year });
  for (const job of mine) if (check.upToDate.has(job.candidate.file)) settle(job, outcomeOf(job, 'skipped'));

  const todo = mine.filter((job) => !check.upToDate.has(job.candidate.file));
  // The index shows the organisation's charts: cached in the manifest while that report is up to date.
  let indexCharts = organisation !== undefined && !todo.includes(organisation) ? check.indexCharts : undefined;
  if (todo.length > 0 || (writesIndex && organisation !== undefined && indexCharts === undefined)) {
    // No browser: say so before anything is printed (exit 2).
    if (format === 'pdf') await session.browserPath();
    const date = options.sourceDateEpoch === undefined ? new Date() : new Date(options.sourceDateEpoch * 1000);
    let checkpoint = performance.now();
    await renderReports(todo, {
      concurrency: options.concurrency ?? 2,
      chartTime: (ms) => (timings.charts += ms),
      render: (job, svgs) => {
        if (job === organisation) indexCharts = [...svgs.values()];
        const view = job.report.view((key) => svgs.get(key) ?? '');
        const t = performance.now();
        const html = templates.render(job.report.kind, { ...view, styles: styles.css, logo: styles.logo });
        timings.html += performance.now() - t;
        return { html, view };
      },
      print: (html, view) =>
        format === 'html'
          ? Promise.resolve(html)
          : session.printPdf(html, { paper: paperOf(dataset), title: view.title }),
      write: (job, printed, view) =>
        time('write', async () => {
          const written =
            typeof printed === 'string'
              ? printed
              : setPdfInfo(printed, { title: view.title, author: view.author, creator: 'revue', date });
          await writeFileAtomic(resolveInside(yearDir, job.candidate.file), written);
          // Named in the manifest only once the file is whole on disk.
          recordWritten(manifest, job.candidate, written);
        }),
      settle: (job, error) => settle(job, outcomeOf(job, error === undefined ? 'written' : 'failed', error)),
      afterChunk: async () => {
        // A long build records its progress now and then: a build killed midway resumes there.
        if (performance.now() - checkpoint < CHECKPOINT_MS) return;
        checkpoint = performance.now();
        await writeManifest(yearDir, shard, manifest).catch(() => undefined);
      },
    });
    if (writesIndex && organisation !== undefined && indexCharts === undefined) {
      // The organisation report is up to date, but its charts were not cached: draw them for the index.
      const [drawn] = await time('charts', () => drawChunkCharts([organisation.report]));
      if (drawn instanceof Map) indexCharts = [...drawn.values()];
    }
    const stats = session.stats;
    timings.launch += stats.launchMs;
    timings.print += stats.printMs;
  }

  const reports = mine.map(
    (job) =>
      outcomes.get(job.report) ??
      outcomeOf(job, 'failed', new RevueError('RENDER_FAILED', 'the report was never rendered')),
  );
  let index: string | null = null;
  if (writesIndex) {
    const file = resolveInside(yearDir, 'index.html');
    // Every report of the build, those of the other shards included.
    const listed = planned.map(
      (report): ReportOutcome =>
        outcomes.get(report) ?? {
          kind: report.kind,
          id: report.id,
          name: report.name,
          file: resolveInside(yearDir, `${report.file}.${format}`),
          status: 'skipped',
        },
    );
    await time('index', () =>
      writeFileAtomic(
        file,
        renderIndex({
          dataset,
          figures,
          templates,
          styles: styles.css,
          outcomes: listed,
          yearDir,
          charts: indexCharts ?? [],
        }),
      ),
    );
    if (organisation !== undefined && indexCharts !== undefined)
      manifest.indexCharts = { inputs: organisation.candidate.inputs, svgs: indexCharts };
    index = file;
  }
  const manifestPath = await time('write', () => writeManifest(yearDir, shard, manifest));
  return done({ ok: true, year, diagnostics: validation.diagnostics, reports, index, manifest: manifestPath });
}

/** A report of this build, with what the incremental check knows of it. */
interface Job {
  report: PlannedReport;
  candidate: Candidate;
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

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

let version: Promise<string> | undefined;

/** revue's version (package.json): part of every report's inputs. */
function toolVersion(): Promise<string> {
  version ??= readFile(new URL('../package.json', import.meta.url), 'utf8').then((text) => {
    const value: unknown = JSON.parse(text);
    const found = typeof value === 'object' && value !== null ? Reflect.get(value, 'version') : undefined;
    return typeof found === 'string' ? found : 'unknown';
  });
  return version;
}

/** The year asked for, or the latest year folder (SPEC §6); a UsageError when there is none. */
export function chooseYear(dataset: Dataset, wanted: number | undefined): number {
  if (wanted === undefined) {
    const latest = latestYear(dataset);
    if (latest === null)
      throw new UsageError('the workspace has no year folder yet', {
        hint: 'create a folder such as data/2026 with one file per rep',
      });
    return latest;
  }
  if (!dataset.years.includes(wanted))
    throw new UsageError(`no data for ${wanted}`, { hint: `years in the workspace: ${dataset.years.join(', ')}` });
  return wanted;
}

function checkReps(figures: Figures, reps: readonly string[] | undefined): void {
  const known = figures.reps.map((r) => r.id);
  for (const id of reps ?? []) {
    if (!known.includes(id))
      throw new UsageError(`no rep "${id}" in ${figures.year}`, {
        hint: didYouMean(id, known) ?? `reps: ${known.join(', ')}`,
      });
  }
}

function paperOf(dataset: Dataset): 'A4' | 'Letter' {
  return dataset.framework.report?.paper ?? (dataset.framework.locale === 'fr' ? 'A4' : 'Letter');
}

interface DocumentStyles {
  css: string;
  logo: string | null;
}

/** The fonts, the accent colour and the stylesheet, all inline: the page loads nothing. */
async function documentStyles(dataset: Dataset, templates: Templates): Promise<DocumentStyles> {
  const accent = dataset.framework.report?.accent ?? '#0b5cad';
  const css = [await fontFaceCss(), `:root { --accent: ${accent}; }`, templates.stylesheet].join('\n');
  const logoName = dataset.framework.report?.logo;
  const logo = logoName === undefined ? null : await logoDataUrl(path.join(dataset.root, logoName));
  return { css, logo };
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

async function logoDataUrl(file: string): Promise<string> {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (type === undefined)
    throw new UsageError(`the logo ${file} is not an image revue can embed`, {
      hint: `use one of: ${Object.keys(IMAGE_TYPES).join(', ')}`,
    });
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
}
