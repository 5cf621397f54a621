/** `revue log`'s arguments read against the framework, and the questions asked on a terminal for what is missing. */
import { describe, expect, it } from 'vitest';
import { logQuestions, scaleSteps, SKIP } from '../../src/log/questions.js';
import { findId, parseScore, resolveEntry } from '../../src/log/resolve-entry.js';
import { dataset, framework, repYear } from '../fixtures/figures-builders.js';

const fw = framework({
  locale: 'fr',
  competencies: [
    { id: 'discovery', label: 'Découverte des besoins' },
    { id: 'closing', label: 'Conclusion' },
  ],
  contexts: [{ id: 'phone', label: 'Rendez-vous téléphonique' }],
  scale: { min: 1, max: 4, step: 0.5, labels: { '1': 'Débutant', '4': 'Expert' } },
});

const input = { date: '2026-11-30', scores: [], notes: [], actions: [] };

describe('reading the arguments of revue log', () => {
  it.each([
    ['discovery', 'discovery'],
    ['Découverte des besoins', 'discovery'],
    ['decouverte DES besoins', 'discovery'],
    ['conclusion', 'closing'],
    ['discovry', undefined],
  ])('finds %j as %j', (typed, id) => {
    expect(findId(typed, fw.competencies)).toBe(id);
  });

  it.each([
    ['2.5', 2.5],
    ['2,5', 2.5],
    [' 3 ', 3],
    ['.5', 0.5],
    ['2,5,1', undefined],
    ['deux', undefined],
    ['', undefined],
  ])('reads the score %j as %j', (typed, value) => {
    expect(parseScore(typed)).toBe(value);
  });

  it('makes the entry from ids or labels, a decimal comma, notes and actions', () => {
    const { entry, problems } = resolveEntry(
      {
        ...input,
        kind: ' Écoute d’appel ',
        context: 'Rendez-vous téléphonique',
        scores: ['Découverte des besoins=3,5', 'closing=2'],
        notes: ['Conclusion=Pas de date fixée = à revoir'],
        actions: ['Fixer la date, puis confirmer', '  '],
        strengths: '',
      },
      fw,
    );
    expect(problems).toEqual([]);
    expect(entry).toEqual({
      date: '2026-11-30',
      kind: 'Écoute d’appel',
      context: 'phone',
      scores: { discovery: 3.5, closing: 2 },
      notes: { closing: 'Pas de date fixée = à revoir' },
      actions: ['Fixer la date, puis confirmer'],
    });
  });

  it('places each problem at its argument, in the framework’s language, with the spelling meant', () => {
    const { problems } = resolveEntry(
      { ...input, context: 'phon', scores: ['discovry=3', 'closing=5', 'closing=2.2', 'closing=bof'], notes: ['x'] },
      fw,
    );
    expect(problems.map((p) => [p.file, p.code, p.message, p.hint])).toEqual([
      [
        'discovry=3',
        'unknown-id',
        'compétence inconnue «\u00a0discovry\u00a0»',
        'vouliez-vous dire «\u00a0discovery\u00a0»\u202f?',
      ],
      ['closing=5', 'out-of-scale', expect.stringContaining('5'), undefined],
      ['closing=2.2', 'off-step', expect.stringContaining('2.2'), expect.stringContaining('2 ou 2.5')],
      ['closing=bof', 'wrong-type', expect.stringContaining('bof'), undefined],
      [
        '--context phon',
        'unknown-id',
        'contexte inconnu «\u00a0phon\u00a0»',
        'vouliez-vous dire «\u00a0phone\u00a0»\u202f?',
      ],
      ['--note x', 'unknown-id', expect.stringContaining('x'), expect.anything()],
    ]);
  });
});

describe('the questions of revue log on a terminal', () => {
  const data = dataset(
    [
      repYear('zed', 2025, { name: 'Zed', team: 'North' }),
      repYear('ann', 2026, { name: 'Ann', team: 'South' }),
      repYear('bo', 2026, { name: 'Bo' }),
    ],
    fw,
  );
  const nothing = {
    rep: false,
    context: false,
    kind: false,
    scores: false,
    strengths: false,
    improvements: false,
    actions: false,
  };

  it('asks the rep, the context, the kind, each competency by label with the scale’s steps, then the notes', () => {
    const questions = logQuestions(data, nothing, 2026);
    expect(questions.map((q) => (q.kind === 'text' ? q.field : q.kind === 'score' ? q.competency : q.kind))).toEqual([
      'rep',
      'context',
      'kind',
      'discovery',
      'closing',
      'strengths',
      'improvements',
      'action',
    ]);
    const [rep, context, , discovery] = questions;
    // This year's reps first, by name; then the others.
    expect(rep?.kind === 'rep' && rep.choices).toEqual([
      { value: 'ann', label: 'Ann', hint: 'ann, South' },
      { value: 'bo', label: 'Bo', hint: 'bo' },
      { value: 'zed', label: 'Zed', hint: 'zed, North' },
    ]);
    expect(context?.kind === 'context' && context.choices.map((c) => c.value)).toEqual([SKIP, 'phone']);
    expect(discovery?.message).toBe('Découverte des besoins\u202f?');
    expect(discovery?.kind === 'score' && discovery.choices.map((c) => c.value)).toEqual([
      SKIP,
      '1',
      '1.5',
      '2',
      '2.5',
      '3',
      '3.5',
      '4',
    ]);
    expect(discovery?.kind === 'score' && discovery.choices[1]).toEqual({ value: '1', label: '1', hint: 'Débutant' });
  });

  it('asks only what the command line left out', () => {
    const questions = logQuestions(data, { ...nothing, rep: true, context: true, kind: true, actions: true }, 2026);
    expect(questions.map((q) => q.kind)).toEqual(['score', 'score', 'text', 'text']);
  });

  it('steps the scale without floating point drift', () => {
    expect(scaleSteps({ min: 0, max: 1, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });
});
