/**
 * The render → print → write part of a build, for the reports that are not
 * up to date: charts drawn a chunk of reports at a time (in Node, while the
 * browser prints the chunk before), the HTML rendered and queued for
 * printing, each PDF written as it comes.
 */
import { RevueError } from '../errors.js';
import { renderCharts } from '../render/charts.js';
import type { PlannedReport, ViewWithTitle } from '../render/plan.js';

/**
 * Reports per printing page in a chunk: enough that the pages never wait for
 * the next chunk's charts, few enough that memory holds two chunks' HTML.
 */
const CHUNK_PER_PAGE = 24;

export interface RenderSteps<J extends { report: PlannedReport }> {
  /** Pages printing at the same time. */
  concurrency: number;
  /** Told the milliseconds spent drawing each chunk's charts. */
  chartTime?: (ms: number) => void;
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
export async function renderReports<J extends { report: PlannedReport }>(
  todo: readonly J[],
  steps: RenderSteps<J>,
): Promise<void> {
  const chunks = chunked(todo, CHUNK_PER_PAGE * steps.concurrency);
  const drawChunk = async (chunk: readonly J[] | undefined) => {
    if (chunk === undefined) return undefined;
    const started = performance.now();
    const drawn = await drawChunkCharts(chunk.map((job) => job.report));
    steps.chartTime?.(performance.now() - started);
    return drawn;
  };
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
 * The charts of a chunk of reports, one map per report, or the error that
 * stopped its charts: a chart that cannot be drawn fails its own report, not
 * its neighbours'.
 */
export async function drawChunkCharts(reports: readonly PlannedReport[]): Promise<Array<Map<string, string> | Error>> {
  const drawn: Array<Map<string, string> | Error> = [];
  for (const report of reports) {
    try {
      const entries = Object.entries(report.charts);
      const svgs = await renderCharts(entries.map(([, spec]) => spec));
      drawn.push(new Map(entries.map(([key], i) => [key, svgs[i] ?? ''])));
    } catch (error: unknown) {
      drawn.push(asRevueError(error));
    }
  }
  return drawn;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += Math.max(1, size))
    chunks.push(items.slice(start, start + Math.max(1, size)));
  return chunks;
}

export function asRevueError(error: unknown): RevueError {
  return error instanceof RevueError
    ? error
    : new RevueError('RENDER_FAILED', error instanceof Error ? error.message : String(error), { cause: error });
}
