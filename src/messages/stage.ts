/**
 * What the stages after validation say, as a key and parameters rather than
 * finished text: an error made deep in the build (writing, printing, the logo)
 * does not know the workspace's language, so it keeps what it means, and the
 * command line says it in that language. A parameter may itself be a message
 * (a reason inside a sentence).
 */
import type { Locale } from './diagnostics.js';
import { stageEn, type StageCatalogue } from './stage-en.js';
import { stageFr } from './stage-fr.js';

export type StageKey = keyof StageCatalogue;

/** One message of the catalogue, not yet in a language. */
export interface Said {
  readonly key: StageKey;
  readonly params: Readonly<Record<string, Param>> | undefined;
}

type Param = string | number | readonly string[] | Said;

type ParamsOf<K extends StageKey> = StageCatalogue[K] extends (p: infer P) => string ? P : undefined;

/** The parameters as a caller gives them: any text may be a message of its own. */
type Given<K extends StageKey> = {
  [P in keyof ParamsOf<K>]: ParamsOf<K>[P] extends string ? string | Said : ParamsOf<K>[P];
};

/** Finished text, or a message still to say. */
export type Text = string | Said;

const CATALOGUES: Readonly<Record<Locale, StageCatalogue>> = { en: stageEn, fr: stageFr };

export function said<K extends StageKey>(key: K, ...params: ParamsOf<K> extends undefined ? [] : [Given<K>]): Said {
  return { key, params: params[0] as Readonly<Record<string, Param>> | undefined };
}

/** `text` in `locale`; finished text stays as it is. */
export function say(text: Text, locale: Locale): string {
  if (typeof text === 'string') return text;
  const entry: unknown = CATALOGUES[locale][text.key];
  if (typeof entry === 'string') return entry;
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text.params ?? {}))
    params[name] = isSaid(value) ? say(value, locale) : value;
  return (entry as (p: Record<string, unknown>) => string)(params);
}

function isSaid(value: Param): value is Said {
  return typeof value === 'object' && 'key' in value;
}
