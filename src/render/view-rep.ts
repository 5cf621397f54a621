/**
 * The view of a rep's report (SPEC §6): every figure formatted in the
 * framework's locale, in the order the report shows them. Templates only lay
 * it out. Free text is passed as written; the templates escape it.
 */
import type { CompetencyFigures, RepFigures } from '../analyze/index.js';
import type { RepYear } from '../model/schema.js';
import { compareText } from '../model/text.js';
import { progressionChart, radarChart, palette, type ChartSpec } from './chart-specs.js';
import { deltaClass, gapClass, labelsFor, type Figure, type ReportContext } from './view-common.js';

export interface RepReportInput {
  rep: RepFigures;
  /** The rep's file of the year, for the coaching log and the year-end words. */
  data: RepYear;
}

/** The charts of one rep's report, keyed so that the view can find their SVG. */
export function repCharts(input: RepReportInput, ctx: ReportContext): Record<string, ChartSpec> {
  const { rep } = input;
  const { framework, fmt, year } = ctx;
  const colors = palette(framework.report?.accent ?? '#0b5cad');
  const charts: Record<string, ChartSpec> = {
    radar: radarChart({
      labels: rep.competencies.map((c) => ctx.competencyLabel(c.id)),
      level: rep.competencies.map((c) => c.level),
      previous: rep.firstYear ? null : rep.competencies.map((c) => c.previous),
      expected: rep.competencies.map((c) => c.expected),
      scale: framework.scale,
      year,
      fmt,
      colors,
    }),
  };
  for (const c of observed(rep)) {
    charts[`progression:${c.id}`] = progressionChart({
      competency: ctx.competencyLabel(c.id),
      scores: c.scores,
      previous: rep.firstYear ? null : c.previousScores,
      expected: c.expected,
      scale: framework.scale,
      year,
      fmt,
      colors,
    });
  }
  return charts;
}

/** Competencies with a score this year or last year: the ones with a progression to show. */
function observed(rep: RepFigures): CompetencyFigures[] {
  return rep.competencies.filter((c) => c.scores.length > 0 || c.previousScores.length > 0);
}

export function repView(input: RepReportInput, ctx: ReportContext, svg: (key: string) => string) {
  const { rep, data } = input;
  const { framework, fmt, year } = ctx;
  const labels = labelsFor(fmt, year);
  const title = `${labels.annualReview} ${year} – ${rep.name}`;
  const competencyById = new Map(framework.competencies.map((c) => [c.id, c]));
  const goalsMet = rep.goals.filter((g) => g.status === 'met').length;

  const headline: Figure[] = [
    {
      label: labels.overall,
      value: fmt.level(rep.overall.level),
      detail: rep.firstYear
        ? labels.firstYearShort
        : `${fmt.delta(rep.overall.delta)} · ${fmt.level(rep.overall.previous)} ${fmt.t('vs', { year: year - 1 })}`,
      tone: deltaClass(rep.overall.delta),
    },
    {
      label: labels.goalsMet,
      value: rep.goals.length === 0 ? fmt.t('na') : `${goalsMet} / ${rep.goals.length}`,
      detail: rep.goals.length === 0 ? fmt.t('noGoals', { year }) : '',
      tone: rep.goals.length > 0 && goalsMet === rep.goals.length ? 'up' : 'flat',
    },
    {
      label: labels.assessments,
      value: fmt.integer(rep.coaching.count),
      detail:
        rep.coaching.previous === null
          ? labels.firstYearShort
          : `${fmt.integer(rep.coaching.previous.count)} ${fmt.t('vs', { year: year - 1 })}`,
      tone: rep.coaching.previous === null ? 'flat' : deltaClass(rep.coaching.count - rep.coaching.previous.count),
    },
    {
      label: labels.ratio,
      value: fmt.percent(rep.results.ratio),
      detail:
        rep.results.previous === null ? '' : `${fmt.percent(rep.results.previous)} ${fmt.t('vs', { year: year - 1 })}`,
      tone:
        rep.results.ratio === null || rep.results.previous === null
          ? 'flat'
          : deltaClass(rep.results.ratio - rep.results.previous),
    },
  ];

  const profileRows = rep.competencies.map((c) => {
    const reached = c.level === null ? undefined : Math.floor(c.level + 1e-9);
    const competency = competencyById.get(c.id);
    const levelLabel = reached === undefined ? undefined : framework.scale.labels?.[String(reached)];
    const description = reached === undefined ? undefined : competency?.levels?.[String(reached)];
    return {
      id: c.id,
      label: ctx.competencyLabel(c.id),
      previous: fmt.level(c.previous),
      level: fmt.level(c.level),
      delta: fmt.delta(c.delta),
      deltaClass: deltaClass(c.delta),
      expected: fmt.level(c.expected),
      gap: fmt.level(c.gap),
      gapClass: gapClass(c.gap),
      count: fmt.integer(c.count),
      reached:
        reached === undefined
          ? null
          : { level: fmt.integer(reached), label: levelLabel ?? null, description: description ?? null },
    };
  });

  const progression = observed(rep).map((c) => ({
    label: ctx.competencyLabel(c.id),
    chart: svg(`progression:${c.id}`),
  }));
  const notObserved = rep.competencies
    .filter((c) => c.scores.length === 0 && c.previousScores.length === 0)
    .map((c) => ctx.competencyLabel(c.id));

  const goals = rep.goals.map((g) => ({
    competency: ctx.competencyLabel(g.competency),
    target: fmt.level(g.target),
    level: fmt.level(g.level),
    status: labels[g.status === 'met' ? 'met' : g.status === 'not-met' ? 'notMet' : 'notAssessed'],
    statusClass: g.status,
    note: g.note,
  }));

  const focus = rep.focus.map((id, index) => {
    const c = rep.competencies.find((x) => x.id === id);
    if (c === undefined) throw new Error(`focus names an unknown competency ${id}`);
    const weakest = c.weakestContext === null ? undefined : c.contexts.find((x) => x.id === c.weakestContext);
    const lastImprovement = [...c.scores]
      .reverse()
      .map((s) => ({ point: s, text: data.assessments[s.assessment]?.improvements }))
      .find((x) => x.text !== undefined && x.text.trim() !== '');
    return {
      rank: index + 1,
      title: fmt.t('priority', { rank: index + 1 }),
      label: ctx.competencyLabel(id),
      evidence: [
        { label: labels.level, value: fmt.level(c.level) },
        { label: labels.expected, value: fmt.level(c.expected) },
        { label: labels.gap, value: c.gap === null ? fmt.t('na') : fmt.level(c.gap) },
        { label: labels.delta, value: fmt.delta(c.delta) },
        { label: labels.assessments, value: fmt.integer(c.count) },
      ],
      weakestContext:
        weakest === undefined
          ? null
          : fmt.t('weakestContext', { context: ctx.contextLabel(weakest.id), level: fmt.level(weakest.level) }),
      singleContext:
        weakest === undefined && c.contexts.filter((x) => x.count > 0).length === 1 ? labels.noWeakestContext : null,
      lastImprovement:
        lastImprovement?.text === undefined
          ? null
          : {
              intro: fmt.t('lastImprovement', { date: fmt.date(lastImprovement.point.date) }),
              text: lastImprovement.text,
            },
    };
  });
  const uncertain = rep.uncertain.map((id) => {
    const c = rep.competencies.find((x) => x.id === id);
    return { label: ctx.competencyLabel(id), count: c?.count ?? 0 };
  });
  const top = rep.competencies.find((c) => c.id === rep.focus[0]);
  const course =
    top === undefined
      ? null
      : {
          title: fmt.t('course', { next: year + 1 }),
          text:
            top.gap !== null && top.gap > 1e-9 && top.expected !== null
              ? fmt.t('courseText', {
                  competency: ctx.competencyLabel(top.id),
                  level: fmt.level(top.level),
                  target: fmt.level(top.expected),
                })
              : fmt.t('courseTextNoGap', { competency: ctx.competencyLabel(top.id), level: fmt.level(top.level) }),
        };

  const coaching = rep.coaching;
  const previousCoaching = coaching.previous;
  const coachingFigures: Figure[] = [
    {
      label: labels.assessments,
      value: fmt.integer(coaching.count),
      detail:
        previousCoaching === null
          ? labels.firstYearShort
          : `${fmt.integer(previousCoaching.count)} ${fmt.t('vs', { year: year - 1 })}`,
      tone: 'flat',
    },
    {
      label: labels.longestGap,
      value: fmt.t('days', { n: fmt.integer(coaching.longestGapDays) }),
      detail:
        previousCoaching === null
          ? ''
          : `${fmt.t('days', { n: fmt.integer(previousCoaching.longestGapDays) })} ${fmt.t('vs', { year: year - 1 })}`,
      tone: 'flat',
    },
    {
      label: labels.monthsWithout,
      value: fmt.integer(coaching.monthsWithout.length),
      detail:
        coaching.monthsWithout.length === 0
          ? labels.none
          : fmt.list(coaching.monthsWithout.map((month) => fmt.months[month - 1] ?? '')),
      tone: coaching.monthsWithout.length > 0 ? 'down' : 'up',
    },
  ];
  // Month numbers (1 = January): only a month over at the as-of date can be missed (SPEC §5).
  const startMonth = Number(coaching.start.slice(5, 7));
  const missed = new Set(coaching.monthsWithout);
  const months = coaching.perMonth.map((count, index) => ({
    name: fmt.shortMonths[index] ?? '',
    count: count === 0 ? '' : fmt.integer(count),
    empty: missed.has(index + 1),
    before: index + 1 < startMonth,
    inProgress: index + 1 === coaching.monthInProgress,
  }));

  const log = data.assessments
    .map((a, index) => ({ a, index }))
    .sort((x, y) => compareText(x.a.date, y.a.date) || x.index - y.index)
    .map(({ a }) => ({
      date: fmt.date(a.date),
      kind: a.kind ?? null,
      context: a.context === undefined ? null : ctx.contextLabel(a.context),
      scores: framework.competencies
        .filter((c) => a.scores[c.id] !== undefined)
        .map((c) => ({ label: c.label, value: fmt.level(a.scores[c.id] ?? null) })),
      strengths: a.strengths ?? null,
      improvements: a.improvements ?? null,
      actions: a.actions ?? [],
    }));

  const r = rep.results;
  const results =
    r.target === null && r.previousTarget === null
      ? null
      : [
          {
            year: String(year),
            target: fmt.money(r.target),
            achieved: fmt.money(r.achieved),
            ratio: fmt.percent(r.ratio),
          },
          ...(r.previousTarget === null
            ? []
            : [
                {
                  year: String(year - 1),
                  target: fmt.money(r.previousTarget),
                  achieved: fmt.money(r.previousAchieved),
                  ratio: fmt.percent(r.previous),
                },
              ]),
        ];

  return {
    lang: framework.locale,
    title,
    author: framework.organisation,
    labels,
    organisation: framework.organisation,
    year,
    previousYear: year - 1,
    rep: {
      id: rep.id,
      name: rep.name,
      role: ctx.roleLabel(rep.role),
      team: rep.team,
      manager: rep.manager,
      since: rep.since === null ? null : fmt.date(rep.since),
    },
    firstYear: rep.firstYear ? fmt.t('firstYear', { previous: year - 1 }) : null,
    headline,
    profile: { chart: svg('radar'), rows: profileRows },
    progression: {
      charts: progression,
      notObserved:
        notObserved.length === 0
          ? null
          : fmt.t('notObserved', { year, previous: year - 1, list: fmt.list(notObserved) }),
    },
    goals,
    diagnosis: { focus, uncertain, course },
    coaching: { figures: coachingFigures, months, log },
    results,
    words:
      data.review?.manager === undefined && data.review?.rep === undefined
        ? null
        : { manager: data.review.manager ?? null, rep: data.review.rep ?? null },
  };
}

export type RepView = ReturnType<typeof repView>;
