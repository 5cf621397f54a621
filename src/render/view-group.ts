/**
 * The views of the team and organisation reports (SPEC §6): the group's
 * profile against last year, the progress counts per competency, one row per
 * rep (team) or per team (organisation), and the coaching coverage per month.
 */
import type { GroupFigures, OrganisationFigures, TeamFigures } from '../analyze/index.js';
import { groupedBarChart, palette, type ChartSpec } from './chart-specs.js';
import { deltaClass, labelsFor, type Figure, type ReportContext } from './view-common.js';

export function teamCharts(team: TeamFigures, ctx: ReportContext): Record<string, ChartSpec> {
  return { profile: groupProfileChart(team, ctx) };
}

export function organisationCharts(org: OrganisationFigures, ctx: ReportContext): Record<string, ChartSpec> {
  const colors = palette(ctx.framework.report?.accent ?? '#0b5cad');
  return {
    profile: groupProfileChart(org, ctx),
    teams: groupedBarChart({
      labels: ctx.framework.competencies.map((c) => c.label),
      series: org.teams.map((team, index) => ({
        label: team.name ?? ctx.fmt.t('noTeam'),
        data: team.competencies.map((c) => c.level),
        kind: 'other' as const,
        index,
      })),
      scale: ctx.framework.scale,
      ariaLabel: ctx.fmt.t('chartTeams', { year: ctx.year }),
      fmt: ctx.fmt,
      colors,
    }),
  };
}

function groupProfileChart(group: GroupFigures, ctx: ReportContext): ChartSpec {
  const colors = palette(ctx.framework.report?.accent ?? '#0b5cad');
  const hasPrevious = group.competencies.some((c) => c.previous !== null);
  return groupedBarChart({
    labels: ctx.framework.competencies.map((c) => c.label),
    series: [
      ...(hasPrevious
        ? [{ label: String(ctx.year - 1), data: group.competencies.map((c) => c.previous), kind: 'previous' as const }]
        : []),
      { label: String(ctx.year), data: group.competencies.map((c) => c.level), kind: 'current' as const },
    ],
    scale: ctx.framework.scale,
    ariaLabel: ctx.fmt.t('chartTeam', { year: ctx.year, previous: ctx.year - 1 }),
    fmt: ctx.fmt,
    colors,
  });
}

/** What the team and organisation views share. */
function groupParts(group: GroupFigures, ctx: ReportContext) {
  const { fmt, year } = ctx;
  const labels = labelsFor(fmt, year);
  const headline: Figure[] = [
    {
      label: labels.reps,
      value: fmt.integer(group.repCount),
      detail: group.managers.join(', '),
      tone: 'flat',
    },
    {
      label: labels.overall,
      value: fmt.level(group.overall.level),
      detail:
        group.overall.previous === null
          ? ''
          : `${fmt.delta(group.overall.delta)} · ${fmt.level(group.overall.previous)} ${fmt.t('vs', { year: year - 1 })}`,
      tone: deltaClass(group.overall.delta),
    },
    {
      label: labels.goalsMet,
      value: group.goals.set === 0 ? fmt.t('na') : `${group.goals.met} / ${group.goals.set}`,
      detail: '',
      tone: 'flat',
    },
    {
      label: labels.assessments,
      value: fmt.integer(group.coaching.count),
      detail:
        group.coaching.previousCount === null
          ? ''
          : `${fmt.integer(group.coaching.previousCount)} ${fmt.t('vs', { year: year - 1 })}`,
      tone:
        group.coaching.previousCount === null
          ? 'flat'
          : deltaClass(group.coaching.count - group.coaching.previousCount),
    },
  ];
  const competencies = group.competencies.map((c) => ({
    label: ctx.competencyLabel(c.id),
    previous: fmt.level(c.previous),
    level: fmt.level(c.level),
    delta: fmt.delta(c.delta),
    deltaClass: deltaClass(c.delta),
    expected: fmt.level(c.expected),
    progressed: fmt.integer(c.progressed),
    stable: fmt.integer(c.stable),
    regressed: fmt.integer(c.regressed),
    unknown: fmt.integer(c.unknown),
  }));
  return { labels, headline, competencies };
}

interface CoverageInput {
  name: string;
  perMonth: number[];
  count: number;
  /** Month numbers, 1 = January. */
  monthsWithout: readonly number[];
  monthInProgress: number | null;
  startMonth?: number;
}

function coverageRows(rows: readonly CoverageInput[], ctx: ReportContext) {
  return rows.map((row) => ({
    name: row.name,
    months: row.perMonth.map((n, index) => coverageCell(n, index + 1, row, ctx)),
    total: ctx.fmt.integer(row.count),
  }));
}

/**
 * Months before the rep joined are not missed coaching: blank, not flagged.
 * Only a month over at the as-of date with no assessment is missed (c0); the
 * month in progress and the months to come are not (SPEC §5).
 */
function coverageCell(n: number, month: number, row: CoverageInput, ctx: ReportContext) {
  if (month < (row.startMonth ?? 1)) return { value: '', level: 'before' };
  const state = month === row.monthInProgress ? ' in-progress' : '';
  if (n > 0) return { value: ctx.fmt.integer(n), level: `c${Math.min(n, 3)}${state}` };
  if (row.monthsWithout.includes(month)) return { value: '0', level: 'c0' };
  return { value: '', level: state === '' ? 'upcoming' : 'in-progress' };
}

export function teamView(team: TeamFigures, ctx: ReportContext, svg: (key: string) => string) {
  const { fmt, year, framework } = ctx;
  const { labels, headline, competencies } = groupParts(team, ctx);
  const name = team.name ?? fmt.t('noTeam');
  return {
    lang: framework.locale,
    title: `${labels.teamReport} ${year} – ${name}`,
    author: framework.organisation,
    labels,
    organisation: framework.organisation,
    year,
    previousYear: year - 1,
    team: { id: team.id, name, managers: team.managers.join(', ') },
    headline,
    profile: { chart: svg('profile'), rows: competencies },
    members: team.members.map((m) => ({
      name: m.name,
      overall: fmt.level(m.overall.level),
      delta: m.firstYear ? labels.firstYearShort : fmt.delta(m.overall.delta),
      deltaClass: deltaClass(m.overall.delta),
      goals: m.goals.set === 0 ? fmt.t('na') : `${m.goals.met} / ${m.goals.set}`,
      focus: m.focus === null ? fmt.t('na') : ctx.competencyLabel(m.focus),
      assessments: fmt.integer(m.assessments),
    })),
    coverage: {
      months: fmt.shortMonths,
      rows: coverageRows(team.coaching.coverage, ctx),
      total: coverageRows([{ ...team.coaching, name: labels.total }], ctx)[0],
    },
  };
}

export function organisationView(
  org: OrganisationFigures,
  teams: readonly TeamFigures[],
  ctx: ReportContext,
  svg: (key: string) => string,
  teamLinks: ReadonlyMap<string | null, string>,
) {
  const { fmt, year, framework } = ctx;
  const { labels, headline, competencies } = groupParts(org, ctx);
  const teamName = (name: string | null) => name ?? fmt.t('noTeam');
  return {
    lang: framework.locale,
    title: `${labels.organisationReport} ${year} – ${framework.organisation}`,
    author: framework.organisation,
    labels,
    organisation: framework.organisation,
    year,
    previousYear: year - 1,
    headline,
    profile: { chart: svg('profile'), rows: competencies },
    teamsChart: svg('teams'),
    teams: org.teams.map((t) => ({
      name: teamName(t.name),
      link: teamLinks.get(t.id) ?? null,
      reps: fmt.integer(t.repCount),
      managers: t.managers.join(', '),
      overall: fmt.level(t.overall.level),
      delta: fmt.delta(t.overall.delta),
      deltaClass: deltaClass(t.overall.delta),
      goals: t.goals.set === 0 ? fmt.t('na') : `${t.goals.met} / ${t.goals.set}`,
      assessments: fmt.integer(t.assessments),
    })),
    side: {
      teams: org.teams.map((t) => teamName(t.name)),
      rows: framework.competencies.map((c, i) => ({
        label: c.label,
        cells: org.teams.map((t) => {
          const x = t.competencies[i];
          return {
            level: fmt.level(x?.level ?? null),
            delta: fmt.delta(x?.delta ?? null),
            deltaClass: deltaClass(x?.delta ?? null),
          };
        }),
      })),
    },
    coverage: {
      months: fmt.shortMonths,
      rows: coverageRows(
        teams.map((t) => ({ ...t.coaching, name: teamName(t.name) })),
        ctx,
      ),
    },
    repsWithout: fmt.integer(org.coaching.repsWithout),
  };
}
