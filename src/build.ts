/**
 * The pipeline, stage after stage (STYLE.md):
 *   load → validate → analyze → render (html + charts) → print (pdf) → write
 * Only load and write touch the file system, only print touches the browser.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { computeFigures, latestYear, type Figures } from './analyze/index.js';
import { RevueError, UsageError } from './errors.js';
import { loadWorkspace } from './load/workspace.js';
import type { Dataset, Diagnostic } from './model/dataset.js';
import { didYouMean } from './model/text.js';
import { BrowserSession } from './print/browser.js';
import { fontFaceCss } from './print/fonts.js';
import { setPdfInfo } from './print/pdf-metadata.js';
import { renderCharts } from './render/charts.js';
import type { ChartSpec } from './render/chart-specs.js';
import { planReports, type PlannedReport } from './render/plan.js';
import { loadTemplates, type Templates } from './render/templates.js';
import { validateWorkspace } from './validate/validate-workspace.js';
import { writeFileAtomic, resolveInside } from './write/atomic.js';
import { renderIndex } from './write/index-page.js';

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
  /** The environment to read browser settings from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** Told of each step, for a progress bar. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'validated'; diagnostics: readonly Diagnostic[] }
  | { kind: 'start'; total: number; year: number }
  | { kind: 'report'; file: string; status: 'written' | 'failed'; error?: RevueError; done: number; total: number };

export interface ReportOutcome {
  kind: PlannedReport['kind'];
  id: string;
  name: string;
  /** The file written (or that would have been), relative to the current folder. */
  file: string;
  status: 'written' | 'failed';
  error?: RevueError;
}

export interface BuildResult {
  /** False when the data is invalid: nothing was written. */
  ok: boolean;
  year: number | null;
  diagnostics: Diagnostic[];
  reports: ReportOutcome[];
  /** The index page, when one was written. */
  index: string | null;
  durationMs: number;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const data = options.data ?? 'data';
  const out = options.out ?? 'output';
  const done = (partial: Omit<BuildResult, 'durationMs'>): BuildResult => ({ ...partial, durationMs: performance.now() - started });

  const validation = validateWorkspace(await loadWorkspace(data));
  options.onProgress?.({ kind: 'validated', diagnostics: validation.diagnostics });
  if (validation.dataset === undefined) return done({ ok: false, year: null, diagnostics: validation.diagnostics, reports: [], index: null });
  const dataset = validation.dataset;

  const year = chooseYear(dataset, options.year);
  const figures = computeFigures(dataset, year);
  checkReps(figures, options.reps);
  const templates = await loadTemplates({ userDir: options.templates ?? path.join(path.dirname(path.resolve(data)), 'templates') });
  const { reports } = planReports(dataset, figures, { reps: options.reps });
  const yearDir = path.join(out, String(year));
  const date = options.sourceDateEpoch === undefined ? new Date() : new Date(options.sourceDateEpoch * 1000);
  const styles = await documentStyles(dataset, templates);
  const format = options.htmlOnly === true ? 'html' : 'pdf';

  await using session = new BrowserSession({
    ...(options.browser === undefined ? {} : { executablePath: options.browser }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  await session.browserPath();

  options.onProgress?.({ kind: 'start', total: reports.length, year });
  const svgs = await drawAllCharts(session, reports);
  const outcomes: ReportOutcome[] = [];
  let finished = 0;
  await Promise.all(
    reports.map(async (report, index): Promise<void> => {
      const file = resolveInside(yearDir, `${report.file}.${format}`);
      const outcome: ReportOutcome = { kind: report.kind, id: report.id, name: report.name, file, status: 'written' };
      try {
        const view = report.view((key) => svgs[index]?.get(key) ?? '');
        const html = templates.render(report.kind, { ...view, styles: styles.css, logo: styles.logo });
        if (format === 'html') {
          await writeFileAtomic(file, html);
        } else {
          const pdf = await session.printPdf(html, { paper: paperOf(dataset), title: view.title });
          await writeFileAtomic(file, setPdfInfo(pdf, { title: view.title, author: view.author, creator: 'revue', date }));
        }
      } catch (error: unknown) {
        outcome.status = 'failed';
        outcome.error = error instanceof RevueError ? error : new RevueError('RENDER_FAILED', error instanceof Error ? error.message : String(error), { cause: error });
      }
      outcomes[index] = outcome;
      finished++;
      options.onProgress?.({ kind: 'report', file, status: outcome.status, ...(outcome.error === undefined ? {} : { error: outcome.error }), done: finished, total: reports.length });
    }),
  );

  const index = resolveInside(yearDir, 'index.html');
  const organisationIndex = reports.findIndex((r) => r.kind === 'organisation');
  const charts = [...(svgs[organisationIndex]?.values() ?? [])];
  await writeFileAtomic(index, renderIndex({ dataset, figures, templates, styles: styles.css, outcomes, yearDir, charts }));
  return done({ ok: true, year, diagnostics: validation.diagnostics, reports: outcomes, index });
}

function chooseYear(dataset: Dataset, wanted: number | undefined): number {
  const latest = latestYear(dataset);
  if (wanted === undefined) {
    if (latest === null) throw new UsageError('the workspace has no year folder yet', { hint: 'create a folder such as data/2026 with one file per rep' });
    return wanted ?? latest;
  }
  if (!dataset.years.includes(wanted)) throw new UsageError(`no data for ${wanted}`, { hint: `years in the workspace: ${dataset.years.join(', ')}` });
  return wanted;
}

function checkReps(figures: Figures, reps: readonly string[] | undefined): void {
  const known = figures.reps.map((r) => r.id);
  for (const id of reps ?? []) {
    if (!known.includes(id)) throw new UsageError(`no rep "${id}" in ${figures.year}`, { hint: didYouMean(id, known) ?? `reps: ${known.join(', ')}` });
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

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.webp': 'image/webp' };

async function logoDataUrl(file: string): Promise<string> {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (type === undefined) throw new UsageError(`the logo ${file} is not an image revue can embed`, { hint: `use one of: ${Object.keys(IMAGE_TYPES).join(', ')}` });
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
}

/** Every chart of every report in one batch: one page, once per build. */
async function drawAllCharts(session: BrowserSession, reports: readonly PlannedReport[]): Promise<Array<Map<string, string>>> {
  const specs: ChartSpec[] = [];
  const owners: Array<{ report: number; key: string }> = [];
  reports.forEach((report, index) => {
    for (const [key, spec] of Object.entries(report.charts)) {
      specs.push(spec);
      owners.push({ report: index, key });
    }
  });
  const svgs = await renderCharts(session, specs);
  const maps = reports.map(() => new Map<string, string>());
  owners.forEach((owner, i) => maps[owner.report]?.set(owner.key, svgs[i] ?? ''));
  return maps;
}
