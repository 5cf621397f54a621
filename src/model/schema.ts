/**
 * The one schema of both YAML formats (SPEC §2 and §3). The TypeScript types
 * are inferred from it and the JSON Schema for editors is generated from it,
 * so the three never drift.
 *
 * The schemas are built by a factory: without a context they check the shape
 * only (that is what the JSON Schema shows); with the framework and the year
 * of the folder they also check every cross-reference of SPEC §4 at the leaf
 * where it belongs, so every problem of a file comes out of one pass.
 */
import { z } from 'zod';
import { didYouMean, describeValue, SLUG } from './text.js';

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

const slug = (what: string) =>
  z.string().regex(SLUG, {
    message: `${what} must be a lowercase slug such as "new-business" (letters, digits and single hyphens)`,
  });

/** An id that must be one of `known`; without `known` any slug passes. */
function reference(what: string, known: readonly string[] | undefined) {
  return slug(what).superRefine((value, ctx) => {
    if (known === undefined || known.includes(value)) return;
    const hint = didYouMean(value, known) ?? `known ${what}s: ${known.join(', ')}`;
    ctx.addIssue({ code: 'custom', message: `unknown ${what} "${value}"`, params: { hint } });
  });
}

/** A score or target: a number within the scale and on its step. */
function level(scale: RepContext['scale'] | undefined) {
  return z.number().superRefine((value, ctx) => {
    if (scale === undefined) return;
    if (value < scale.min || value > scale.max) {
      ctx.addIssue({ code: 'custom', message: `${value} is outside the scale ${scale.min}–${scale.max}` });
    } else if (!isOnStep(value, scale)) {
      ctx.addIssue({
        code: 'custom',
        message: `${value} is not on the scale's step of ${scale.step}`,
        params: { hint: `use ${nearestSteps(value, scale).join(' or ')}` },
      });
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
  return z.string({ message: 'expected a date written YYYY-MM-DD' }).superRefine((value, ctx) => {
    if (!isCalendarDate(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${describeValue(value)} is not a valid date`,
        params: { hint: 'write dates as YYYY-MM-DD, e.g. 2026-02-14' },
      });
    } else if (year !== undefined && !value.startsWith(`${year}-`)) {
      ctx.addIssue({
        code: 'custom',
        message: `${value} is outside ${year}, the year of this file's folder`,
        params: { hint: `correct the year, or move the entry to the ${value.slice(0, 4)} folder` },
      });
    }
  });
}

const text = () => z.string().meta({ description: 'Plain text, shown as written.' });
const label = () => z.string().min(1, { message: 'must not be empty' });

// ---------------------------------------------------------------------------
// framework.yaml (SPEC §2)

const levelKey = z.string().regex(/^\d+$/, { message: 'levels are whole numbers of the scale' });

export function frameworkSchema(context?: FrameworkContext) {
  const competency = z.strictObject({
    id: slug('competency id'),
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
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 code such as EUR' })
      .default('EUR'),
    scale: z.strictObject({
      min: z.number(),
      max: z.number(),
      step: z.number().positive({ message: 'the step must be positive' }).default(1),
      labels: z.record(levelKey, label()).optional(),
    }),
    competencies: z.array(competency).min(1, { message: 'at least one competency is needed' }),
    contexts: z.array(z.strictObject({ id: slug('context id'), label: label() })).optional(),
    report: z
      .strictObject({
        paper: z.enum(['A4', 'Letter']).optional(),
        logo: z
          .string()
          .superRefine((value, ctx) => {
            if (context === undefined || context.siblingFiles.includes(value)) return;
            ctx.addIssue({
              code: 'custom',
              message: `logo "${value}" is not a file beside framework.yaml`,
              params: {
                hint: didYouMean(value, context.siblingFiles) ?? 'put the image in the same folder as framework.yaml',
              },
            });
          })
          .optional(),
        accent: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour such as "#0b5cad"' })
          .optional(),
      })
      .optional(),
    roles: z
      .array(
        z.strictObject({
          id: slug('role id'),
          label: label(),
          expected: z.union([z.number(), expectedMap], {
            message: 'expected a level, or a map of competency id to level',
          }),
        }),
      )
      .min(1, { message: 'at least one role is needed' }),
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
        target: z.number().nonnegative({ message: 'results cannot be negative' }),
        achieved: z.number().nonnegative({ message: 'results cannot be negative' }),
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
