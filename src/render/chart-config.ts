/**
 * A chart spec as chart.js takes it (render/charts.ts draws it): one static
 * frame at the spec's size, in the report's font, with the spec's locale, a
 * real minus sign on the value axes and, on a day-of-year axis, the months.
 */
import { createHash } from 'node:crypto';
import { BasicPlatform, Chart, Ticks, registerables, type ChartConfiguration, type Scale } from 'chart.js';
import { FONT_STACK } from './fonts.js';
import type { ChartSpec } from './chart-specs.js';
import type { SvgContext } from './svg-context.js';

Chart.register(...registerables);

/** First day of each month, counted from 0 on 1 January of a common year. */
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The prefix of a chart's ids, from its content: stable from build to build, distinct between charts. */
export function idPrefixOf(spec: ChartSpec): string {
  return `chart-${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 10)}`;
}

/**
 * The "canvas" chart.js draws on: it only asks it for its context and its
 * size (BasicPlatform: no DOM, no events, no resize observers).
 */
function canvasFor(context: SvgContext): HTMLCanvasElement {
  const { width, height } = context.canvas;
  return { getContext: () => context, width, height } as unknown as HTMLCanvasElement;
}

/** One static frame at the canvas's own size: every chart that draws part of a chart's SVG draws with these. */
export const STATIC_FRAME = { animation: false, responsive: false, maintainAspectRatio: false, devicePixelRatio: 1 };

/** The attributes of a chart's `<svg>`. */
export function svgAttributes(spec: ChartSpec): Record<string, string> {
  return { role: 'img', 'aria-label': spec.ariaLabel };
}

/**
 * Draws `config` on `context` with chart.js, reads what `read` needs of the
 * chart and of the context, and lets the chart go (which clears the canvas:
 * what is drawn must be read in `read`).
 */
export function drawnWith<T>(context: SvgContext, config: ChartConfiguration, read: (chart: Chart) => T): T {
  const chart = new Chart(canvasFor(context), config);
  try {
    return read(chart);
  } finally {
    chart.destroy();
  }
}

/** The spec's configuration as chart.js takes it: one static frame at the spec's size, in the report's font. */
export function chartConfig(spec: ChartSpec): ChartConfiguration {
  const options: Record<string, unknown> = structuredClone(spec.config.options);
  Object.assign(options, STATIC_FRAME);
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
export function child(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}
