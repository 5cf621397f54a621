/**
 * The reports of a year (SPEC §6): one per rep, one per team, one for the
 * organisation, each with its output file, its charts and its view. Pure:
 * the SVG of the charts is handed in later.
 */
import { createHash } from 'node:crypto';
import type { Figures, RepFigures, TeamFigures } from '../analyze/index.js';
import type { Dataset } from '../model/dataset.js';
import type { ChartSpec } from './chart-specs.js';
import type { ReportKind } from './templates.js';
import { reportContext, type ReportContext } from './view-common.js';
import { organisationCharts, organisationView, teamCharts, teamView } from './view-group.js';
import { repCharts, repView } from './view-rep.js';

export interface PlannedReport {
  kind: Exclude<ReportKind, 'index'>;
  /** The rep or team id; the organisation's is "organisation". */
  id: string;
  /** Relative to the year's output folder, without extension: `reps/alice-martin`. */
  file: string;
  /** Shown in lists and the index; the document title is the view's. */
  name: string;
  /** The data files this report is built from (for incremental builds). */
  sources: string[];
  /** Computed on first use: a shard of a large organisation needs only its own reports' charts. */
  readonly charts: Record<string, ChartSpec>;
  view: (svg: (key: string) => string) => ViewWithTitle;
}

export interface ViewWithTitle {
  title: string;
  author: string;
  lang: string;
}

export function planReports(
  dataset: Dataset,
  figures: Figures,
  options: { reps?: readonly string[] | undefined } = {},
): { context: ReportContext; reports: PlannedReport[] } {
  const ctx = reportContext(dataset.framework, figures.year);
  const files = new Map<string, string[]>();
  for (const record of dataset.reps) {
    if (record.year === figures.year || record.year === figures.year - 1)
      files.set(record.id, [...(files.get(record.id) ?? []), record.file]);
  }
  const dataOf = new Map(dataset.reps.filter((r) => r.year === figures.year).map((r) => [r.id, r.data]));
  const sourcesOf = (reps: readonly RepFigures[]) => reps.flatMap((rep) => files.get(rep.id) ?? []).sort();

  const reports: PlannedReport[] = [];
  const only = options.reps === undefined || options.reps.length === 0 ? undefined : new Set(options.reps);
  for (const rep of figures.reps) {
    if (only !== undefined && !only.has(rep.id)) continue;
    const data = dataOf.get(rep.id);
    if (data === undefined) continue;
    const input = { rep, data };
    let charts: Record<string, ChartSpec> | undefined;
    reports.push({
      kind: 'rep',
      id: rep.id,
      file: `reps/${rep.id}`,
      name: rep.name,
      sources: sourcesOf([rep]),
      get charts() {
        return (charts ??= repCharts(input, ctx));
      },
      view: (svg) => repView(input, ctx, svg),
    });
  }
  if (only !== undefined) return { context: ctx, reports };

  const teamFiles = new Map<string | null, string>();
  const namedTeams = figures.teams.filter((t): t is TeamFigures & { id: string } => t.id !== null);
  for (const team of namedTeams) {
    const members = figures.reps.filter((r) => r.teamId === team.id);
    const file = `teams/${team.id === '' ? 'team' : team.id}`;
    teamFiles.set(team.id, file);
    let charts: Record<string, ChartSpec> | undefined;
    reports.push({
      kind: 'team',
      id: team.id,
      file,
      name: team.name ?? team.id,
      sources: sourcesOf(members),
      get charts() {
        return (charts ??= teamCharts(team, ctx));
      },
      view: (svg) => teamView(team, ctx, svg, members),
    });
  }
  let charts: Record<string, ChartSpec> | undefined;
  reports.push({
    kind: 'organisation',
    id: 'organisation',
    file: 'organisation',
    name: dataset.framework.organisation,
    sources: sourcesOf(figures.reps),
    get charts() {
      return (charts ??= organisationCharts(figures.organisation, ctx));
    },
    view: (svg) => organisationView(figures.organisation, figures.teams, ctx, svg, teamFiles),
  });
  return { context: ctx, reports };
}

/**
 * Everything a report shows, as one digest (for incremental builds): its
 * view, with each chart standing as its key, and the specs of its charts.
 * With the same templates, styles and tool, the same fingerprint renders the
 * same document; the rep's free text, their figures, the framework's labels
 * and the team's averages all reach the document through these two.
 */
export function reportFingerprint(report: PlannedReport): string {
  const view = report.view((key) => `<svg data-chart="${key}"></svg>`);
  const json = JSON.stringify(
    { kind: report.kind, id: report.id, file: report.file, view, charts: report.charts },
    plainData,
  );
  return createHash('sha256').update(json).digest('hex');
}

/** Views are plain data; a Map or a Set is spelled out, and anything else that JSON would drop is a bug. */
function plainData(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new Error(`a report view holds a ${typeof value}: its fingerprint would miss what it renders`);
  }
  return value;
}
