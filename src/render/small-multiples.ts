/**
 * A report's small multiples, drawn together. A rep's report shows one
 * progression chart per competency: the same size, the same scales and the
 * same months, each with its own title and its own few points. Drawn one by
 * one, chart.js lays out and draws the same axes and grid for each, which is
 * most of its work (some 2 ms a chart, and a build draws thousands).
 *
 * A chart whose spec says its frame is fixed (`ChartSpec.fixedFrame`) is
 * drawn in two layers, both by chart.js:
 * - its frame (title, axes, grid, labels): the chart drawn without its
 *   datasets, once per process for each frame (a competency's title, the
 *   year's months, the scale) and kept;
 * - its datasets: the report's charts that share their size, scales and
 *   chart area are drawn as one chart.js chart with every scale hidden and
 *   that chart area, each dataset's drawing routed to its own chart.
 *
 * Each SVG is, byte for byte, the one `drawChart` makes for the chart alone
 * (test/unit/small-multiples.test.ts checks it on every chart of the example
 * and of a synthetic organisation). Where this pass cannot be sure of it
 * (a scale of the datasets' chart that does not put values where the
 * frame's does, something drawn outside a dataset, a clip, an error) it
 * draws nothing, and the chart is drawn alone.
 */
import { BasicPlatform, type Chart, type ChartArea, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartSpec } from './chart-specs.js';
import { chartConfig, child, drawnWith, idPrefixOf, STATIC_FRAME, svgAttributes } from './chart-config.js';
import { SvgContext, svgElement, type MeasureText } from './svg-context.js';

/** Stands for the chart's id prefix in a kept frame: `<` is never left as it is in an attribute or a text. */
const FRAME_IDS = '<frame>';

/** Frames kept, the most recently used last: a build uses one per competency and year. */
const MAX_FRAMES = 128;

type Area = Pick<ChartArea, 'left' | 'top' | 'right' | 'bottom'>;

/** A chart's frame as drawn without its datasets: each definition and element split where the id prefix goes. */
interface Frame {
  area: Area;
  /** Where each scale puts its values (`geometryOf`): the chart of the datasets must put them at the same places. */
  geometry: string;
  defs: string[][];
  body: string[][];
}

interface Member {
  index: number;
  spec: ChartSpec;
  frame: Frame;
  /** The options of the chart that draws its datasets (`datasetOptions`). */
  options: Record<string, unknown>;
}

const frames = new Map<string, Frame>();

/**
 * The SVG of each chart of `specs` with a fixed frame that could be drawn
 * with others (or alone) over its kept frame, at its index; `undefined` for
 * every other chart.
 */
export function drawSmallMultiples(specs: readonly ChartSpec[], measure: MeasureText): Array<string | undefined> {
  const svgs = specs.map((): string | undefined => undefined);
  const groups = new Map<string, Member[]>();
  for (const [index, spec] of specs.entries()) {
    if (spec.fixedFrame !== true) continue;
    const frame = frameOf(spec, measure);
    if (frame === undefined) continue;
    const options = datasetOptions(spec, frame.area);
    const key = JSON.stringify([spec.config.type, spec.width, spec.height, spec.config.data.labels, options]);
    const member = { index, spec, frame, options };
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [member]);
    else group.push(member);
  }
  for (const group of groups.values()) {
    const drawn = drawTogether(group, measure);
    if (drawn !== undefined) group.forEach((member, i) => (svgs[member.index] = drawn[i]));
  }
  return svgs;
}

/** The chart's frame, drawn on first use and kept; `undefined` if chart.js cannot draw it (drawn alone, it says why). */
function frameOf(spec: ChartSpec, measure: MeasureText): Frame | undefined {
  const { type, options, data } = spec.config;
  // Everything the frame shows but the datasets: their labels are the axis's (a category or radial scale).
  const key = JSON.stringify([type, spec.width, spec.height, spec.monthAxis, data.labels, options]);
  const kept = frames.get(key);
  if (kept !== undefined) {
    // The most recently used goes last, the least recently used first out.
    frames.delete(key);
    frames.set(key, kept);
    return kept;
  }
  const bare: ChartSpec = { ...spec, config: { ...spec.config, data: { ...spec.config.data, datasets: [] } } };
  const context = new SvgContext({ width: spec.width, height: spec.height, measure, idPrefix: FRAME_IDS });
  let frame: Frame;
  try {
    // Read before the chart goes: destroying it clears the canvas.
    frame = drawnWith(context, chartConfig(bare), (chart) => {
      const { left, top, right, bottom } = chart.chartArea;
      const { defs, body } = context.drawing();
      return {
        area: { left, top, right, bottom },
        geometry: geometryOf(chart),
        defs: defs.map((def) => def.split(FRAME_IDS)),
        body: body.map((element) => element.split(FRAME_IDS)),
      };
    });
  } catch {
    return undefined;
  }
  frames.set(key, frame);
  if (frames.size > MAX_FRAMES) frames.delete(frames.keys().next().value ?? key);
  return frame;
}

/**
 * The options of the chart that draws only the datasets: the spec's, with
 * every scale hidden (its bounds, and so where each value goes, unchanged),
 * no title, legend or tooltip, and the frame's chart area as padding.
 */
function datasetOptions(spec: ChartSpec, area: Area): Record<string, unknown> {
  const options: Record<string, unknown> = structuredClone(spec.config.options);
  Object.assign(options, STATIC_FRAME);
  // The plugins that draw boxes or react to the pointer, not the datasets, are off (false turns a plugin off).
  const plugins = child(options, 'plugins');
  for (const plugin of ['title', 'subtitle', 'legend', 'tooltip']) plugins[plugin] = false;
  const scales = child(options, 'scales');
  for (const key of Object.keys(scales)) child(scales, key).display = false;
  options.layout = {
    padding: { left: area.left, top: area.top, right: spec.width - area.right, bottom: spec.height - area.bottom },
  };
  return options;
}

/** The charts of `group` (same size, scales and chart area) over their frames, or `undefined` if not sure. */
function drawTogether(group: readonly Member[], measure: MeasureText): string[] | undefined {
  const [first] = group;
  if (first === undefined) return [];
  const { width, height } = first.spec;
  const context = new SvgContext({ width, height, measure, idPrefix: 'chart' });
  const datasets: Array<Record<string, unknown>> = [];
  /** The chart (its place in `group`) each dataset belongs to. */
  const owners: number[] = [];
  group.forEach((member, i) => {
    for (const dataset of structuredClone(member.spec.config.data.datasets)) {
      datasets.push(dataset);
      owners.push(i);
    }
  });
  const bodies = group.map((): string[] => []);
  let stray = false;
  const route: Plugin = {
    id: 'revue-small-multiples',
    beforeDatasetsDraw: () => {
      stray ||= context.takeBody().length > 0;
    },
    afterDatasetDraw: (_chart, args: { index: number }) => {
      const body = bodies[owners[args.index] ?? -1];
      if (body === undefined) stray = true;
      else body.push(...context.takeBody());
    },
    afterDraw: () => {
      stray ||= context.takeBody().length > 0;
    },
  };
  const config = {
    type: first.spec.config.type,
    data: { labels: structuredClone(first.spec.config.data.labels), datasets },
    options: first.options,
    platform: BasicPlatform,
    plugins: [route],
  } as unknown as ChartConfiguration;
  let sure: boolean;
  try {
    sure = drawnWith(
      context,
      config,
      (chart) => !stray && context.drawing().defs.length === 0 && geometryOf(chart) === first.frame.geometry,
    );
  } catch {
    return undefined;
  }
  if (!sure) return undefined;
  return group.map(({ spec, frame }, i) => {
    const prefix = idPrefixOf(spec);
    return svgElement(spec, svgAttributes(spec), {
      defs: frame.defs.map((parts) => parts.join(prefix)),
      body: [...frame.body.map((parts) => parts.join(prefix)), ...(bodies[i] ?? [])],
    });
  });
}

/**
 * What decides where a value is drawn: for each scale, its bounds and where
 * they fall on the canvas (for a radial scale, its centre and radius).
 */
function geometryOf(chart: Chart): string {
  const scales = Object.entries(chart.scales).map(([id, scale]) => {
    const radial = scale as unknown as { xCenter?: number; yCenter?: number; drawingArea?: number };
    return radial.xCenter === undefined
      ? [id, scale.min, scale.max, scale.getPixelForDecimal(0), scale.getPixelForDecimal(1)]
      : [id, scale.min, scale.max, radial.xCenter, radial.yCenter, radial.drawingArea];
  });
  return JSON.stringify(scales);
}
