/**
 * `revue new-year` (SPEC §7): next year's files, started from this year's.
 * For every rep of year − 1 without a file in `year`: name, role, team and
 * manager copied; `goals` set to the proposed course of SPEC §5 — up to three
 * focus entries with a positive gap, target their expected level — each with
 * a comment giving its evidence; and an empty coaching log with a commented
 * example entry. Pure: the files are returned as text; writing them (never
 * over an existing file) is the caller's.
 */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { computeFigures, type CompetencyFigures, type RepFigures } from '../analyze/index.js';
import type { Dataset } from '../model/dataset.js';
import type { Framework } from '../model/schema.js';
import { newYearTexts, type NewYearTexts } from './texts.js';

/** Above EPSILON: a competency at its expected level up to floating point noise has no gap. */
const POSITIVE = 1e-9;

export interface NewYearFile {
  /** The rep id. */
  rep: string;
  /** Relative to the data folder: `2027/alice-martin.yaml`. */
  path: string;
  text: string;
  /** The competencies of the goals written, in their order. */
  goals: string[];
}

/**
 * The files of `year` for the reps of `year − 1` who have none yet, in rep id
 * order. `buildDate` (YYYY-MM-DD): last year's figures are computed as of it
 * (SPEC §5: 31 December of year − 1, or that day when earlier).
 */
export function nextYearFiles(dataset: Dataset, year: number, buildDate: string): NewYearFile[] {
  const taken = new Set(dataset.reps.filter((r) => r.year === year).map((r) => r.id));
  const records = new Map(dataset.reps.filter((r) => r.year === year - 1).map((r) => [r.id, r]));
  if (records.size === 0) return [];
  const figures = computeFigures(dataset, year - 1, buildDate);
  const texts = newYearTexts(dataset.framework.locale);
  return figures.reps
    .filter((rep) => !taken.has(rep.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rep) => {
      const course = proposedCourse(rep);
      return {
        rep: rep.id,
        path: `${year}/${rep.id}.yaml`,
        text: fileText(rep, course, year, dataset.framework, texts),
        goals: course.map((c) => c.id),
      };
    });
}

/** SPEC §7 new-year: "up to three focus entries with a positive gap, target their expected level". */
export function proposedCourse(rep: RepFigures): Array<CompetencyFigures & { expected: number }> {
  return rep.focus
    .map((id) => rep.competencies.find((c) => c.id === id))
    .filter(
      (c): c is CompetencyFigures & { expected: number } =>
        c !== undefined && c.expected !== null && (c.gap ?? 0) > POSITIVE,
    );
}

function fileText(
  rep: RepFigures,
  course: ReadonlyArray<CompetencyFigures & { expected: number }>,
  year: number,
  framework: Framework,
  texts: NewYearTexts,
): string {
  const data: Record<string, unknown> = { name: rep.name, role: rep.role };
  if (rep.team !== null) data['team'] = rep.team;
  if (rep.manager !== null) data['manager'] = rep.manager;
  data['goals'] = course.map((c) => ({ competency: c.id, target: c.expected }));
  data['assessments'] = [];
  const doc = new Document(data);
  const root = doc.contents;
  // The `$schema` line as `revue init` writes it: the first line, the keys right below.
  const schema = '# yaml-language-server: $schema=../../schema/rep.schema.json\n';
  if (!isMap(root)) return schema + doc.toString();
  const label = (id: string, list: ReadonlyArray<{ id: string; label: string }> | undefined) =>
    list?.find((item) => item.id === id)?.label ?? id;
  const level = new Intl.NumberFormat(framework.locale === 'fr' ? 'fr-FR' : 'en-US', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    if (pair.key.value === 'goals') {
      pair.key.commentBefore = texts.goalsIntro(year - 1);
      if (isSeq(pair.value)) {
        if (course.length === 0) pair.key.commentBefore = texts.noGoals(year - 1);
        pair.value.items.forEach((item, i) => {
          const c = course[i];
          if (c === undefined || !isMap(item)) return;
          const weakest = c.weakestContext === null ? undefined : c.contexts.find((x) => x.id === c.weakestContext);
          item.commentBefore = texts.evidence({
            competency: label(c.id, framework.competencies),
            level: c.level === null ? '—' : level.format(c.level),
            expected: level.format(c.expected),
            year: year - 1,
            weakest:
              weakest === undefined || weakest.level === null
                ? null
                : { context: label(weakest.id, framework.contexts), level: level.format(weakest.level) },
          });
        });
      }
    }
    if (pair.key.value === 'assessments')
      pair.key.commentBefore = texts.logIntro(year, framework.competencies[0]?.id ?? 'discovery');
  }
  return schema + doc.toString({ lineWidth: 0 });
}
