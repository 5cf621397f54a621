/**
 * The charts of the reports as plain chart.js configurations, drawn as SVG by
 * render/charts.ts and inlined as vectors. Everything here is JSON, so that a
 * chart's spec can be digested for incremental builds (render/plan.ts): the
 * one formatting need (month names on a day-of-year axis) is a named option
 * that charts.ts turns into chart.js callbacks. Numbers on the axes are
 * formatted in the report's locale.
 *
 * Colours are chosen to survive grey printing: this year is a dark solid line,
 * last year a mid-grey dashed one, the expected level a black dotted one.
 */
import type { Formatter } from './i18n.js';

export interface ChartSpec {
  width: number;
  height: number;
  /** A chart.js configuration, as plain JSON. */
  config: ChartConfig;
  /** What the chart shows, for screen readers (the SVG's aria-label). */
  ariaLabel: string;
  /** Label the x axis with these month names at each month's first day (day-of-year axis). */
  monthAxis?: string[];
  /**
   * The chart's frame (title, axes, grid, labels) does not depend on its
   * datasets: every scale has fixed bounds, there is no legend, nothing of
   * the frame is drawn over the data, and the data is not clipped. Such
   * charts are drawn over a frame drawn once (render/small-multiples.ts).
   */
  fixedFrame?: boolean;
}

export interface ChartConfig {
  type: 'radar' | 'line' | 'bar';
  data: { labels?: Array<string | string[]>; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
}

export interface Palette {
  accent: string;
  previous: string;
  expected: string;
  /** Team colours for the organisation chart, dark to light. */
  series: readonly string[];
}

export function palette(accent: string): Palette {
  return {
    accent,
    previous: '#8a8f98',
    expected: '#1d1d1f',
    series: [accent, '#e07b00', '#2e7d32', '#8e24aa', '#5d6b7a', '#c62828', '#00838f', '#6d4c41'],
  };
}

const font = { size: 10 };
const legend = { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2, font, padding: 8 } };

/** Split a long label on two lines (radar point labels have little room). */
export function wrapLabel(label: string, width = 16): string | string[] {
  if (label.length <= width) return label;
  const words = label.split(' ');
  let first = '';
  while (words.length > 1 && (first + ' ' + (words[0] ?? '')).trim().length <= Math.max(width, label.length / 2))
    first = `${first} ${words.shift() ?? ''}`.trim();
  return first === '' ? label : [first, words.join(' ')];
}

/** A rep's profile: this year, last year and the expected levels (SPEC §6). */
export function radarChart(input: {
  labels: string[];
  level: Array<number | null>;
  previous: Array<number | null> | null;
  expected: Array<number | null>;
  scale: { min: number; max: number };
  year: number;
  fmt: Formatter;
  colors: Palette;
}): ChartSpec {
  const { colors, fmt, year } = input;
  const datasets: Array<Record<string, unknown>> = [
    {
      label: String(year),
      data: input.level,
      borderColor: colors.accent,
      backgroundColor: `${colors.accent}26`,
      fill: true,
      borderWidth: 2.5,
      pointRadius: 3,
      pointBackgroundColor: colors.accent,
    },
  ];
  if (input.previous !== null) {
    datasets.push({
      label: String(year - 1),
      data: input.previous,
      borderColor: colors.previous,
      borderDash: [6, 4],
      backgroundColor: 'transparent',
      fill: false,
      borderWidth: 1.5,
      pointRadius: 2.5,
      pointStyle: 'rect',
      pointBackgroundColor: colors.previous,
    });
  }
  datasets.push({
    label: fmt.t('expectedLevel'),
    data: input.expected,
    borderColor: colors.expected,
    borderDash: [2, 3],
    backgroundColor: 'transparent',
    fill: false,
    borderWidth: 1.5,
    pointRadius: 0,
  });
  return {
    width: 420,
    height: 330,
    ariaLabel: fmt.t('chartRadar', { year, previous: year - 1 }),
    config: {
      type: 'radar',
      data: { labels: input.labels.map((l) => wrapLabel(l)), datasets },
      options: {
        locale: fmt.tag,
        spanGaps: true,
        layout: { padding: 4 },
        plugins: { legend },
        scales: {
          r: {
            // One level below the scale's lowest, so that it is not the centre; never above a negative minimum.
            min: Math.min(input.scale.min, Math.max(0, input.scale.min - 1)),
            max: input.scale.max,
            ticks: { stepSize: 1, font: { size: 8 }, backdropColor: 'rgba(0,0,0,0)', color: '#666' },
            pointLabels: { font: { size: 10, weight: '600' }, color: '#222' },
            grid: { color: '#d5d8dc' },
            angleLines: { color: '#d5d8dc' },
          },
        },
      },
    },
  };
}

/** Day of the year, 0 on 1 January, from a YYYY-MM-DD date. */
export function dayOfYear(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Math.round(
    (Date.UTC(year, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000,
  );
}

/**
 * One competency's scores by date, this year and last year on the same
 * January–December axis (SPEC §6 "the progression over the year").
 */
export function progressionChart(input: {
  competency: string;
  scores: Array<{ date: string; score: number }>;
  previous: Array<{ date: string; score: number }> | null;
  expected: number | null;
  scale: { min: number; max: number };
  year: number;
  fmt: Formatter;
  colors: Palette;
}): ChartSpec {
  const { colors, fmt, year } = input;
  const points = (list: Array<{ date: string; score: number }>) =>
    list.map((s) => ({ x: dayOfYear(s.date), y: s.score }));
  const datasets: Array<Record<string, unknown>> = [];
  if (input.previous !== null && input.previous.length > 0) {
    datasets.push({
      label: String(year - 1),
      data: points(input.previous),
      borderColor: colors.previous,
      borderDash: [5, 4],
      borderWidth: 1.25,
      pointRadius: 2.5,
      pointStyle: 'rect',
      pointBackgroundColor: '#fff',
      pointBorderColor: colors.previous,
      showLine: true,
      tension: 0,
    });
  }
  datasets.push({
    label: String(year),
    data: points(input.scores),
    borderColor: colors.accent,
    borderWidth: 2,
    pointRadius: 3,
    pointBackgroundColor: colors.accent,
    showLine: true,
    tension: 0,
  });
  if (input.expected !== null) {
    datasets.push({
      label: fmt.t('expected'),
      data: [
        { x: 0, y: input.expected },
        { x: 364, y: input.expected },
      ],
      borderColor: colors.expected,
      borderDash: [2, 3],
      borderWidth: 1,
      pointRadius: 0,
      showLine: true,
    });
  }
  return {
    width: 330,
    height: 150,
    ariaLabel: fmt.t('chartProgression', { competency: input.competency, year, previous: year - 1 }),
    monthAxis: [...fmt.shortMonths],
    fixedFrame: true,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        locale: fmt.tag,
        layout: { padding: { top: 2, right: 6 } },
        // Points at the top of the scale would be cut in half by the chart area.
        clip: false,
        plugins: {
          legend: { display: false },
          title: {
            display: true,
            text: input.competency,
            align: 'start',
            font: { size: 11, weight: '600' },
            color: '#222',
            padding: { bottom: 4 },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            max: 365,
            grid: { color: '#eceef0' },
            ticks: { font: { size: 8 }, color: '#666', maxRotation: 0, autoSkip: false },
          },
          y: {
            min: input.scale.min,
            max: input.scale.max,
            ticks: { stepSize: 1, font: { size: 8 }, color: '#666' },
            grid: { color: '#eceef0' },
          },
        },
      },
    },
  };
}

/** Mean levels per competency: grouped bars, one group per competency. */
export function groupedBarChart(input: {
  labels: string[];
  series: Array<{ label: string; data: Array<number | null>; kind: 'current' | 'previous' | 'other'; index?: number }>;
  scale: { min: number; max: number };
  ariaLabel: string;
  fmt: Formatter;
  colors: Palette;
  width?: number;
  height?: number;
}): ChartSpec {
  const { colors } = input;
  const datasets = input.series.map((s) => {
    const color =
      s.kind === 'current'
        ? colors.accent
        : s.kind === 'previous'
          ? colors.previous
          : (colors.series[(s.index ?? 0) % colors.series.length] ?? colors.accent);
    return {
      label: s.label,
      data: s.data,
      backgroundColor: s.kind === 'previous' ? '#d3d6db' : color,
      borderColor: color,
      borderWidth: s.kind === 'previous' ? 1 : 0,
      borderDash: s.kind === 'previous' ? [3, 2] : [],
      barPercentage: 0.85,
      categoryPercentage: 0.75,
    };
  });
  return {
    width: input.width ?? 700,
    height: input.height ?? 240,
    ariaLabel: input.ariaLabel,
    config: {
      type: 'bar',
      data: { labels: input.labels.map((l) => wrapLabel(l, 14)), datasets },
      options: {
        locale: input.fmt.tag,
        plugins: { legend: { ...legend, labels: { ...legend.labels, boxWidth: 12, boxHeight: 10 } } },
        scales: {
          x: { grid: { display: false }, ticks: { font, color: '#222', maxRotation: 0, autoSkip: false } },
          y: {
            min: Math.min(0, input.scale.min),
            max: input.scale.max,
            ticks: { stepSize: 1, font, color: '#666' },
            grid: { color: '#e3e5e8' },
          },
        },
      },
    },
  };
}
