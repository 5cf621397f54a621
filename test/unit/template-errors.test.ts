import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { say } from '../../src/messages/stage.js';
import { explainParseError } from '../../src/render/templates.js';

function explain(template: string, locale: 'en' | 'fr' = 'en') {
  try {
    Handlebars.parse(template);
  } catch (error: unknown) {
    const { line, reason } = explainParseError(error instanceof Error ? error.message : String(error));
    return { line, reason: say(reason, locale) };
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

  it.each([
    ['a\nb\n{{#if x}} y', 3, 'le gabarit se termine dans un bloc\u00a0: un {{#…}} n’a pas de {{/…}}'],
    [
      'a\n{{#if x}}\n{{/each}}',
      2,
      '{{/each}} ferme {{#if}}\u00a0: fermez les blocs dans l’ordre où ils ont été ouverts',
    ],
    ['a\nb {{foo', 2, 'un {{ n’est pas fermé par }}'],
  ])('in French: %j', (template, line, reason) => {
    expect(explain(template, 'fr')).toEqual({ line, reason });
  });
});
