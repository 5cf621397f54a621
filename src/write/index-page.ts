/** output/<year>/index.html: every report of the year, linked, with the organisation's charts (SPEC §6). */
import path from 'node:path';
import type { Figures } from '../analyze/index.js';
import type { BuildResult } from '../build.js';
import type { Dataset } from '../model/dataset.js';
import { reportContext, labelsFor } from '../render/view-common.js';
import type { Templates } from '../render/templates.js';

export function renderIndex(input: {
  dataset: Dataset;
  figures: Figures;
  templates: Templates;
  styles: string;
  outcomes: BuildResult['reports'];
  yearDir: string;
  charts: string[];
}): string {
  const { dataset, figures, outcomes } = input;
  const ctx = reportContext(dataset.framework, figures.year);
  const labels = labelsFor(ctx.fmt, figures.year);
  const entry = (o: BuildResult['reports'][number]) => ({
    name: o.name,
    href: path.relative(input.yearDir, o.file).split(path.sep).join('/'),
    failed: o.status === 'failed',
    error: o.error?.message ?? null,
  });
  const repById = new Map(figures.reps.map((r) => [r.id, r]));
  return input.templates.render('index', {
    lang: dataset.framework.locale,
    title: `${dataset.framework.organisation} – ${labels['index']} ${figures.year}`,
    author: dataset.framework.organisation,
    labels,
    organisation: dataset.framework.organisation,
    year: figures.year,
    styles: input.styles,
    charts: input.charts,
    organisationReport: outcomes.filter((o) => o.kind === 'organisation').map(entry)[0] ?? null,
    teams: outcomes.filter((o) => o.kind === 'team').map(entry),
    reps: outcomes
      .filter((o) => o.kind === 'rep')
      .map((o) => {
        const rep = repById.get(o.id);
        return {
          ...entry(o),
          team: rep?.team ?? '',
          overall: ctx.fmt.level(rep?.overall.level ?? null),
          delta: ctx.fmt.delta(rep?.overall.delta ?? null),
        };
      }),
  });
}
