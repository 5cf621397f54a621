/** One rep-year file against the framework (SPEC §3, §4). */
import { startOfYear } from '../analyze/dates.js';
import type { Diagnostic, Severity } from '../model/dataset.js';
import { repYearSchema, type Framework, type RepYear } from '../model/schema.js';
import { SLUG, slugify } from '../model/text.js';
import type { ParsedFile } from '../load/parse-yaml.js';
import { diagnosticOf, type DiagnosticText } from '../messages/diagnostics.js';
import { knownKeysOf } from './known-keys.js';
import { droppedRepKeys } from './proto-keys.js';
import { issuesToDiagnostics, valueAt, type IssueContext } from './zod-issues.js';

type RepSchema = ReturnType<typeof repYearSchema>;

/** The longest rep id (a file name without `.yaml`): `reps/<id>.pdf` is never too long for the file system. */
export const MAX_REP_ID = 100;

/** One schema per framework and year, built once for all the rep files of that year (a schema takes longer to build than to run). */
const schemas = new WeakMap<Framework, Map<number, RepSchema>>();
let contextFree: RepSchema | undefined;

function schemaFor(framework: Framework | undefined, year: number | undefined): RepSchema {
  if (framework === undefined || year === undefined) return (contextFree ??= repYearSchema());
  let byYear = schemas.get(framework);
  if (byYear === undefined) schemas.set(framework, (byYear = new Map<number, RepSchema>()));
  let schema = byYear.get(year);
  if (schema === undefined) {
    schema = repYearSchema({
      year,
      scale: framework.scale,
      competencies: framework.competencies.map((c) => c.id),
      contexts: (framework.contexts ?? []).map((c) => c.id),
      roles: framework.roles.map((r) => r.id),
    });
    byYear.set(year, schema);
  }
  return schema;
}

export interface RepCheck extends Omit<IssueContext, 'knownKeys'> {
  /** The folder's year; undefined when the folder is not a year. */
  year: number | undefined;
  /** The framework, when it is valid: without it only the shape of the file is checked. */
  framework: Framework | undefined;
  /** The build's date, YYYY-MM-DD: an assessment after it is a warning. Without it, not checked. */
  asOf: string | undefined;
}

export function validateRepYear(
  parsed: ParsedFile,
  stem: string,
  check: RepCheck,
): { data?: RepYear; diagnostics: Diagnostic[] } {
  const { year, framework, catalogue } = check;
  const diagnostics: Diagnostic[] = [];
  const at = (severity: Severity, path: PropertyKey[], text: DiagnosticText, target: 'key' | 'value' = 'value') => {
    const place = path.length === 0 ? { line: 0, column: 0 } : parsed.locate(path, target);
    diagnostics.push(diagnosticOf(catalogue, severity, { file: parsed.file, ...place }, text));
  };

  if (!SLUG.test(stem)) at('error', [], { code: 'bad-file-name', params: { stem, slug: slugify(stem) } });
  // The rep's report is named after the file, beside a temporary file with 30 more characters: bounded well below 255.
  else if (stem.length > MAX_REP_ID)
    at('error', [], { code: 'file-name-too-long', params: { length: stem.length, max: MAX_REP_ID } });
  if (parsed.value === undefined) return { diagnostics };

  const schema = schemaFor(framework, year);
  const result = schema.safeParse(parsed.value);
  if (!result.success)
    diagnostics.push(
      ...issuesToDiagnostics(parsed, result.error.issues, {
        ...check,
        knownKeys: knownKeysOf(schema),
        competencies: competencyIdsOf(framework),
      }),
    );

  if (framework !== undefined) {
    const competencies = framework.competencies.map((c) => c.id);
    for (const { path, text } of droppedRepKeys(parsed.value, competencies)) at('error', path, text, 'key');
  }

  // Checked on the raw data, so that it is reported even when another part of the file is wrong.
  const firstGoal = new Map<string, number>();
  const goals = valueAt(parsed.value, ['goals']);
  (Array.isArray(goals) ? goals : []).forEach((goal: unknown, index) => {
    const competency = valueAt(goal, ['competency']);
    if (typeof competency !== 'string') return;
    const first = firstGoal.get(competency);
    if (first !== undefined)
      at('error', ['goals', index, 'competency'], { code: 'duplicate-goal', params: { competency, first } });
    else firstGoal.set(competency, index);
  });
  if (!result.success) return { diagnostics };
  const data = result.data;

  data.assessments.forEach((assessment, index) => {
    const { date } = assessment;
    if (data.since !== undefined && date < data.since)
      at('warning', ['assessments', index, 'date'], { code: 'before-since', params: { date, since: data.since } });
    if (check.asOf !== undefined && date > check.asOf)
      at('warning', ['assessments', index, 'date'], { code: 'after-build-date', params: { date, asOf: check.asOf } });
    for (const competency of Object.keys(assessment.notes ?? {})) {
      if (!Object.hasOwn(assessment.scores, competency))
        at(
          'warning',
          ['assessments', index, 'notes', competency],
          { code: 'note-not-scored', params: { competency } },
          'key',
        );
    }
  });
  if (framework !== undefined && year !== undefined) {
    if (data.assessments.length === 0) {
      // Before the year begins (its files made by new-year in December), no session is no neglect yet.
      const notBegun = check.asOf !== undefined && check.asOf < startOfYear(year) ? check.asOf : undefined;
      at('warning', [], { code: 'never-coached', params: { year, notBegun } });
    } else {
      const observed = new Set(data.assessments.flatMap((a) => Object.keys(a.scores)));
      const labels = framework.competencies.filter((c) => !observed.has(c.id)).map((c) => c.label);
      if (labels.length > 0) at('warning', ['assessments'], { code: 'never-observed', params: { year, labels } });
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { data, diagnostics };
}

const competencySets = new WeakMap<Framework, ReadonlySet<string>>();

/** The framework's competency ids, as a set made once per framework. */
function competencyIdsOf(framework: Framework | undefined): ReadonlySet<string> | undefined {
  if (framework === undefined) return undefined;
  let ids = competencySets.get(framework);
  if (ids === undefined) competencySets.set(framework, (ids = new Set(framework.competencies.map((c) => c.id))));
  return ids;
}
