/**
 * render → print → write, for the reports of a build that are not up to
 * date. Each report is drawn (its charts, in Node), rendered (its HTML),
 * printed (its PDF, with its metadata) and written (whole, or not at all), in
 * that order; the reports come out as they settle, each with the error that
 * stopped it if one did. One report's failure is its own: the others go on.
 *
 * Charts are drawn a chunk of reports at a time while the browser prints the
 * chunk before, so that the pages never wait for charts and memory holds two
 * chunks' HTML whatever the size of the organisation. The first chunks are
 * small, so that printing starts at once; the browser starts meanwhile.
 *
 * A report is bounded (print-page.ts): its HTML, whatever the format, and its
 * pages. When the build's signal aborts, no report starts any more: those
 * not written come out failed, "interrupted".
 */
import { asRevueError, RenderError, type RevueError } from './errors.js';
import type { BrowserSession } from './print/browser.js';
import { checkSize } from './print/print-page.js';
import { renderCharts } from './render/charts.js';
import type { DocumentStyles, Paper } from './render/document.js';
import type { PlannedReport } from './render/plan.js';
import type { Templates } from './render/templates.js';
import { resolveInside, writeFileAtomic } from './write/atomic.js';
import { said, type Text } from './messages/stage.js';

/**
 * Reports per printing page in a chunk: enough that the pages never wait for
 * the next chunk's charts, few enough that memory holds two chunks' HTML.
 */
const CHUNK_PER_PAGE = 24;

/** A report to produce, and the file it goes to, relative to the year's output folder. */
export interface ReportJob {
  report: PlannedReport;
  file: string;
}

/** What every report of the build is produced with. */
export interface Production {
  templates: Templates;
  styles: DocumentStyles;
  format: 'pdf' | 'html';
  paper: Paper;
  /** Prints the PDFs (unused for HTML). */
  session: BrowserSession;
  /** Stamped in the PDFs: fixed for a reproducible build (SOURCE_DATE_EPOCH), else the build's time. */
  date: Date;
  /** A reproducible build was asked for: a PDF that cannot be made reproducible fails its report. */
  reproducible: boolean;
  yearDir: string;
  /** Pages printing at the same time. */
  concurrency: number;
  /** Milliseconds spent in each stage, summed over the reports. */
  timings: { charts: number; html: number; write: number; launch: number; print: number };
  /** Stops the build: no report starts after it aborts. */
  signal?: AbortSignal | undefined;
}

/** A report done: its bytes as written and what it warned of, or the error that stopped it. */
export type Produced<J extends ReportJob> =
  { job: J; written: string | Uint8Array; warnings: Text[] } | { job: J; error: RevueError };

/** Produces `todo`, yielding each report as it settles (not in order). */
export async function* produceReports<J extends ReportJob>(
  todo: readonly J[],
  production: Production,
): AsyncGenerator<Produced<J>> {
  const settled: Array<Produced<J>> = [];
  let pending = 0;
  let wake: (() => void) | undefined;
  const done = (result: Produced<J>): void => {
    pending--;
    settled.push(result);
    wake?.();
  };
  const interrupted = (): boolean => production.signal?.aborted === true;
  const start = (job: J, charts: Map<string, string> | RevueError): void => {
    pending++;
    const warnings: Text[] = [];
    const produced = interrupted()
      ? Promise.reject<string | Uint8Array>(interruption())
      : charts instanceof Map
        ? produceReport(job, charts, production, warnings)
        : Promise.reject<string | Uint8Array>(charts);
    void produced.then(
      (written) => done({ job, written, warnings }),
      // What was printing when the build was stopped fails as interrupted, not with the browser's last words.
      (error: unknown) => done({ job, error: interrupted() ? interruption() : asRevueError(error) }),
    );
  };

  /** Yields the reports that settle until at most `most` are still being produced. */
  async function* settledUntil(most: number): AsyncGenerator<Produced<J>> {
    for (;;) {
      yield* settled.splice(0);
      if (pending <= most) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }

  const chunks = chunked(todo, production.concurrency, CHUNK_PER_PAGE * production.concurrency);
  let charts = drawChunk(chunks[0], production);
  for (const [i, chunk] of chunks.entries()) {
    const drawn = interrupted() ? [] : await charts;
    chunk.forEach((job, j) => start(job, drawn[j] ?? new RenderError(said('chartsNotDrawn'))));
    // Once the chunk before is done, the next chunk's charts are drawn while this one prints.
    yield* settledUntil(chunk.length);
    charts = drawChunk(interrupted() ? undefined : chunks[i + 1], production);
  }
  yield* settledUntil(0);
}

/** One report whose charts are drawn: render, print, write. */
async function produceReport(
  job: ReportJob,
  charts: Map<string, string>,
  production: Production,
  warnings: Text[],
): Promise<string | Uint8Array> {
  const { templates, styles, timings } = production;
  const view = job.report.view((key) => charts.get(key) ?? '');
  let started = performance.now();
  const html = templates.render(job.report.kind, { ...view, styles: styles.css, logo: styles.logo });
  timings.html += performance.now() - started;
  checkSize(html);

  const written =
    production.format === 'html'
      ? html
      : await production.session.printPdf(html, {
          paper: production.paper,
          title: view.title,
          metadata: {
            author: view.author,
            creator: 'revue',
            date: production.date,
            reproducible: production.reproducible,
            warn: (message) => warnings.push(message),
          },
        });

  started = performance.now();
  await writeFileAtomic(resolveInside(production.yearDir, job.file), written);
  timings.write += performance.now() - started;
  return written;
}

/**
 * The charts of each report of a chunk, one map per report (key → SVG), or
 * the error that stopped its charts: a chart that cannot be drawn fails its
 * own report, not its neighbours'.
 */
async function drawChunk(
  chunk: readonly ReportJob[] | undefined,
  production: Production,
): Promise<Array<Map<string, string> | RevueError>> {
  if (chunk === undefined) return [];
  const started = performance.now();
  const drawn: Array<Map<string, string> | RevueError> = [];
  for (const job of chunk) drawn.push(await drawCharts(job.report).catch(asRevueError));
  production.timings.charts += performance.now() - started;
  return drawn;
}

/** Why a report was not written when the build was stopped. */
export function interruption(): RenderError {
  return new RenderError(said('interruptedReport'), { hint: said('interruptedHint') });
}

/** The charts of one report, by key. */
export async function drawCharts(report: PlannedReport): Promise<Map<string, string>> {
  const entries = Object.entries(report.charts);
  const svgs = await renderCharts(entries.map(([, spec]) => spec));
  return new Map(entries.map(([key], i) => [key, svgs[i] ?? '']));
}

/**
 * `items` in chunks of `first` items, then twice as many each time up to
 * `most`: the pages start printing once the first few reports are drawn, and
 * each chunk is drawn in less time than the one before takes to print.
 */
export function chunked<T>(items: readonly T[], first: number, most: number): T[][] {
  const chunks: T[][] = [];
  let size = Math.max(1, first);
  for (let start = 0; start < items.length; start += size, size = Math.min(size * 2, Math.max(1, most)))
    chunks.push(items.slice(start, start + size));
  return chunks;
}
