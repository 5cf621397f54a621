/**
 * `revue log` edits a hand-written file (issue 14): the new entry goes at the
 * end of `assessments`, in the style of its neighbours, and every other byte
 * stays as it was. Each case states the whole expected file.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendAssessment, type NewAssessment } from '../../src/log/append-assessment.js';

const entry: NewAssessment = { date: '2026-04-11', context: 'phone', scores: { discovery: 3, closing: 2.5 } };

/** The file's text with `added` inserted at the first occurrence of `marker` (which stays). */
function insertedBefore(text: string, marker: string, added: string): string {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`no ${marker}`);
  return text.slice(0, at) + added + text.slice(at);
}

describe('appendAssessment', () => {
  it('block scores, comments, a blank line and review: after the log', () => {
    const text = [
      'name: Alice Martin   # as on her badge',
      'role: junior',
      'assessments:',
      '  # the first visit',
      '  - date: 2026-02-14',
      '    kind: Accompagnement terrain',
      '    scores:',
      '      discovery: 2   # hesitant',
      "    improvements: 'Reformuler'",
      '',
      'review:',
      '  manager: |',
      '    Bonne année.',
      '',
    ].join('\n');
    const added = [
      '  - date: 2026-04-11',
      '    context: phone',
      '    scores:',
      '      discovery: 3',
      '      closing: 2.5',
      '',
    ].join('\n');
    expect(appendAssessment(text, entry)).toBe(insertedBefore(text, '\nreview:', added));
  });

  it('flow scores stay flow, and a 4-space file stays 4-space', () => {
    const text = 'name: A\nrole: junior\nassessments:\n    -   date: 2026-01-10\n        scores: { discovery: 2 }\n';
    // yaml writes "- " then the keys; the dash sits where the file's dashes sit.
    expect(appendAssessment(text, entry)).toBe(
      `${text}    - date: 2026-04-11\n      context: phone\n      scores: { discovery: 3, closing: 2.5 }\n`,
    );
    const four = 'name: A\nassessments:\n  - date: 2026-01-10\n    scores:\n        discovery: 2\n';
    expect(appendAssessment(four, { date: '2026-04-11', scores: { discovery: 3 } })).toBe(
      `${four}  - date: 2026-04-11\n    scores:\n        discovery: 3\n`,
    );
  });

  it('CRLF line endings throughout, and a file without a final line break', () => {
    const text = 'name: A\r\nassessments:\r\n  - date: 2026-01-10\r\n    scores: { discovery: 2 }';
    const result = appendAssessment(text, { date: '2026-04-11', scores: { discovery: 3 } });
    expect(result).toBe(`${text}\r\n  - date: 2026-04-11\r\n    scores: { discovery: 3 }\r\n`);
    expect(result.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('a list at the key’s own column stays so', () => {
    const text = 'name: A\nassessments:\n- date: 2026-01-10\n  scores:\n    discovery: 2\nreview:\n  rep: ok\n';
    expect(appendAssessment(text, { date: '2026-04-11', scores: { discovery: 3 } })).toBe(
      insertedBefore(text, 'review:', '- date: 2026-04-11\n  scores:\n    discovery: 3\n'),
    );
  });

  it('no log yet: `assessments:` empty, `[]` with its comment, or absent', () => {
    const one = { date: '2026-04-11', scores: { discovery: 3 } };
    const block = '  - date: 2026-04-11\n    scores:\n      discovery: 3\n';
    expect(appendAssessment('name: A\nassessments:\nreview:\n  rep: ok\n', one)).toBe(
      `name: A\nassessments:\n${block}review:\n  rep: ok\n`,
    );
    expect(appendAssessment('name: A\nassessments: []   # none yet\n', one)).toBe(
      `name: A\nassessments: # none yet\n${block}`,
    );
    expect(appendAssessment('name: A\nrole: junior', one)).toBe(`name: A\nrole: junior\nassessments:\n${block}`);
  });

  it('free text is quoted as YAML needs it, and reads back as written', () => {
    const text = 'name: A\nassessments:\n  - date: 2026-01-10\n    scores: {}\n';
    const notes = { closing: 'Dit « on verra » : #2 ne relance pas' };
    const full: NewAssessment = {
      date: '2026-04-11',
      kind: 'Jeu de rôle: closing',
      scores: { closing: 2 },
      strengths: '- écoute\n- reformule',
      improvements: "N'a pas conclu",
      notes,
      actions: ['Relancer # mardi', '@client: envoyer devis'],
    };
    const result = appendAssessment(text, full);
    expect(result.startsWith(text)).toBe(true);
    const parsed: unknown = parse(result);
    expect(parsed).toMatchObject({ assessments: [{ date: '2026-01-10' }, { ...full }] });
  });

  it('refuses a file that is not a mapping, or whose log is not a list', () => {
    expect(() => appendAssessment('- a\n- b\n', entry)).toThrow(/not a mapping/);
    expect(() => appendAssessment('name: A\nassessments: some text\n', entry)).toThrow(/not a list/);
  });
});
