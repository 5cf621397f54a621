/**
 * Charts as vectors (SPEC §6): chart.js draws each chart on an SVG context
 * (svgcanvas) inside a browser page (one per batch of charts), and the result is inlined in the report
 * as a standalone `<svg>` whose labels are real text, set in the report's font.
 *
 * The chart page runs the package's own scripts (chart.js, svgcanvas) but
 * reaches nothing: every request it makes is aborted. The data only ever
 * enters it as JSON arguments and leaves it as escaped SVG text.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RevueError, isRevueError } from '../errors.js';
import type { BrowserSession } from '../print/browser.js';
import { FONT_STACK, fontFaceCss } from '../print/fonts.js';
import { drawCharts, type PageChartSpec } from './chart-runtime.js';
import type { ChartSpec } from './chart-specs.js';

export type { ChartSpec } from './chart-specs.js';

const require = createRequire(import.meta.url);

interface Runtime {
  chartJs: string;
  svgCanvas: string;
  page: string;
}

let runtime: Promise<Runtime> | undefined;

function loadRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    // chart.js exports no path to its UMD bundle: it sits next to the CommonJS entry.
    const chartJsFile = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
    // svgcanvas ships CommonJS (dist/svgcanvas.js) and an ES module; a classic
    // script runs synchronously when injected, so wrap the CommonJS build.
    const svgCanvasFile = require.resolve('svgcanvas/dist/svgcanvas.js');
    const [chartJs, svgCanvasCjs, fonts] = await Promise.all([
      readFile(chartJsFile, 'utf8'),
      readFile(svgCanvasFile, 'utf8'),
      fontFaceCss(),
    ]);
    return {
      chartJs,
      svgCanvas: `(function () {\nvar exports = {};\n${svgCanvasCjs}\nwindow.svgcanvas = exports;\n})();`,
      page: `<!doctype html><html><head><meta charset="utf-8"><style>${fonts}</style></head><body></body></html>`,
    };
  })().catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

/**
 * Charts drawn per page. One page per batch keeps a whole organisation's
 * charts (thousands) from piling up in one page's memory or one protocol
 * call's time limit, and lets batches use the session's pool in parallel.
 */
const BATCH_SIZE = 200;

/**
 * Renders every chart and returns, in order, one `<svg>` string per spec:
 * with a viewBox (it scales to its container), `role="img"` and the spec's
 * `aria-label`. Each batch of charts is drawn in one page, in one evaluation.
 */
export async function renderCharts(session: BrowserSession, specs: readonly ChartSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const batches: ChartSpec[][] = [];
  for (let start = 0; start < specs.length; start += BATCH_SIZE) batches.push(specs.slice(start, start + BATCH_SIZE));
  const drawn = await Promise.all(batches.map((batch) => renderBatch(session, batch)));
  return drawn.flat();
}

async function renderBatch(session: BrowserSession, specs: readonly ChartSpec[]): Promise<string[]> {
  const { chartJs, svgCanvas, page: html } = await loadRuntime();
  const pageSpecs = specs.map(toPageSpec);
  const results = await session
    .withScriptPage(async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      // chart.js strokes lines through a Path2D when there is one, which an
      // SVG context cannot follow: take it away before chart.js loads.
      await page.addScriptTag({ content: 'delete window.Path2D;' });
      await page.addScriptTag({ content: chartJs });
      await page.addScriptTag({ content: svgCanvas });
      return await page.evaluate(drawCharts, pageSpecs, FONT_STACK);
    })
    .catch((error: unknown) => {
      // No browser (exit 2) or one that won't start stays what it is.
      if (isRevueError(error)) throw error;
      throw new RevueError('RENDER_FAILED', `Drawing the charts failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    });
  return results.map((result, index) => {
    if ('svg' in result) return result.svg;
    const label = specs[index]?.ariaLabel ?? `#${index + 1}`;
    throw new RevueError('RENDER_FAILED', `The chart "${label}" could not be drawn: ${result.error}`);
  });
}

function toPageSpec(spec: ChartSpec): PageChartSpec {
  // Ids from the content: stable from build to build, distinct between charts.
  const idPrefix = `chart-${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 10)}`;
  return {
    width: spec.width,
    height: spec.height,
    config: spec.config,
    ariaLabel: spec.ariaLabel,
    ...(spec.monthAxis === undefined ? {} : { monthAxis: spec.monthAxis }),
    idPrefix,
  };
}
