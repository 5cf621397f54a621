/** What every report's view shares: labels, formatting, classes for figures. */
import type { Framework } from '../model/schema.js';
import { createFormatter, fill, keysOf, type Formatter, type MessageKey } from './i18n.js';

export interface ReportContext {
  framework: Framework;
  year: number;
  fmt: Formatter;
  competencyLabel: (id: string) => string;
  contextLabel: (id: string) => string;
  roleLabel: (id: string) => string;
}

export function reportContext(framework: Framework, year: number): ReportContext {
  const fmt = createFormatter(framework.locale, framework.currency);
  const labels = new Map<string, string>();
  for (const c of framework.competencies) labels.set(`c:${c.id}`, c.label);
  for (const c of framework.contexts ?? []) labels.set(`x:${c.id}`, c.label);
  for (const r of framework.roles) labels.set(`r:${r.id}`, r.label);
  return {
    framework,
    year,
    fmt,
    competencyLabel: (id) => labels.get(`c:${id}`) ?? id,
    contextLabel: (id) => labels.get(`x:${id}`) ?? id,
    roleLabel: (id) => labels.get(`r:${id}`) ?? id,
  };
}

/** Every message, formatted with the years, for templates: `{{labels.profile}}`. */
export function labelsFor(fmt: Formatter, year: number): Record<MessageKey, string> {
  const values: Record<string, string | number> = { year, previous: year - 1, next: year + 1 };
  const labels = { ...fmt.messages };
  for (const key of keysOf(fmt.messages)) labels[key] = fill(fmt.messages[key], values);
  return labels;
}

/**
 * A CSS class for a change: up, down or flat (the sign is also written, for
 * grey print). SPEC §5: a change that rests on a single score is "never
 * coloured as progress or regress": `single` when `restsOnOne`.
 */
export function deltaClass(delta: number | null, restsOnOne = false): string {
  if (delta === null) return 'na';
  if (restsOnOne) return 'single';
  const rounded = (Math.sign(delta) * Math.round(Math.abs(delta) * 10)) / 10;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

/** The analytics' tolerance (analyze/series.ts EPSILON): a gap within it is no gap. */
const EPSILON = 1e-9;

/**
 * Where a level stands against its expected level, from gap(c) = expected −
 * level (SPEC §5): `below` only when the gap is positive — the one case the
 * reports call a priority ("How the reports word the figures").
 */
export type GapSide = 'below' | 'at' | 'above';

export function gapSide(gap: number | null): GapSide | null {
  if (gap === null) return null;
  return gap > EPSILON ? 'below' : gap < -EPSILON ? 'above' : 'at';
}

/** A CSS class for a gap: `below` the expected level, `ok` at or above it, `na` without one. */
export function gapClass(gap: number | null): string {
  const side = gapSide(gap);
  return side === null ? 'na' : side === 'below' ? 'below' : 'ok';
}

/**
 * A gap in words, read the right way round: "0,5 à combler" / "0.5 to
 * close" below the expected level, "au niveau" / "at the level", "0,3
 * au-dessus" / "0.3 above" — never "−0.3 to close".
 */
export function gapText(fmt: Formatter, gap: number | null): string {
  const side = gapSide(gap);
  if (gap === null || side === null) return fmt.t('na');
  if (side === 'at') return fmt.t('gapAt');
  return fmt.t(side === 'below' ? 'gapBelow' : 'gapAbove', { gap: fmt.level(Math.abs(gap)) });
}

export interface Figure {
  label: string;
  value: string;
  detail: string;
  tone: string;
}
