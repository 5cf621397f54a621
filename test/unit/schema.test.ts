import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../src/model/json-schema.js';

describe('the JSON Schemas shipped for editors', () => {
  it.each(['framework', 'rep'] as const)(
    'schema/%s.schema.json is the one the validator is built from',
    async (name) => {
      const committed: unknown = JSON.parse(
        await readFile(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8'),
      );
      expect(committed).toEqual(jsonSchema(name));
    },
  );

  it('describes the rep file keys and forbids unknown ones', () => {
    const schema = jsonSchema('rep');
    expect(schema['required']).toEqual(['name', 'role']);
    expect(schema['additionalProperties']).toBe(false);
    expect(Object.keys(schema['properties'] ?? {})).toEqual([
      'name',
      'role',
      'team',
      'manager',
      'since',
      'goals',
      'results',
      'assessments',
      'review',
    ]);
  });
});
