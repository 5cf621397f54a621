/**
 * The HTML of the fixture workspace's reports, without a browser: charts are
 * stubbed, styles left out, so that the snapshots show the structure and text.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadTemplates, type Templates } from '../../src/render/templates.js';
import { reportContext } from '../../src/render/view-common.js';
import { organisationView, teamView } from '../../src/render/view-group.js';
import { repCharts, repView } from '../../src/render/view-rep.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES } from '../helpers.js';

let dataset: Dataset;
let templates: Templates;
const stub = (key: string) => `<svg data-chart="${key}"></svg>`;

beforeAll(async () => {
  const result = await validate({ data: path.join(FIXTURES, 'minimal') });
  if (result.dataset === undefined) throw new Error('the minimal fixture must be valid');
  dataset = result.dataset;
  templates = await loadTemplates();
});

function render(kind: 'rep' | 'team' | 'organisation', view: object): string {
  return templates.render(kind, { ...view, styles: '/* styles */', logo: null });
}

function repHtml(id: string, mutate?: (data: Dataset['reps'][number]['data']) => void) {
  const figures = computeFigures(dataset, 2026, '2026-12-31');
  const rep = figures.reps.find((r) => r.id === id);
  const record = dataset.reps.find((r) => r.id === id && r.year === 2026);
  if (rep === undefined || record === undefined) throw new Error(`no ${id}`);
  const data = structuredClone(record.data);
  mutate?.(data);
  const ctx = reportContext(dataset.framework, 2026);
  return { html: render('rep', repView({ rep, data }, ctx, stub)), charts: repCharts({ rep, data }, ctx) };
}

describe('rep report HTML', () => {
  it('matches the snapshot', async () => {
    await expect(repHtml('ann-lee').html).toMatchFileSnapshot('__snapshots__/ann-lee.html');
  });

  it('has the sections of SPEC §6, in order', () => {
    const { html } = repHtml('ann-lee');
    const headings = [...html.matchAll(/<h[12][^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Ann Lee',
      'Competency profile',
      'Progress over the year',
      'Goals of the year',
      'Diagnosis',
      'Coaching',
      'Results',
      'Year-end words',
    ]);
  });

  it('draws a radar and one progression chart per competency ever assessed', () => {
    expect(Object.keys(repHtml('ann-lee').charts)).toEqual([
      'radar',
      'progression:prospecting',
      'progression:discovery',
      'progression:negotiation',
    ]);
  });

  it('shows free text as written: escaped, line breaks kept by CSS, never HTML', () => {
    const { html } = repHtml('ann-lee', (data) => {
      data.review = { manager: '<script>alert(1)</script>\nSecond line & {{name}}' };
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\nSecond line &amp; {{name}}');
    expect(html).not.toContain('<script>');
  });
});

describe('team and organisation HTML', () => {
  it('match their snapshots', async () => {
    const figures = computeFigures(dataset, 2026, '2026-12-31');
    const ctx = reportContext(dataset.framework, 2026);
    const team = figures.teams[0];
    if (team === undefined) throw new Error('one team expected');
    await expect(render('team', teamView(team, ctx, stub, figures.reps))).toMatchFileSnapshot(
      '__snapshots__/team-north.html',
    );
    await expect(
      render('organisation', organisationView(figures.organisation, figures.teams, ctx, stub, new Map())),
    ).toMatchFileSnapshot('__snapshots__/organisation.html');
  });
});
