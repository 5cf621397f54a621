import { UsageError } from '../../errors.js';

export const dataArg = {
  type: 'string',
  description: 'The workspace data folder',
  default: 'data',
  valueHint: 'DIR',
} as const;
export const yearArg = {
  type: 'string',
  description: 'The year to report on (default: the latest year folder)',
  valueHint: 'YYYY',
} as const;

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year expects a four-digit year, got "${value}"`);
  return Number(value);
}

/** Every value of a repeatable option: `--rep a --rep b`, `--rep=a,b`. */
export function repeated(rawArgs: readonly string[], name: string): string[] {
  const values: string[] = [];
  rawArgs.forEach((arg, i) => {
    if (arg === `--${name}`) {
      const next = rawArgs[i + 1];
      if (next === undefined || next.startsWith('-')) throw new UsageError(`--${name} expects a value`);
      values.push(next);
    } else if (arg.startsWith(`--${name}=`)) {
      values.push(arg.slice(name.length + 3));
    }
  });
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
