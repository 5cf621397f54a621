/**
 * The diagnosis of a rep's report (SPEC §6): the focus entries with their
 * evidence, the uncertain competencies and the proposed course, worded as
 * SPEC §5 "How the reports word the figures" says.
 */
import type { CompetencyFigures, RepFigures } from '../analyze/index.js';
import type { Assessment, RepYear } from '../model/schema.js';
import { compareText } from '../model/text.js';
import { gapSide, gapText, type ReportContext } from './view-common.js';

/** The note a diagnosis entry quotes as its evidence (SPEC §5 "Evidence of a diagnosis entry"). */
export type EvidenceNote =
  /** `notes[c]` of the latest assessment that has one. */
  | { kind: 'competency'; intro: string; text: string }
  /** Failing that, the `improvements` of the latest session that scored c: a note on that whole session. */
  | { kind: 'session'; intro: string; text: string }
  /** The same session's note, already quoted under an entry above: referred to, not repeated. */
  | { kind: 'session-above'; intro: string; text: null }
  | { kind: 'none'; intro: string; text: null };

/** The year's assessments in `s(c,y)` order: date order, same date file order. */
function inOrder(data: RepYear): Array<{ assessment: Assessment; index: number }> {
  return data.assessments
    .map((assessment, index) => ({ assessment, index }))
    .sort((a, b) => compareText(a.assessment.date, b.assessment.date) || a.index - b.index);
}

/** `notes[c]`, when written and not blank (hasOwn: an id such as "constructor" must not read the prototype). */
function noteOf(assessment: Assessment, competency: string): string | null {
  const notes = assessment.notes;
  if (notes === undefined || !Object.hasOwn(notes, competency)) return null;
  const text = notes[competency];
  return text === undefined || text.trim() === '' ? null : text;
}

/**
 * SPEC §5 "Evidence of a diagnosis entry `c`: […] the latest note about `c`:
 * `notes[c]` of the latest assessment that has one; failing that, the
 * `improvements` of the latest assessment that scored `c`, shown as a note
 * of that whole session (its date and the other competencies it scored),
 * never as if it were about `c` alone."
 *
 * The latest assessment with a `notes[c]` is taken among all of the year's,
 * in `s(c,y)` order: a note on `c` in a session that did not score it (a
 * warning at validation) is still about `c`. The fallback is the latest
 * assessment that scored `c` and has an `improvements` text.
 *
 * A session's note is quoted once: when it would be the evidence of a second
 * entry, that entry says it is the note quoted above, under the first — a rep
 * reading the same words under two competencies would take them as about
 * each. `quoted` carries the sessions already quoted (assessment index →
 * the competency label they were quoted under) from entry to entry.
 */
export function evidenceNote(
  c: CompetencyFigures,
  data: RepYear,
  ctx: ReportContext,
  quoted: Map<number, string>,
): EvidenceNote {
  const { fmt, framework } = ctx;
  const competency = ctx.competencyLabel(c.id);
  const ordered = inOrder(data);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const entry = ordered[i];
    const text = entry === undefined ? null : noteOf(entry.assessment, c.id);
    if (entry !== undefined && text !== null) {
      return {
        kind: 'competency',
        intro: fmt.t('competencyNote', { competency, date: fmt.date(entry.assessment.date) }),
        text,
      };
    }
  }
  for (const point of [...c.scores].reverse()) {
    const assessment = data.assessments[point.assessment];
    const text = assessment?.improvements;
    if (assessment === undefined || text === undefined || text.trim() === '') continue;
    const date = fmt.date(assessment.date);
    const already = quoted.get(point.assessment);
    if (already !== undefined) {
      return {
        kind: 'session-above',
        intro: fmt.t('sessionNoteAbove', { competency, date, other: already }),
        text: null,
      };
    }
    quoted.set(point.assessment, competency);
    const others = framework.competencies
      .filter((other) => other.id !== c.id && Object.hasOwn(assessment.scores, other.id))
      .map((other) => other.label);
    return {
      kind: 'session',
      intro: fmt.t('sessionNote', {
        competency,
        date,
        others:
          others.length === 0 ? fmt.t('sessionOnlyScored') : fmt.t('sessionAlsoScored', { list: fmt.list(others) }),
      }),
      text,
    };
  }
  return { kind: 'none', intro: fmt.t('noNote', { competency }), text: null };
}

/**
 * The title of a focus entry: "Priorité 2" only for a positive gap (below
 * expectation); an entry at or above its expected level says so (SPEC §5
 * "An entry of `focus` is called a priority only when its gap is positive").
 * The focus is ranked by largest gap first, so the priorities come first
 * and are numbered 1, 2, 3 in order.
 */
function entryTitle(c: CompetencyFigures, priorityRank: number, ctx: ReportContext): string {
  const side = gapSide(c.gap);
  if (side === 'below') return ctx.fmt.t('priority', { rank: priorityRank });
  if (side === 'at') return ctx.fmt.t('atExpected');
  if (side === 'above') return ctx.fmt.t('aboveExpected');
  return ctx.fmt.t('noExpected');
}

export function diagnosisView(rep: RepFigures, data: RepYear, ctx: ReportContext) {
  const { fmt, year } = ctx;
  const byId = new Map(rep.competencies.map((c) => [c.id, c]));
  const entries = rep.focus.map((id) => {
    const c = byId.get(id);
    if (c === undefined) throw new Error(`focus names an unknown competency ${id}`);
    return c;
  });
  const quoted = new Map<number, string>();
  let priorities = 0;
  const focus = entries.map((c, index) => {
    const side = gapSide(c.gap);
    if (side === 'below') priorities++;
    const weakest = c.weakestContext === null ? undefined : c.contexts.find((x) => x.id === c.weakestContext);
    // The delta rests on one score when either level does (focus entries have two scores this year).
    const deltaOnOne = c.delta !== null && (c.count === 1 || c.previousCount === 1);
    return {
      rank: index + 1,
      kind: side === 'below' ? 'priority' : (side ?? 'none'),
      title: entryTitle(c, priorities, ctx),
      label: ctx.competencyLabel(c.id),
      evidence: [
        { label: fmt.t('level'), value: fmt.level(c.level), mark: c.count === 1 ? fmt.t('singleObservation') : null },
        { label: fmt.t('expected'), value: fmt.level(c.expected), mark: null },
        { label: fmt.t('gap'), value: gapText(fmt, c.gap), mark: null },
        {
          label: fmt.t('delta'),
          value: fmt.delta(c.delta),
          mark: !deltaOnOne
            ? null
            : c.count === 1
              ? fmt.t('singleObservation')
              : fmt.t('singleObservationPrevious', { previous: year - 1 }),
        },
        { label: fmt.t('assessments'), value: fmt.integer(c.count), mark: null },
      ],
      weakestContext:
        weakest === undefined
          ? null
          : fmt.t('weakestContext', { context: ctx.contextLabel(weakest.id), level: fmt.level(weakest.level) }),
      singleContext:
        weakest === undefined && c.contexts.filter((x) => x.count > 0).length === 1 ? fmt.t('noWeakestContext') : null,
      note: evidenceNote(c, data, ctx, quoted),
    };
  });
  const uncertain = rep.uncertain.map((id) => {
    const count = byId.get(id)?.count ?? 0;
    return {
      label: ctx.competencyLabel(id),
      count: count === 0 ? fmt.t('neverObserved') : fmt.plural('observations', count),
    };
  });
  return {
    focus,
    noPriority: entries.length > 0 && priorities === 0 ? fmt.t('noPriority') : null,
    uncertain,
    course: courseView(entries, ctx),
  };
}

/**
 * SPEC §5: "The course proposed for next year is the first focus entry with
 * a positive gap, target its expected level; when there is none, the first
 * focus entry, target the next whole level of the scale above its level."
 * At the top of the scale there is no level above: the course says so
 * rather than proposing an impossible target. Past the last whole level of a
 * scale whose maximum is not whole, the target is the maximum.
 */
export function courseView(entries: readonly CompetencyFigures[], ctx: ReportContext) {
  const { fmt, framework, year } = ctx;
  const title = fmt.t('course', { next: year + 1 });
  const below = entries.find((c) => gapSide(c.gap) === 'below' && c.expected !== null);
  if (below !== undefined) {
    return {
      title,
      text: fmt.t('courseText', {
        competency: ctx.competencyLabel(below.id),
        level: fmt.level(below.level),
        target: fmt.level(below.expected),
      }),
    };
  }
  const first = entries[0];
  if (first === undefined || first.level === null) return null;
  const { max } = framework.scale;
  const named = (level: number) => {
    const name = Number.isInteger(level) ? framework.scale.labels?.[String(level)] : undefined;
    return name === undefined ? fmt.level(level) : fmt.t('levelWithName', { level: fmt.level(level), name });
  };
  const competency = ctx.competencyLabel(first.id);
  if (first.level >= max - 1e-9) return { title, text: fmt.t('courseTop', { competency, level: named(max) }) };
  const next = Math.min(Math.floor(first.level + 1e-9) + 1, max);
  return {
    title,
    text: fmt.t('courseNextLevel', { competency, level: fmt.level(first.level), target: named(next) }),
  };
}
