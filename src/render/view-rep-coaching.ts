/**
 * The coaching section of a rep's report (SPEC §6): its figures, the
 * assessments per month as of the build's date, and the coaching log with
 * each competency's note beside it.
 */
import type { CoachingFigures, CoachingYear } from '../analyze/index.js';
import type { RepYear } from '../model/schema.js';
import { compareText } from '../model/text.js';
import type { Figure, ReportContext } from './view-common.js';

const DAY = 86_400_000;
const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * Where the longest stretch without an assessment lies: the two consecutive
 * points of SPEC §5's stretch (`start`, the assessments on or after it,
 * `end`) furthest apart — the first such pair on a tie. Null when the period
 * is empty.
 */
export function longestStretch(coaching: CoachingYear, dates: readonly string[]): { from: string; to: string } | null {
  const points = [coaching.start, ...dates.filter((date) => date >= coaching.start).sort(compareText), coaching.end];
  let best: { from: string; to: string; days: number } | null = null;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1];
    const to = points[i];
    if (from === undefined || to === undefined) continue;
    const days = Math.round((utc(to) - utc(from)) / DAY);
    if (days > 0 && (best === null || days > best.days)) best = { from, to, days };
  }
  return best;
}

/** The words under the longest stretch: where it lies, and whether it is still going on at the as-of date. */
function stretchDetail(coaching: CoachingYear, dates: readonly string[], ctx: ReportContext): string {
  const { fmt } = ctx;
  const stretch = longestStretch(coaching, dates);
  if (stretch === null) return '';
  const from = fmt.shortDate(stretch.from);
  if (!dates.some((date) => date >= coaching.start)) return fmt.t('neverCoached', { from });
  // Ending on the as-of date with no session that day: the stretch is not over, unless the year is.
  const ongoing = stretch.to === coaching.asOf && !dates.includes(coaching.asOf) && coaching.asOf < `${ctx.year}-12-31`;
  return ongoing ? fmt.t('stretchOngoing', { from }) : fmt.t('stretchFromTo', { from, to: fmt.shortDate(stretch.to) });
}

export function coachingView(coaching: CoachingFigures, data: RepYear, ctx: ReportContext) {
  const { fmt, year, framework } = ctx;
  const previous = coaching.previous;
  const lastYear = fmt.t('vs', { year: year - 1 });
  const dates = data.assessments.map((a) => a.date);
  const figures: Figure[] = [
    {
      label: fmt.t('assessments'),
      value: fmt.integer(coaching.count),
      detail: previous === null ? fmt.t('firstYearShort') : `${fmt.integer(previous.count)} ${lastYear}`,
      tone: 'flat',
    },
    {
      label: fmt.t('longestGap'),
      value: fmt.plural('days', coaching.longestGapDays),
      detail: [
        stretchDetail(coaching, dates, ctx),
        previous === null ? '' : `${fmt.plural('days', previous.longestGapDays)} ${lastYear}`,
      ]
        .filter((part) => part !== '')
        .join(' · '),
      tone: 'flat',
    },
    {
      label: fmt.t('monthsWithout'),
      value: fmt.plural('months', coaching.monthsWithout.length),
      detail:
        coaching.monthsWithout.length === 0
          ? fmt.t('none')
          : fmt.list(coaching.monthsWithout.map((month) => fmt.months[month - 1] ?? '')),
      tone: coaching.monthsWithout.length > 0 ? 'down' : 'up',
    },
  ];

  // Month numbers (1 = January): only a month over at the as-of date can be missed (SPEC §5);
  // the month in progress is shown as such, the months after it have not come yet.
  const startMonth = Number(coaching.start.slice(5, 7));
  const missed = new Set(coaching.monthsWithout);
  const lastBegun = coaching.monthInProgress ?? coaching.monthsOver;
  const months = coaching.perMonth.map((count, index) => {
    const month = index + 1;
    const inProgress = month === coaching.monthInProgress;
    return {
      name: fmt.shortMonths[index] ?? '',
      count: count === 0 ? '' : fmt.integer(count),
      empty: missed.has(month),
      before: month < startMonth,
      inProgress,
      state: inProgress ? fmt.t('monthInProgress') : null,
      upcoming: count === 0 && month > lastBegun && month >= startMonth,
    };
  });
  const legend = [
    coaching.monthsWithout.length > 0 ? fmt.t('monthsLegend') : '',
    startMonth > 1 ? fmt.t('monthsLegendBefore') : '',
    coaching.monthInProgress === null
      ? ''
      : fmt.t('monthsLegendInProgress', { month: fmt.months[coaching.monthInProgress - 1] ?? '' }),
    lastBegun < 12 ? fmt.t('monthsLegendUpcoming') : '',
  ]
    .filter((part) => part !== '')
    .join(' ');

  const log = data.assessments
    .map((a, index) => ({ a, index }))
    .sort((x, y) => compareText(x.a.date, y.a.date) || x.index - y.index)
    .map(({ a }) => ({
      date: fmt.date(a.date),
      kind: a.kind ?? null,
      context: a.context === undefined ? null : ctx.contextLabel(a.context),
      scores: framework.competencies
        .filter((c) => Object.hasOwn(a.scores, c.id))
        .map((c) => ({ label: c.label, value: fmt.level(a.scores[c.id] ?? null) })),
      // SPEC §3: a note is about one competency; shown beside it, in framework order, as written.
      notes: framework.competencies.flatMap((c) => {
        const text = a.notes !== undefined && Object.hasOwn(a.notes, c.id) ? a.notes[c.id] : undefined;
        if (text === undefined || text.trim() === '') return [];
        const score = Object.hasOwn(a.scores, c.id) ? a.scores[c.id] : undefined;
        return [{ label: c.label, score: score === undefined ? fmt.t('notScored') : fmt.level(score), text }];
      }),
      strengths: a.strengths ?? null,
      improvements: a.improvements ?? null,
      actions: a.actions ?? [],
    }));

  return {
    intro: fmt.t('coachingIntro', { asOf: fmt.date(coaching.asOf) }),
    figures,
    months,
    legend,
    log,
  };
}
