/** output/<year>/index.html: every report of the year, linked, with the organisation's charts (SPEC §6). */
import path from 'node:path';
import type { Figures } from '../analyze/index.js';
import type { Dataset } from '../model/dataset.js';
import type { Templates } from './templates.js';
import { labelsFor, reportContext } from './view-common.js';

/** A report as the index lists it: written, up to date, or failed (with why). */
export interface IndexEntry {
  kind: 'rep' | 'team' | 'organisation';
  id: string;
  name: string;
  /** The report's file, absolute or relative to the current folder. */
  file: string;
  status: 'written' | 'skipped' | 'failed';
  error?: { message: string };
}

export function renderIndex(input: {
  dataset: Dataset;
  figures: Figures;
  templates: Templates;
  styles: string;
  entries: readonly IndexEntry[];
  yearDir: string;
  /** The organisation's charts, as SVG. */
  charts: readonly string[];
}): string {
  const { dataset, figures, entries: outcomes } = input;
  const ctx = reportContext(dataset.framework, figures.year);
  const labels = labelsFor(ctx.fmt, figures.year);
  const entry = (o: IndexEntry) => ({
    name: o.name,
    href: path.relative(input.yearDir, o.file).split(path.sep).join('/'),
    failed: o.status === 'failed',
    error: o.error?.message ?? null,
  });
  const repById = new Map(figures.reps.map((r) => [r.id, r]));
  return input.templates.render('index', {
    lang: dataset.framework.locale,
    title: `${dataset.framework.organisation} – ${labels.index} ${figures.year}`,
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
