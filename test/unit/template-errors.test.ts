import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { explainParseError } from '../../src/render/templates.js';

function explain(template: string) {
  try {
    Handlebars.parse(template);
  } catch (error: unknown) {
    return explainParseError(error instanceof Error ? error.message : String(error));
  }
  throw new Error('the template parsed');
}

describe('template syntax errors in words an author can act on', () => {
  it.each([
    ['a\nb\n{{#if x}} y', 3, 'the template ends inside a block: a {{#…}} has no {{/…}}'],
    ['a\n{{#if x}}\n{{/each}}', 2, '{{/each}} closes {{#if}}: close the blocks in the order they were opened'],
    ['a\nb {{foo', 2, 'a {{ is not closed by }}'],
    ['x\n{{> }}', 2, 'an expression is empty or unfinished before }}'],
  ])('%j', (template, line, reason) => {
    expect(explain(template)).toEqual({ line, reason });
  });
});
