/** The JSON Schemas shipped for editors (`revue schema`, schema/*.json). */
import * as z from 'zod';
import { frameworkSchema, repYearSchema } from './schema.js';

export type SchemaName = 'framework' | 'rep';

const TITLES: Record<SchemaName, string> = {
  framework: 'revue framework.yaml: the competency framework and settings',
  rep: 'revue data/<year>/<rep-id>.yaml: one rep, one year of coaching',
};

export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const schema = name === 'framework' ? frameworkSchema() : repYearSchema();
  return {
    title: TITLES[name],
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  };
}
