/** What every report's view shares: labels, formatting, classes for figures. */
import type { Framework } from '../model/schema.js';
import { createFormatter, fill, type Formatter, type MessageKey } from './i18n.js';

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
  for (const key of messageKeys(fmt.messages)) labels[key] = fill(fmt.messages[key], values);
  return labels;
}

/** The keys of a catalogue, typed: Object.keys would give plain strings. */
function messageKeys(messages: Readonly<Record<MessageKey, string>>): MessageKey[] {
  return Object.keys(messages).filter((key): key is MessageKey => Object.hasOwn(messages, key));
}

/** A CSS class for a change: up, down or flat (the sign is also written, for grey print). */
export function deltaClass(delta: number | null): string {
  if (delta === null) return 'na';
  const rounded = (Math.sign(delta) * Math.round(Math.abs(delta) * 10)) / 10;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

/** A CSS class for a gap: below the expected level or not. */
export function gapClass(gap: number | null): string {
  if (gap === null) return 'na';
  return gap >= 0.05 ? 'below' : 'ok';
}

export interface Figure {
  label: string;
  value: string;
  detail: string;
  tone: string;
}
