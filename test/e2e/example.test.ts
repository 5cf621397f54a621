/**
 * The example workspace (data/, in French) built for real: the figures a
 * director would check by hand, in the French format, and a rep's privacy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { describeWithBrowser } from '../browser.js';
import { pdfInfo, pdfOutline, pdfText } from '../pdf.js';

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
let out: string;
let result: BuildResult;

const pdf = (relative: string) => path.join(out, '2026', relative);

describeWithBrowser('the example workspace', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'revue-example-'));
    result = await build({ data: DATA, out, asOf: '2026-12-31' });
  }, 180_000);
  afterAll(async () => rm(out, { recursive: true, force: true }));

  it('builds every report of 2026: 7 reps, 2 teams, the organisation', () => {
    expect(result.ok).toBe(true);
    expect(result.reports.filter((r) => r.status !== 'failed')).toHaveLength(10);
    expect(result.reports.map((r) => path.relative(path.join(out, '2026'), r.file)).sort()).toEqual([
      'organisation.pdf',
      'reps/alice-martin.pdf',
      'reps/julien-perrin.pdf',
      'reps/lucas-moreau.pdf',
      'reps/mathieu-blanc.pdf',
      'reps/nadia-haddad.pdf',
      'reps/sophie-garnier.pdf',
      'reps/thomas-lefevre.pdf',
      'teams/lyon-rhone.pdf',
      'teams/paris-sud.pdf',
    ]);
  });

  it("prints Alice Martin's figures, checked by hand, in French", () => {
    const text = pdfText(pdf('reps/alice-martin.pdf'), { layout: true });
    // discovery 2026: 2.5, 2.5, 3, 3, 3.5, 3.5 -> level (3.5 + 3.5) / 2 = 3.5; 2025 ends 2, 2 -> 2.0;
    // expected for "confirmed": 3 -> gap to close 3 - 3.5 = -0.5; 6 scores
    expect(text).toMatch(/Découverte des\s+2,0\s+3,5\s+\+1,5\s+3,0\s+0,5 au-dessus\s+6/);
    // results 846 000 / 800 000 = 105.75 % -> 106 %; 2025: 598 000 / 650 000 = 92 %
    expect(text).toMatch(/106[\s\u00a0]%/);
    expect(text).toMatch(/92[\s\u00a0]% en 2025/);
    expect(text).toContain('15 janvier 2026');
    expect(text).not.toMatch(/NaN|undefined|\{\w+\}/);
    const info = pdfInfo(pdf('reps/alice-martin.pdf'));
    expect(info['Title']).toBe('Revue annuelle 2026 – Alice Martin');
    expect(info['Author']).toBe('Vertika Industrie');
    expect(info['Page size']).toMatch(/\(A4\)$/);
  });

  it('says plainly when a rep is in their first year and has too few observations', () => {
    const text = pdfText(pdf('reps/lucas-moreau.pdf'), { layout: true });
    expect(text).toContain('Première année : aucune comparaison avec 2025 n’est possible.');
    expect(text).toContain('Observations insuffisantes pour conclure');
  });

  it('calls a priority only a competency below its expected level, in every rep report', () => {
    for (const report of result.reports.filter((r) => r.file.includes('/reps/'))) {
      const text = pdfText(report.file, { layout: true }).replace(/\s+/g, ' ');
      const entries = text.split(/(?=PRIORITÉ \d|AU NIVEAU ATTENDU|AU-DESSUS DU NIVEAU ATTENDU|Cap proposé)/).slice(1);
      for (const entry of entries.filter((e) => e.startsWith('PRIORITÉ')))
        expect(entry, `${report.file}: ${entry.slice(0, 80)}`).toMatch(/Écart \d,\d à combler/);
      expect(text, report.file).not.toMatch(/[-\u2212]\d,\d à combler/);
    }
    // Mathieu Blanc: presentation 3.0 for an expected 3.0 is at the level, not "priority 2"
    expect(pdfText(pdf('reps/mathieu-blanc.pdf'), { layout: true }).replace(/\s+/g, ' ')).toContain(
      'AU NIVEAU ATTENDU Présentation de l’offre',
    );
  });

  it('quotes each competency note as its evidence, and a session note as the whole session’s', () => {
    const text = pdfText(pdf('reps/julien-perrin.pdf'), { layout: true }).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Dernière note sur « Négociation » (29 octobre 2026) : Remise de fin d’année proposée spontanément',
    );
    // Closing has no note of its own: the latest session that scored it is quoted as that session's note.
    expect(text).toContain(
      'Pas de note propre à « Conclusion ». Note sur l’ensemble de la séance du 25 juin 2026 (aussi notées : Prospection et Présentation de l’offre) : Oubli de présenter le service de gestion de stock',
    );
    // In the log, the note sits beside its competency and score.
    expect(text).toContain('Négociation · 3,0 Remise de fin d’année proposée spontanément');
  });

  it("names no other rep in a rep's report", () => {
    const names = [
      'Alice Martin',
      'Thomas Lefèvre',
      'Sophie Garnier',
      'Lucas Moreau',
      'Nadia Haddad',
      'Julien Perrin',
      'Mathieu Blanc',
    ];
    for (const name of names) {
      const id = name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ /g, '-');
      const text = pdfText(pdf(`reps/${id}.pdf`));
      for (const other of names.filter((n) => n !== name))
        expect(text, `${name}'s report names ${other}`).not.toContain(other);
    }
  });

  it("shows the team's reps and the months without coaching in the team report", () => {
    const text = pdfText(pdf('teams/lyon-rhone.pdf'), { layout: true });
    expect(text).toContain('Rapport d’équipe 2026');
    expect(text).toMatch(/Nadia Haddad\s+/);
    expect(text).toContain('Couverture du coaching');
  });

  it('bookmarks every section once, whatever page it starts on', () => {
    for (const report of result.reports) {
      const outline = pdfOutline(report.file);
      expect(outline.length, report.file).toBeGreaterThanOrEqual(4);
      for (const title of outline)
        expect(
          title.length % 2 === 0 && title.slice(0, title.length / 2) === title.slice(title.length / 2),
          `${report.file}: "${title}"`,
        ).toBe(false);
    }
    expect(pdfOutline(pdf('reps/alice-martin.pdf'))).toEqual(
      expect.arrayContaining([
        'Alice Martin',
        'Profil de compétences',
        'Progression sur l’année',
        'Objectifs de l’année',
        'Diagnostic',
        'Suivi du coaching',
        'Résultats',
        'Le mot de la fin',
      ]),
    );
  });
});
