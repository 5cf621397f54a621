/**
 * The one schema of both YAML formats (SPEC §2 and §3). The TypeScript types
 * are inferred from it and the JSON Schema for editors is generated from it,
 * so the three never drift.
 *
 * The schemas are built by a factory: without a context they check the shape
 * only (that is what the JSON Schema shows); with the framework and the year
 * of the folder they also check every cross-reference of SPEC §4 at the leaf
 * where it belongs, so every problem of a file comes out of one pass.
 *
 * A check of ours carries its diagnostic's code and parameters in the
 * issue's `params.text` (`where` is filled in from the issue's path), to be
 * worded in the workspace's language by validate/zod-issues.ts; zod's own
 * checks (types, keys, patterns, bounds) are worded there from the issue.
 */
import * as z from 'zod';
import type { DiagnosticText } from '../messages/diagnostics-en.js';
import { closest, SLUG } from './text.js';

/** What a rep-year file is checked against beyond its shape. */
export interface RepContext {
  year: number;
  scale: { min: number; max: number; step: number };
  competencies: readonly string[];
  contexts: readonly string[];
  roles: readonly string[];
}

/** What the framework's own cross-references are checked against. */
export interface FrameworkContext {
  /** Files beside framework.yaml, for `report.logo`. */
  siblingFiles: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The patterns of the formats, by name: validate/zod-issues.ts words an issue from the pattern it failed. */
export const PATTERNS = {
  slug: SLUG,
  currency: /^[A-Z]{3}$/,
  colour: /^#[0-9a-fA-F]{6}$/,
  level: /^\d+$/,
} as const;

const slug = () => z.string().regex(PATTERNS.slug);

/** An issue of ours: its diagnostic, worded later in the workspace's language. */
function problem(ctx: z.core.$RefinementCtx, text: DiagnosticText): void {
  ctx.addIssue({ code: 'custom', message: text.code, params: { text } });
}

/** An id that must be one of `known`; without `known` any slug passes. */
function reference(what: 'competency' | 'context' | 'role', known: readonly string[] | undefined) {
  if (known === undefined) return slug();
  return z.string().superRefine((value, ctx) => {
    if (known.includes(value)) return;
    const suggestion = closest(value, known);
    problem(ctx, { code: 'unknown-id', params: { what, value, where: '', suggestion, known } });
  });
}

/** A score or target: a number within the scale and on its step. */
function level(scale: RepContext['scale'] | undefined) {
  return z.number().superRefine((value, ctx) => {
    if (scale === undefined) return;
    const { min, max, step } = scale;
    if (value < min || value > max) {
      problem(ctx, { code: 'out-of-scale', params: { where: '', value, min, max } });
    } else if (!isOnStep(value, scale)) {
      problem(ctx, { code: 'off-step', params: { where: '', value, step, nearest: nearestSteps(value, scale) } });
    }
  });
}

export function isOnStep(value: number, scale: { min: number; step: number }): boolean {
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

function nearestSteps(value: number, scale: RepContext['scale']): number[] {
  const below = scale.min + Math.floor((value - scale.min) / scale.step) * scale.step;
  return [below, below + scale.step].filter((v) => v >= scale.min && v <= scale.max);
}

/** A YYYY-MM-DD date; with a year, it must fall within it. */
function date(year: number | undefined) {
  return z.string().superRefine((value, ctx) => {
    if (!isCalendarDate(value)) {
      problem(ctx, { code: 'invalid-date', params: { where: '', value, fix: undefined } });
    } else if (year !== undefined && !value.startsWith(`${year}-`)) {
      problem(ctx, { code: 'date-outside-year', params: { where: '', value, year } });
    }
  });
}

const text = () => z.string().meta({ description: 'Plain text, shown as written.' });
/**
 * Control characters but tab and line break (ESC, C1, DEL…): invisible in
 * the file, acted on by a terminal, and carried into a PDF's title and
 * bookmarks. Names, teams and labels are refused with one (issue 13); ids
 * are slugs, which have none.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const label = () =>
  z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      const found = CONTROL_CHARACTER.exec(value)?.[0];
      if (found === undefined) return;
      const character = `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`;
      problem(ctx, { code: 'control-character', params: { where: '', character } });
    });

// ---------------------------------------------------------------------------
// framework.yaml (SPEC §2)

const levelKey = z.string().regex(PATTERNS.level);

export function frameworkSchema(context?: FrameworkContext) {
  const competency = z.strictObject({
    id: slug(),
    label: label(),
    description: text().optional(),
    levels: z
      .record(levelKey, text())
      .optional()
      .meta({ description: 'What each whole level looks like in the field.' }),
  });
  const expectedMap = z.record(z.string(), z.number());
  return z.strictObject({
    organisation: label(),
    locale: z.enum(['fr', 'en']).default('en').meta({ description: 'Report language, dates, numbers.' }),
    currency: z.string().regex(PATTERNS.currency).default('EUR'),
    scale: z.strictObject({
      min: z.number(),
      max: z.number(),
      step: z.number().positive().default(1),
      labels: z.record(levelKey, label()).optional(),
    }),
    competencies: z.array(competency).min(1),
    contexts: z.array(z.strictObject({ id: slug(), label: label() })).optional(),
    report: z
      .strictObject({
        paper: z.enum(['A4', 'Letter']).optional(),
        logo: z
          .string()
          .superRefine((value, ctx) => {
            if (context === undefined || context.siblingFiles.includes(value)) return;
            problem(ctx, {
              code: 'logo-not-found',
              params: { logo: value, suggestion: closest(value, context.siblingFiles) },
            });
          })
          .optional(),
        accent: z.string().regex(PATTERNS.colour).optional(),
      })
      .optional(),
    roles: z
      .array(
        z.strictObject({
          id: slug(),
          label: label(),
          expected: z.union([z.number(), expectedMap]),
        }),
      )
      .min(1),
  });
}

// ---------------------------------------------------------------------------
// data/<year>/<rep-id>.yaml (SPEC §3)

export function repYearSchema(context?: RepContext) {
  const competency = reference('competency', context?.competencies);
  const score = level(context?.scale);
  return z.strictObject({
    name: label(),
    role: reference('role', context?.roles),
    team: label().optional(),
    manager: label().optional(),
    since: date(context?.year)
      .optional()
      .meta({ description: 'Joined the team that day: coaching figures start there.' }),
    goals: z.array(z.strictObject({ competency, target: score, note: text().optional() })).optional(),
    results: z
      .strictObject({
        target: z.number().nonnegative(),
        achieved: z.number().nonnegative(),
      })
      .optional(),
    assessments: z
      .array(
        z.strictObject({
          date: date(context?.year),
          kind: text().optional(),
          context: reference('context', context?.contexts).optional(),
          scores: z
            .record(competency, score)
            .default({})
            .meta({ description: 'competency id -> level; absent means not observed' }),
          strengths: text().optional(),
          improvements: text().optional(),
          notes: z
            .record(competency, text())
            .optional()
            .meta({ description: 'competency id -> what was seen of that competency in this session' }),
          actions: z.array(text()).optional(),
        }),
      )
      .default([]),
    review: z.strictObject({ manager: text().optional(), rep: text().optional() }).optional(),
  });
}

export type Framework = z.output<ReturnType<typeof frameworkSchema>>;
export type RepYear = z.output<ReturnType<typeof repYearSchema>>;
export type Assessment = RepYear['assessments'][number];
export type Goal = NonNullable<RepYear['goals']>[number];
export type Competency = Framework['competencies'][number];
export type Role = Framework['roles'][number];
