/** Types of scripts/bench-data.mjs (a plain script, so that `npm run bench` needs no compiler). */
export function frameworkYaml(): string;
export function repIds(count: number): string[];
export function repYaml(
  index: number,
  year: number,
  options?: { count?: number; teamSize?: number; seed?: number },
): string;
export function writeOrganisation(
  dir: string,
  options?: { reps?: number; teamSize?: number; seed?: number; years?: number[] },
): Promise<string[]>;
