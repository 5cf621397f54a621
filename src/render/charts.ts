/**
 * Charts as vectors (SPEC §6): chart.js draws each chart, in Node, on a
 * canvas context that records SVG (svg-context.ts), its text measured with
 * the report's own font (text-metrics.ts). The result is inlined in the
 * report as a standalone `<svg>` whose labels are real text, set in the
 * report's font by the browser that prints it.
 *
 * No browser is involved: the printing page receives static HTML and runs no
 * script at all, and `--html-only` builds need no browser.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { BasicPlatform, Chart, Ticks, registerables, type ChartConfiguration, type Scale } from 'chart.js';
import { RenderError } from '../errors.js';
import { FONT_STACK } from './fonts.js';
import type { ChartSpec } from './chart-specs.js';
import { SvgContext, type MeasureText } from './svg-context.js';
import { textMeasurer } from './text-metrics.js';
import { said } from '../messages/stage.js';

export type { ChartSpec } from './chart-specs.js';

Chart.register(...registerables);

/** First day of each month, counted from 0 on 1 January of a common year. */
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Renders every chart and returns, in order, one `<svg>` string per spec:
 * with a viewBox (it scales to its container), `role="img"` and the spec's
 * `aria-label`. Between charts it lets other work run (the pages printing
 * meanwhile are driven from this process).
 */
export async function renderCharts(specs: readonly ChartSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const measure = await textMeasurer();
  const svgs: string[] = [];
  for (const [index, spec] of specs.entries()) {
    try {
      svgs.push(drawChart(spec, measure));
    } catch (error: unknown) {
      const label = spec.ariaLabel === '' ? `#${index + 1}` : spec.ariaLabel;
      const reason = error instanceof Error ? error.message : String(error);
      throw new RenderError(said('chartNotDrawn', { label, reason }), { cause: error });
    }
    await nextTurn();
  }
  return svgs;
}

function drawChart(spec: ChartSpec, measure: MeasureText): string {
  // Ids from the content: stable from build to build, distinct between charts.
  const idPrefix = `chart-${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 10)}`;
  const context = new SvgContext({ width: spec.width, height: spec.height, measure, idPrefix });
  const config = chartConfig(spec);
  // BasicPlatform: no DOM canvas, no events, no resize observers; it only asks the "canvas" for its context.
  const chart = new Chart(
    { getContext: () => context, width: spec.width, height: spec.height } as unknown as HTMLCanvasElement,
    config,
  );
  try {
    return context.toSvg({ role: 'img', 'aria-label': spec.ariaLabel });
  } finally {
    chart.destroy();
  }
}

/** The spec's configuration as chart.js takes it: one static frame at the spec's size, in the report's font. */
function chartConfig(spec: ChartSpec): ChartConfiguration {
  const options: Record<string, unknown> = structuredClone(spec.config.options);
  options.animation = false;
  options.responsive = false;
  options.maintainAspectRatio = false;
  options.devicePixelRatio = 1;
  // Numbers on the axes in the spec's locale, never in whatever locale this process runs in.
  options.locale ??= 'en-US';
  withFamily(options, spec.config.type);
  withMinusSign(options, spec.config.type);
  const months = spec.monthAxis;
  if (months !== undefined && months.length > 0) {
    const x = child(child(options, 'scales'), 'x');
    x.afterBuildTicks = (scale: Scale) => {
      scale.ticks = MONTH_STARTS.slice(0, months.length).map((value) => ({ value }));
    };
    const ticks = child(x, 'ticks');
    ticks.autoSkip = false;
    ticks.callback = (value: number | string) => months[MONTH_STARTS.indexOf(Number(value))] ?? '';
  }
  return {
    type: spec.config.type,
    data: structuredClone(spec.config.data),
    options,
    platform: BasicPlatform,
  } as unknown as ChartConfiguration;
}

/**
 * The numbers on the value axes (y, and r of a radar) as chart.js formats
 * them in the spec's locale, with a real minus sign (U+2212) instead of
 * Intl's hyphen-minus, as every number of the reports (a scale may go below
 * zero). An axis whose spec sets its own callback keeps it.
 */
function withMinusSign(options: Record<string, unknown>, type: string): void {
  const scales = child(options, 'scales');
  for (const key of type === 'radar' || type === 'polarArea' ? ['r'] : ['y']) {
    const ticks = child(child(scales, key), 'ticks');
    ticks.callback ??= function (this: Scale, value: number | string, index: number, all: Array<{ value: number }>) {
      const text = typeof value === 'number' ? Ticks.formatters.numeric.call(this, value, index, all) : String(value);
      return text.replace(/-/g, '\u2212');
    };
  }
}

/**
 * Sets the report's font family on every text of the chart. chart.js's own
 * default is global to the process (Chart.defaults), which revue leaves as it
 * is: a program that uses revue as a library may draw charts of its own.
 */
function withFamily(options: Record<string, unknown>, type: string): void {
  const plugins = child(options, 'plugins');
  const fonts = [
    child(child(child(plugins, 'legend'), 'labels'), 'font'),
    child(child(plugins, 'title'), 'font'),
    child(child(plugins, 'subtitle'), 'font'),
  ];
  const scales = child(options, 'scales');
  // The scales chart.js makes when the options name none.
  for (const key of type === 'radar' || type === 'polarArea'
    ? ['r']
    : type === 'pie' || type === 'doughnut'
      ? []
      : ['x', 'y'])
    child(scales, key);
  for (const key of Object.keys(scales)) {
    const scale = child(scales, key);
    fonts.push(
      child(child(scale, 'ticks'), 'font'),
      child(child(scale, 'title'), 'font'),
      child(child(scale, 'pointLabels'), 'font'),
    );
  }
  for (const font of fonts) font.family ??= FONT_STACK;
}

/** The object at `parent[key]`, created if missing (the options are a copy of the spec's). */
function child(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}
