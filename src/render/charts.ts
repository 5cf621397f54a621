/**
 * Charts as vectors (SPEC §6): chart.js draws each chart, in Node, on a
 * canvas context that records SVG (svg-context.ts), its text measured with
 * the report's own font (text-metrics.ts). The result is inlined in the
 * report as a standalone `<svg>` whose labels are real text, set in the
 * report's font by the browser that prints it.
 *
 * No browser is involved: the printing page receives static HTML and runs no
 * script at all, and `--html-only` builds need no browser.
 *
 * A report's small multiples (charts with a fixed frame, ChartSpec.fixedFrame)
 * are drawn together, over frames drawn once (small-multiples.ts); every
 * other chart, and any the shared pass cannot draw, is drawn on its own.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { RenderError } from '../errors.js';
import type { ChartSpec } from './chart-specs.js';
import { chartConfig, drawnWith, idPrefixOf, svgAttributes } from './chart-config.js';
import { drawSmallMultiples } from './small-multiples.js';
import { SvgContext, type MeasureText } from './svg-context.js';
import { textMeasurer } from './text-metrics.js';
import { said } from '../messages/stage.js';

export type { ChartSpec } from './chart-specs.js';

/**
 * Renders every chart and returns, in order, one `<svg>` string per spec:
 * with a viewBox (it scales to its container), `role="img"` and the spec's
 * `aria-label`. Between charts it lets other work run (the pages printing
 * meanwhile are driven from this process).
 */
export async function renderCharts(specs: readonly ChartSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const measure = await textMeasurer();
  const svgs = drawSmallMultiples(specs, measure);
  if (svgs.some((svg) => svg !== undefined)) await nextTurn();
  for (const [index, spec] of specs.entries()) {
    if (svgs[index] !== undefined) continue;
    try {
      svgs[index] = drawChart(spec, measure);
    } catch (error: unknown) {
      const label = spec.ariaLabel === '' ? `#${index + 1}` : spec.ariaLabel;
      const reason = error instanceof Error ? error.message : String(error);
      throw new RenderError(said('chartNotDrawn', { label, reason }), { cause: error });
    }
    await nextTurn();
  }
  return svgs.map((svg) => svg ?? '');
}

/** One chart, drawn on its own: the reference every other way of drawing it must match byte for byte. */
export function drawChart(spec: ChartSpec, measure: MeasureText): string {
  const context = new SvgContext({ width: spec.width, height: spec.height, measure, idPrefix: idPrefixOf(spec) });
  return drawnWith(context, chartConfig(spec), () => context.toSvg(svgAttributes(spec)));
}
