/**
 * The render → print → write part of a build, for the reports that are not
 * up to date: charts drawn in batches, one per page at a time, the HTML
 * rendered and queued for printing, each PDF written as it comes.
 */
import { RevueError } from '../errors.js';
import type { BrowserSession } from '../print/browser.js';
import { renderCharts } from '../render/charts.js';
import type { PlannedReport, ViewWithTitle } from '../render/plan.js';

/**
 * Reports a page draws the charts of in one batch (about 8 charts a rep: one
 * batch of under 200, charts.ts's batch size), then prints. Larger chunks save
 * batch set-ups (~0.2 s each); smaller ones hold less in memory.
 */
const CHUNK_PER_PAGE = 24;

export interface RenderSteps<J extends { report: PlannedReport }> {
  session: BrowserSession;
  concurrency: number;
  /** The HTML of a report, its charts drawn. */
  render: (job: J, svgs: Map<string, string>) => { html: string; view: ViewWithTitle };
  /** Queues the print (the pages take jobs in call order). */
  print: (html: string, view: ViewWithTitle) => Promise<string | Uint8Array>;
  write: (job: J, printed: string | Uint8Array, view: ViewWithTitle) => Promise<void>;
  /** Told once per report, with the error that stopped it if one did. */
  settle: (job: J, error?: unknown) => void;
  afterChunk: () => Promise<void>;
}

/**
 * Draws, prints and writes the reports, a chunk at a time: the charts of a
 * chunk, drawn on every page at once, then its prints; the next chunk's
 * charts queue up behind those prints, so the pages never wait, and memory
 * holds two chunks whatever the size of the organisation. One report's
 * failure is its own: the others go on.
 */
export async function renderReports<J extends { report: PlannedReport }>(todo: readonly J[], steps: RenderSteps<J>): Promise<void> {
  const chunks = chunked(todo, CHUNK_PER_PAGE * steps.concurrency);
  const drawChunk = (chunk: readonly J[] | undefined) =>
    chunk === undefined
      ? undefined
      : drawChunkCharts(
          steps.session,
          chunk.map((job) => job.report),
          steps.concurrency,
        );
  const pending: Array<Promise<void>> = [];
  let charts = drawChunk(chunks[0]);
  for (const [i, chunk] of chunks.entries()) {
    const drawn = (await charts) ?? [];
    for (const [j, job] of chunk.entries()) {
      const svgs = drawn[j];
      if (svgs instanceof Error || svgs === undefined) {
        steps.settle(job, svgs ?? new RevueError('RENDER_FAILED', 'the charts were not drawn'));
        continue;
      }
      let printed: Promise<{ bytes: string | Uint8Array; view: ViewWithTitle }>;
      try {
        const { html, view } = steps.render(job, svgs);
        printed = steps.print(html, view).then((bytes) => ({ bytes, view }));
      } catch (error: unknown) {
        printed = Promise.reject(error);
      }
      pending.push(
        printed
          .then(({ bytes, view }) => steps.write(job, bytes, view))
          .then(
            () => steps.settle(job),
            (error: unknown) => steps.settle(job, error),
          ),
      );
    }
    charts = drawChunk(chunks[i + 1]);
    await steps.afterChunk();
  }
  await Promise.all(pending);
}

/**
 * The charts of a chunk of reports, one map per report (or the error that
 * stopped its charts), the chunk's charts split over `pages` pages.
 */
export async function drawChunkCharts(session: BrowserSession, reports: readonly PlannedReport[], pages: number): Promise<Array<Map<string, string> | Error>> {
  const parts = chunked(reports, Math.ceil(reports.length / Math.max(1, pages)));
  const drawn = await Promise.all(
    parts.map(async (part) => {
      try {
        return await drawCharts(session, part);
      } catch (error: unknown) {
        // No browser, or one that will not start: the build stops (as the command line says, exit 2).
        if (error instanceof RevueError && (error.code === 'BROWSER_NOT_FOUND' || error.code === 'BROWSER_FAILED')) throw error;
        // One chart that cannot be drawn fails its report, not its neighbours': draw them one by one.
        return Promise.all(part.map((report) => drawCharts(session, [report]).then((maps) => maps[0] ?? new Map<string, string>(), (e: unknown) => asRevueError(e))));
      }
    }),
  );
  return drawn.flat();
}

/** Every chart of the reports in one batch. */
async function drawCharts(session: BrowserSession, reports: readonly PlannedReport[]): Promise<Array<Map<string, string>>> {
  const entries = reports.flatMap((report, index) => Object.entries(report.charts).map(([key, spec]) => ({ index, key, spec })));
  const svgs = await renderCharts(
    session,
    entries.map((entry) => entry.spec),
  );
  const maps = reports.map(() => new Map<string, string>());
  entries.forEach((entry, i) => maps[entry.index]?.set(entry.key, svgs[i] ?? ''));
  return maps;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += Math.max(1, size)) chunks.push(items.slice(start, start + Math.max(1, size)));
  return chunks;
}

export function asRevueError(error: unknown): RevueError {
  return error instanceof RevueError ? error : new RevueError('RENDER_FAILED', error instanceof Error ? error.message : String(error), { cause: error });
}

