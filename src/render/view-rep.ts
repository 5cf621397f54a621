/**
 * The view of a rep's report (SPEC §6): every figure formatted in the
 * framework's locale, in the order the report shows them. Templates only lay
 * it out. Free text is passed as written; the templates escape it.
 */
import type { CompetencyFigures, RepFigures } from '../analyze/index.js';
import type { RepYear } from '../model/schema.js';
import { progressionChart, radarChart, palette, type ChartSpec } from './chart-specs.js';
import { deltaClass, gapClass, gapText, labelsFor, type Figure, type ReportContext } from './view-common.js';
import { coachingView } from './view-rep-coaching.js';
import { diagnosisView } from './view-rep-diagnosis.js';

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
  if (rep.firstYear) {
    // Nothing of last year is drawn: the intros do not promise it.
    labels.profileIntro = labels.profileIntroFirstYear;
    labels.progressionIntro = labels.progressionIntroFirstYear;
  }
  const title = `${labels.annualReview} ${year} – ${rep.name}`;
  const competencyById = new Map(framework.competencies.map((c) => [c.id, c]));
  const figuresById = new Map(rep.competencies.map((c) => [c.id, c]));
  const single = fmt.t('singleObservation');
  const goalsMet = rep.goals.filter((g) => g.status === 'met').length;
  /** SPEC §5: a goal status resting on a single score is marked, never coloured. */
  const goalOnOne = (competency: string) => figuresById.get(competency)?.count === 1;
  const count = rep.coaching.count;
  const previousCount = rep.coaching.previous?.count ?? null;
  // The overall change rests on one score when either year rests on a single assessment.
  const overallOnOne = rep.overall.delta !== null && (count === 1 || previousCount === 1);
  const lastYear = fmt.t('vs', { year: year - 1 });
  const overallMark = !overallOnOne
    ? ''
    : ` (${count === 1 ? single : fmt.t('singleObservationPrevious', { previous: year - 1 })})`;

  const headline: Figure[] = [
    {
      label: labels.overall,
      value: fmt.level(rep.overall.level),
      detail: rep.firstYear
        ? labels.firstYearShort
        : `${fmt.delta(rep.overall.delta)}${overallMark} · ${fmt.level(rep.overall.previous)} ${lastYear}`,
      tone: deltaClass(rep.overall.delta, overallOnOne),
    },
    {
      label: labels.goalsMet,
      value: rep.goals.length === 0 ? fmt.t('na') : `${goalsMet} / ${rep.goals.length}`,
      detail: rep.goals.length === 0 ? fmt.t('noGoals', { year }) : '',
      tone:
        rep.goals.length > 0 && goalsMet === rep.goals.length && !rep.goals.some((g) => goalOnOne(g.competency))
          ? 'up'
          : 'flat',
    },
    {
      label: labels.assessments,
      value: fmt.integer(count),
      detail: previousCount === null ? labels.firstYearShort : `${fmt.integer(previousCount)} ${lastYear}`,
      tone: previousCount === null ? 'flat' : deltaClass(count - previousCount),
    },
    {
      label: labels.ratio,
      value: fmt.percent(rep.results.ratio),
      detail: rep.results.previous === null ? '' : `${fmt.percent(rep.results.previous)} ${lastYear}`,
      tone:
        rep.results.ratio === null || rep.results.previous === null
          ? 'flat'
          : deltaClass(rep.results.ratio - rep.results.previous),
    },
  ];
  // SPEC §5: "a rep's headline says on how many assessments it rests when they are fewer than 3".
  const fewAssessments =
    count >= 3 ? null : count === 0 ? fmt.t('noAssessmentHeadline', { year }) : fmt.plural('fewAssessments', count);

  const profileRows = rep.competencies.map((c) => {
    const reached = c.level === null ? undefined : Math.floor(c.level + 1e-9);
    const competency = competencyById.get(c.id);
    const levelLabel = reached === undefined ? undefined : framework.scale.labels?.[String(reached)];
    const description = reached === undefined ? undefined : competency?.levels?.[String(reached)];
    const levelOnOne = c.count === 1;
    const previousOnOne = c.previousCount === 1;
    const deltaOnOne = c.delta !== null && (levelOnOne || previousOnOne);
    return {
      id: c.id,
      label: ctx.competencyLabel(c.id),
      previous: fmt.level(c.previous),
      previousMark: previousOnOne ? single : null,
      level: fmt.level(c.level),
      levelMark: levelOnOne ? single : null,
      delta: fmt.delta(c.delta),
      deltaMark: deltaOnOne ? single : null,
      deltaClass: deltaClass(c.delta, deltaOnOne),
      expected: fmt.level(c.expected),
      gap: gapText(fmt, c.gap),
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

  const goals = rep.goals.map((g) => {
    const onOne = g.status !== 'not-assessed' && goalOnOne(g.competency);
    return {
      competency: ctx.competencyLabel(g.competency),
      target: fmt.level(g.target),
      level: fmt.level(g.level),
      levelMark: onOne ? single : null,
      status: labels[g.status === 'met' ? 'met' : g.status === 'not-met' ? 'notMet' : 'notAssessed'],
      statusClass: onOne ? 'single' : g.status,
      statusMark: onOne ? single : null,
      note: g.note,
    };
  });

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
    fewAssessments,
    profile: { chart: svg('radar'), rows: profileRows },
    progression: {
      charts: progression,
      notObserved:
        notObserved.length === 0
          ? null
          : fmt.t('notObserved', { year, previous: year - 1, list: fmt.list(notObserved) }),
    },
    goals,
    diagnosis: diagnosisView(rep, data, ctx),
    coaching: coachingView(rep.coaching, data, ctx),
    results,
    words:
      data.review?.manager === undefined && data.review?.rep === undefined
        ? null
        : { manager: data.review.manager ?? null, rep: data.review.rep ?? null },
  };
}

export type RepView = ReturnType<typeof repView>;
