/**
 * The views of the team and organisation reports (SPEC §6): the group's
 * profile against last year, the progress counts per competency, one row per
 * rep (team) or per team (organisation), and the coaching coverage per month.
 */
import type { GroupComparison, GroupFigures, OrganisationFigures, RepFigures, TeamFigures } from '../analyze/index.js';
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

/**
 * A group's change in words (SPEC §5): the like-for-like mean "with that
 * number of reps beside it" — "sur 3 commerciaux" / "over 3 reps" — or, when
 * no rep has both levels, why there is none.
 */
export function changeBasis(change: GroupComparison, ctx: ReportContext, long = false): string {
  if (change.deltaReps === 0) return ctx.fmt.t('noRepBothYears');
  return ctx.fmt.plural(long ? 'overRepsBothYears' : 'overReps', change.deltaReps);
}

/** A table cell's change basis: the number of reps (kept on one line), or the reason there is no change (wrapped). */
function cellBasis(change: GroupComparison, ctx: ReportContext) {
  const text = changeBasis(change, ctx);
  return change.deltaReps === 0 ? { deltaBasis: null, deltaReason: text } : { deltaBasis: text, deltaReason: null };
}

/** Whether any rep of the group can be compared with last year at all. */
function hasComparison(group: GroupFigures): boolean {
  return group.overall.deltaReps > 0 || group.competencies.some((c) => c.deltaReps > 0);
}

/** What the team and organisation views share. */
function groupParts(group: GroupFigures, ctx: ReportContext) {
  const { fmt, year } = ctx;
  const labels = labelsFor(fmt, year);
  const comparable = hasComparison(group);
  // Where nobody can be compared, one sentence says so instead of a reason in every cell.
  const basis = (change: GroupComparison) =>
    comparable ? cellBasis(change, ctx) : { deltaBasis: null, deltaReason: null };
  const newcomers = group.members.filter((m) => m.firstYear).length;
  const overall = group.overall;
  const headline: Figure[] = [
    {
      label: labels.reps,
      value: fmt.integer(group.repCount),
      // The managers named as such: under the count, a bare name read as one of the reps.
      detail: [
        group.managers.length === 0
          ? ''
          : `${group.managers.length === 1 ? labels.manager : labels.managers} ${group.managers.join(', ')}`,
        newcomers === 0 ? '' : fmt.plural('newcomers', newcomers),
      ]
        .filter((part) => part !== '')
        .join(' · '),
      tone: 'flat',
    },
    {
      label: labels.overall,
      value: fmt.level(overall.level),
      detail:
        overall.previous === null
          ? ''
          : `${fmt.delta(overall.delta)} ${changeBasis(overall, ctx, true)} · ${fmt.level(overall.previous)} ${fmt.t('vsSameReps', { year: year - 1 })}`,
      tone: deltaClass(overall.delta),
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
          : `${fmt.integer(group.coaching.previousCount)} ${fmt.t('vsSameReps', { year: year - 1 })}`,
      tone:
        group.coaching.previousCount === null
          ? 'flat'
          : deltaClass(group.coaching.count - group.coaching.previousCount),
    },
  ];
  // A first-year arrival has no trend in any competency: counted as new, not among the unknown.
  const competencies = group.competencies.map((c) => ({
    label: ctx.competencyLabel(c.id),
    previous: fmt.level(c.previous),
    level: fmt.level(c.level),
    delta: fmt.delta(c.delta),
    deltaClass: deltaClass(c.delta),
    ...basis(c),
    expected: fmt.level(c.expected),
    progressed: fmt.integer(c.progressed),
    stable: fmt.integer(c.stable),
    regressed: fmt.integer(c.regressed),
    newcomers: fmt.integer(newcomers),
    unknown: fmt.integer(Math.max(0, c.unknown - newcomers)),
  }));
  return {
    labels,
    headline,
    competencies,
    noComparison: comparable || group.repCount === 0 ? null : labels.noGroupComparison,
    basis,
  };
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
 * month in progress is shown as in progress, the months to come as blank
 * (SPEC §5: "a month in progress is never a missed month").
 */
function coverageCell(n: number, month: number, row: CoverageInput, ctx: ReportContext) {
  if (month < (row.startMonth ?? 1)) return { value: '', level: 'before' };
  const state = month === row.monthInProgress ? ' in-progress' : '';
  if (n > 0) return { value: ctx.fmt.integer(n), level: `c${Math.min(n, 3)}${state}` };
  if (row.monthsWithout.includes(month)) return { value: '0', level: 'c0' };
  return { value: '', level: state === '' ? 'upcoming' : 'in-progress' };
}

/** The coverage table's legend: what a boxed 0, a grey cell, the month in progress and a blank cell mean. */
function coverageIntro(
  first: string,
  before: 'coverageBefore' | 'teamCoverageBefore',
  coaching: GroupFigures['coaching'],
  rows: readonly CoverageInput[],
  ctx: ReportContext,
): string {
  const { fmt } = ctx;
  const lastBegun = coaching.monthInProgress ?? coaching.monthsOver;
  return [
    first,
    rows.some((row) => (row.startMonth ?? 1) > 1) ? fmt.t(before) : '',
    coaching.monthInProgress === null
      ? ''
      : fmt.t('coverageInProgress', { month: fmt.months[coaching.monthInProgress - 1] ?? '' }),
    lastBegun < 12 ? fmt.t('coverageUpcoming') : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * @param reps the team's reps' figures, so that a member's change resting on
 *   a single assessment (this year or last) is marked and not coloured;
 *   without them, only this year's count is known.
 */
export function teamView(
  team: TeamFigures,
  ctx: ReportContext,
  svg: (key: string) => string,
  reps: readonly RepFigures[] = [],
) {
  const { fmt, year, framework } = ctx;
  const previousCount = new Map(reps.map((rep) => [rep.id, rep.coaching.previous?.count ?? null]));
  const single = fmt.t('singleObservation');
  const singleLastYear = fmt.t('singleObservationPrevious', { previous: year - 1 });
  const { labels, headline, competencies, noComparison } = groupParts(team, ctx);
  const name = team.name ?? fmt.t('noTeam');
  const asOf = fmt.date(team.coaching.asOf);
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
    profile: { chart: svg('profile'), rows: competencies, noComparison },
    members: team.members.map((m) => {
      // SPEC §5: a change resting on one score is marked, never coloured.
      const lastYearOnOne = previousCount.get(m.id) === 1;
      const deltaOnOne = m.overall.delta !== null && (m.assessments === 1 || lastYearOnOne);
      return {
        name: m.name,
        overall: fmt.level(m.overall.level),
        overallMark: m.assessments === 1 ? single : null,
        firstYear: m.firstYear,
        delta: m.firstYear ? labels.memberFirstYear : fmt.delta(m.overall.delta),
        deltaMark: !deltaOnOne ? null : m.assessments === 1 ? single : singleLastYear,
        deltaClass: m.firstYear ? 'new' : deltaClass(m.overall.delta, deltaOnOne),
        goals: m.goals.set === 0 ? fmt.t('na') : `${m.goals.met} / ${m.goals.set}`,
        focus: m.focus === null ? fmt.t('na') : ctx.competencyLabel(m.focus),
        assessments: fmt.integer(m.assessments),
      };
    }),
    coverage: {
      intro: coverageIntro(
        fmt.t('coverageIntro', { asOf }),
        'coverageBefore',
        team.coaching,
        team.coaching.coverage,
        ctx,
      ),
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
  const { labels, headline, competencies, noComparison, basis } = groupParts(org, ctx);
  const teamName = (name: string | null) => name ?? fmt.t('noTeam');
  const coverage = teams.map((t) => ({ ...t.coaching, name: teamName(t.name) }));
  return {
    lang: framework.locale,
    title: `${labels.organisationReport} ${year} – ${framework.organisation}`,
    author: framework.organisation,
    labels,
    organisation: framework.organisation,
    year,
    previousYear: year - 1,
    headline,
    profile: { chart: svg('profile'), rows: competencies, noComparison },
    teamsChart: svg('teams'),
    teams: org.teams.map((t) => ({
      name: teamName(t.name),
      link: teamLinks.get(t.id) ?? null,
      reps: fmt.integer(t.repCount),
      managers: t.managers.join(', '),
      overall: fmt.level(t.overall.level),
      delta: fmt.delta(t.overall.delta),
      deltaClass: deltaClass(t.overall.delta),
      ...basis(t.overall),
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
            ...(x === undefined ? { deltaBasis: null, deltaReason: null } : basis(x)),
          };
        }),
      })),
    },
    coverage: {
      intro: coverageIntro(
        fmt.t('teamCoverageIntro', { asOf: fmt.date(org.coaching.asOf) }),
        'teamCoverageBefore',
        org.coaching,
        coverage,
        ctx,
      ),
      months: fmt.shortMonths,
      rows: coverageRows(coverage, ctx),
    },
    repsWithout: fmt.integer(org.coaching.repsWithout),
  };
}
