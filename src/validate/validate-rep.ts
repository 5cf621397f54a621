/** One rep-year file against the framework (SPEC §3, §4). */
import type { Diagnostic } from '../model/dataset.js';
import { repYearSchema, type Framework, type RepYear } from '../model/schema.js';
import { SLUG, slugify } from '../model/text.js';
import type { ParsedFile } from '../load/parse-yaml.js';
import { knownKeysOf } from './known-keys.js';
import { issuesToDiagnostics, valueAt } from './zod-issues.js';

type RepSchema = ReturnType<typeof repYearSchema>;

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

export function validateRepYear(
  parsed: ParsedFile,
  stem: string,
  year: number | undefined,
  framework: Framework | undefined,
): { data?: RepYear; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (severity: Diagnostic['severity'], path: PropertyKey[], message: string, hint?: string) =>
    diagnostics.push({
      severity,
      file: parsed.file,
      ...(path.length === 0 ? { line: 0, column: 0 } : parsed.locate(path)),
      message,
      ...(hint === undefined ? {} : { hint }),
    });

  if (!SLUG.test(stem)) {
    at(
      'error',
      [],
      `the file name "${stem}" is not a valid rep id`,
      'name the file after the rep in lowercase with hyphens, e.g. alice-martin.yaml',
    );
  }
  if (parsed.value === undefined) return { diagnostics };

  const schema = schemaFor(framework, year);
  const result = schema.safeParse(parsed.value);
  if (!result.success) diagnostics.push(...issuesToDiagnostics(parsed, result.error.issues, knownKeysOf(schema)));

  // Checked on the raw data, so that it is reported even when another part of the file is wrong.
  const firstGoal = new Map<string, number>();
  const goals = valueAt(parsed.value, ['goals']);
  (Array.isArray(goals) ? goals : []).forEach((goal: unknown, index) => {
    const competency = valueAt(goal, ['competency']);
    if (typeof competency !== 'string') return;
    const first = firstGoal.get(competency);
    if (first !== undefined)
      at(
        'error',
        ['goals', index, 'competency'],
        `a goal for "${competency}" is already set at goals[${first}]`,
        'keep one goal per competency',
      );
    else firstGoal.set(competency, index);
  });
  if (!result.success) return { diagnostics };
  const data = result.data;

  if (data.team !== undefined && slugify(data.team) === '') {
    at(
      'error',
      ['team'],
      `the team name "${data.team}" has no letter or digit to name its report file with`,
      'write the team name with letters, e.g. "Paris Sud"',
    );
  }
  if (data.since !== undefined) {
    const since = data.since;
    data.assessments.forEach((assessment, index) => {
      if (assessment.date < since)
        at(
          'warning',
          ['assessments', index, 'date'],
          `${assessment.date} is before "since" (${since}): it is not counted in the coaching stretch`,
        );
    });
  }
  if (framework !== undefined && year !== undefined) {
    if (data.assessments.length === 0) {
      at('warning', [], `no assessment in ${year}: this rep was never coached this year`);
    } else {
      const observed = new Set(data.assessments.flatMap((a) => Object.keys(a.scores)));
      const never = framework.competencies.filter((c) => !observed.has(c.id)).map((c) => c.label);
      if (never.length > 0) at('warning', ['assessments'], `never observed in ${year}: ${never.join(', ')}`);
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { data, diagnostics };
}
