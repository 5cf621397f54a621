/**
 * The code that runs inside the chart page (render/charts.ts), next to the
 * chart.js UMD bundle and svgcanvas. puppeteer sends `drawCharts` as source
 * text, so it must use nothing from this module's scope: its helpers and types
 * live inside it.
 */

/** A chart as the page receives it: plain JSON. */
export interface PageChartSpec {
  width: number;
  height: number;
  config: { type: string; data: object; options?: object };
  ariaLabel: string;
  /** Month names to put at each month's first day on a day-of-year x axis (0 = 1 January). */
  monthAxis?: readonly string[];
  /** Prefix for the SVG's ids, unique to the chart, so several charts can share one HTML document. */
  idPrefix: string;
}

export type PageChartResult = { svg: string } | { error: string };

/** Draws every chart with chart.js on an SVG context and returns each as a standalone `<svg>`. */
export async function drawCharts(specs: readonly PageChartSpec[], fontFamily: string): Promise<PageChartResult[]> {
  interface ChartInstance {
    destroy(): void;
  }
  interface ChartConstructor {
    new (item: object, config: object): ChartInstance;
    defaults: { font: { family: string } };
    BasicPlatform: unknown;
  }
  interface SvgContext {
    getSvg(): SVGSVGElement;
  }
  interface SvgCanvasModule {
    Context: new (options: { width: number; height: number }) => SvgContext;
  }
  interface Tick {
    value: number;
  }

  const isChart = (value: unknown): value is ChartConstructor =>
    typeof value === 'function' && 'defaults' in value && 'BasicPlatform' in value;
  const isSvgCanvas = (value: unknown): value is SvgCanvasModule =>
    typeof value === 'object' && value !== null && 'Context' in value && typeof value.Context === 'function';

  const Chart: unknown = Reflect.get(window, 'Chart');
  const svgcanvas: unknown = Reflect.get(window, 'svgcanvas');
  if (!isChart(Chart)) throw new Error('chart.js did not load in the chart page');
  if (!isSvgCanvas(svgcanvas)) throw new Error('svgcanvas did not load in the chart page');

  // Text is measured on a real canvas: the report's font must be there first.
  await Promise.all(['400', '600', '700'].map((weight) => document.fonts.load(`${weight} 12px ${fontFamily}`)));
  Chart.defaults.font.family = fontFamily;

  /** The object at `parent[key]`, copied so it can be changed, created if missing. */
  const child = (parent: Record<string, unknown>, key: string): Record<string, unknown> => {
    const value = parent[key];
    const copy: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
    parent[key] = copy;
    return copy;
  };

  // First day of each month, counted from 0 on 1 January of a common year.
  const monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  // Not `d`: svgcanvas draws a full circle as an arc ending 1/1000 rad short, which rounding would close into nothing.
  const rounded = ['x', 'y', 'transform'];

  const draw = (spec: PageChartSpec): string => {
    const options: Record<string, unknown> = { ...spec.config.options };
    // One static frame at the spec's size, drawn at once.
    options.animation = false;
    options.responsive = false;
    options.maintainAspectRatio = false;
    options.devicePixelRatio = 1;
    const months = spec.monthAxis;
    if (months !== undefined && months.length > 0) {
      const x = child(child(options, 'scales'), 'x');
      x.afterBuildTicks = (scale: { ticks: Tick[] }) => {
        scale.ticks = monthStarts.slice(0, months.length).map((value) => ({ value }));
      };
      const ticks = child(x, 'ticks');
      ticks.autoSkip = false;
      ticks.callback = (value: number | string) => months[monthStarts.indexOf(Number(value))] ?? '';
    }

    const context = new svgcanvas.Context({ width: spec.width, height: spec.height });
    // BasicPlatform: no DOM canvas, no events, no resize observers; it only asks the "canvas" for its context.
    const chart = new Chart({ getContext: () => context }, { ...spec.config, options, platform: Chart.BasicPlatform });
    try {
      const svg = context.getSvg();
      tidy(svg, spec.idPrefix);
      svg.setAttribute('viewBox', `0 0 ${spec.width} ${spec.height}`);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', spec.ariaLabel);
      svg.removeAttribute('version');
      return new XMLSerializer().serializeToString(svg);
    } finally {
      chart.destroy();
    }
  };

  /** Stable ids (svgcanvas makes random ones), no attributes it left `undefined`, text positions to 1/1000 px. */
  const tidy = (svg: SVGSVGElement, prefix: string): void => {
    const elements = [svg, ...Array.from(svg.querySelectorAll('*'))];
    const ids = new Map<string, string>();
    for (const element of elements) {
      const id = element.getAttribute('id');
      if (id !== null) {
        const next = `${prefix}-${ids.size + 1}`;
        ids.set(id, next);
        element.setAttribute('id', next);
      }
    }
    for (const element of elements) {
      for (const attribute of Array.from(element.attributes)) {
        let value = attribute.value;
        if (value === 'undefined') {
          element.removeAttributeNode(attribute);
          continue;
        }
        value = value.replace(/url\(#([^)]+)\)/g, (whole, id: string) => {
          const next = ids.get(id);
          return next === undefined ? whole : `url(#${next})`;
        });
        if (attribute.localName === 'href' && value.startsWith('#')) value = `#${ids.get(value.slice(1)) ?? value.slice(1)}`;
        if (rounded.includes(attribute.localName)) {
          value = value.replace(/-?\d+\.\d{4,}/g, (number) => String(Math.round(Number(number) * 1000) / 1000));
        }
        if (value !== attribute.value) attribute.value = value;
      }
    }
  };

  return specs.map((spec) => {
    try {
      return { svg: draw(spec) };
    } catch (error: unknown) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}
