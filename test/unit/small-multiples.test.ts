/**
 * A report's progression charts are drawn over frames drawn once, their
 * datasets in one chart.js chart (render/small-multiples.ts). Each SVG must
 * be, byte for byte, the one the chart drawn alone gives (drawChart): on
 * every chart of the example, of the fixtures and of a synthetic
 * organisation, and on charts made to test the edges (no last year, no
 * score, scores at both ends of the scale, another scale, two sizes in one
 * report). And the shared pass must be the one taken: without it, every
 * chart would still be right, only slower.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Chart, type Plugin } from 'chart.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrganisation } from '../../scripts/bench-data.mjs';
import { computeFigures } from '../../src/analyze/figures.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { progressionChart, palette, radarChart, type ChartSpec } from '../../src/render/chart-specs.js';
import { drawChart, renderCharts } from '../../src/render/charts.js';
import { createFormatter } from '../../src/render/i18n.js';
import { planReports } from '../../src/render/plan.js';
import { drawSmallMultiples } from '../../src/render/small-multiples.js';
import { textMeasurer } from '../../src/render/text-metrics.js';
import { emptyRepCache } from '../../src/validate/rep-cache.js';
import { validateWorkspace } from '../../src/validate/validate-workspace.js';
import { FIXTURES } from '../helpers.js';

const measure = await textMeasurer();

/** Every report's charts of `data` for `year`, as the build plans them. */
async function chartsOf(data: string, year: number): Promise<ChartSpec[][]> {
  const asOf = `${year}-12-31`;
  const { dataset } = validateWorkspace(await loadWorkspace(data), { asOf, cache: emptyRepCache() });
  if (dataset === undefined) throw new Error(`${data} is not valid`);
  const { reports } = planReports(dataset, computeFigures(dataset, year, asOf));
  return reports.map((report) => Object.values(report.charts));
}

/** Counts the chart.js charts made (a plugin is installed on each). */
let made = 0;
const counter: Plugin = { id: 'test-counter', install: () => void made++ };

/** Each report's charts drawn by the build's way and alone; and how many went through the shared pass. */
async function compare(reports: ChartSpec[][]): Promise<{ charts: number; shared: number; differ: string[] }> {
  let charts = 0;
  let shared = 0;
  const differ: string[] = [];
  for (const specs of reports) {
    const drawn = await renderCharts(specs);
    shared += drawSmallMultiples(specs, measure).filter((svg) => svg !== undefined).length;
    specs.forEach((spec, i) => {
      charts++;
      if (drawn[i] !== drawChart(spec, measure)) differ.push(spec.ariaLabel);
    });
  }
  return { charts, shared, differ };
}

const fixedFrames = (reports: ChartSpec[][]) => reports.flat().filter((spec) => spec.fixedFrame === true).length;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-small-multiples-'));
  await writeOrganisation(path.join(dir, 'data'), { reps: 40, seed: 7 });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('small multiples', () => {
  it.each([
    ['the example, 2026', 'data', 2026],
    ['the example, 2025', 'data', 2025],
    ['wording-fr', path.join(FIXTURES, 'wording-fr'), 2026],
    ['wording', path.join(FIXTURES, 'wording'), 2026],
    ['long-reports', path.join(FIXTURES, 'long-reports'), 2026],
  ])('draws every chart of %s as drawn alone, the progressions through the shared pass', async (_, data, year) => {
    const reports = await chartsOf(path.resolve(data), year);
    const result = await compare(reports);
    expect(result.differ).toEqual([]);
    expect(fixedFrames(reports)).toBeGreaterThan(0);
    expect(result.shared).toBe(fixedFrames(reports));
  });

  it('draws every chart of a synthetic organisation as drawn alone (40 reps, two years)', async () => {
    const reports = await chartsOf(path.join(dir, 'data'), 2026);
    const result = await compare(reports);
    expect(result.differ).toEqual([]);
    // Seven competencies a rep, each observed: the progressions are most of the charts.
    expect(result.shared).toBe(fixedFrames(reports));
    expect(result.shared).toBeGreaterThan(result.charts * 0.8);
  });

  const fmt = createFormatter('en', 'EUR');
  const colors = palette('#0b5cad');
  const chart = (competency: string, over: Partial<Parameters<typeof progressionChart>[0]> = {}) =>
    progressionChart({
      competency,
      scores: [
        { date: '2026-01-01', score: 1 },
        { date: '2026-06-15', score: 4 },
        { date: '2026-12-31', score: 5 },
      ],
      previous: [
        { date: '2025-02-10', score: 5 },
        { date: '2025-11-30', score: 1 },
      ],
      expected: 3,
      scale: { min: 1, max: 5 },
      year: 2026,
      fmt,
      colors,
      ...over,
    });

  const repRadar = () =>
    radarChart({
      labels: ['Prospecting', 'Discovery', 'Closing'],
      level: [2, 3, 4],
      previous: null,
      expected: [3, 3, 3],
      scale: { min: 1, max: 5 },
      year: 2026,
      fmt,
      colors,
    });
  // Without its legend (which depends on its datasets) and its filled area (which is clipped), a radar's frame is fixed.
  const radarWithoutLegend = (): ChartSpec => {
    const spec = repRadar();
    const options = { ...spec.config.options, plugins: { legend: { display: false } } };
    const datasets = spec.config.data.datasets.map((dataset) => ({ ...dataset, fill: false }));
    return { ...spec, config: { ...spec.config, data: { ...spec.config.data, datasets }, options } };
  };

  it('draws the edges as drawn alone: no last year, no score, the ends of the scale, another scale', async () => {
    const report = [
      chart('Prospecting'),
      chart('Discovery & <needs>', { previous: null }),
      // The kept frame stands for its ids with "<frame>": a title that says so is escaped, never taken for it.
      chart('<frame>-1 "quoted"', { expected: 2 }),
      chart('Closing', { scores: [], previous: [] }),
      chart('Negotiation', { expected: null }),
      chart('Une compétence au nom bien plus long que les autres, sur toute la largeur', {
        scores: [{ date: '2026-03-01', score: 1 }],
      }),
      chart('Ten-point scale', {
        scale: { min: 0, max: 10 },
        scores: [{ date: '2026-03-01', score: 10 }],
        expected: 7,
      }),
      { ...chart('Wider'), width: 500 },
    ];
    const result = await compare([report]);
    expect(result.differ).toEqual([]);
    expect(result.shared).toBe(report.length);
  });

  it('draws a report with one chart.js chart for its datasets and none for frames it has already drawn', async () => {
    Chart.register(counter);
    try {
      const report = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => chart(`Competency ${name} (counted)`));
      made = 0;
      await renderCharts(report);
      // Seven frames, drawn once each, and the datasets of all seven.
      expect(made).toBe(8);
      made = 0;
      const again = report.map((spec) => ({ ...spec, config: { ...spec.config, data: chart('other').config.data } }));
      await renderCharts(again);
      expect(made).toBe(1);
    } finally {
      Chart.unregister(counter);
    }
  });

  it('leaves to drawChart a chart whose hidden scale would not put values where its frame does: a radar', async () => {
    // A radial scale's radius comes from its point labels, which a hidden scale does not lay out.
    const radar: ChartSpec = { ...radarWithoutLegend(), fixedFrame: true };
    expect(drawSmallMultiples([radar], measure)).toEqual([undefined]);
    expect(await renderCharts([radar])).toEqual([drawChart(radar, measure)]);
  });

  it('keeps a frame for each set of axis labels: two category charts alike but for their labels', async () => {
    const categories = (labels: string[]): ChartSpec => ({
      width: 300,
      height: 140,
      ariaLabel: labels.join(', '),
      fixedFrame: true,
      config: {
        type: 'line',
        data: { labels, datasets: [{ label: 'x', data: [1, 3, 2], borderColor: '#0b5cad' }] },
        options: {
          clip: false,
          plugins: { legend: { display: false } },
          scales: { x: { ticks: { maxRotation: 0 } }, y: { min: 0, max: 4 } },
        },
      },
    });
    const report = [categories(['Q1', 'Q2', 'Q3']), categories(['Janvier', 'Février', 'Mars'])];
    const result = await compare([report]);
    expect(result.differ).toEqual([]);
    expect(result.shared).toBe(2);

    // A scale its options do not name is made, shown, by chart.js: drawn outside the datasets, it is drawn alone.
    const unnamed = categories(['Q1', 'Q2', 'Q3']);
    unnamed.config.options.scales = { y: { min: 0, max: 4 } };
    expect(drawSmallMultiples([unnamed], measure)).toEqual([undefined]);
    expect(await compare([[unnamed]])).toEqual({ charts: 1, shared: 0, differ: [] });
  });

  it('leaves to drawChart a chart the shared pass cannot be sure of: its data clipped', async () => {
    const spec = chart('Clipped');
    const options = { ...spec.config.options };
    delete options.clip;
    const clipped: ChartSpec = { ...spec, config: { ...spec.config, options } };
    expect(drawSmallMultiples([clipped], measure)).toEqual([undefined]);
    expect(await renderCharts([clipped])).toEqual([drawChart(clipped, measure)]);
  });
});
