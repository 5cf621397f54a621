/**
 * Real builds into real PDFs, read back: text, figures in the locale's format,
 * metadata, fonts, images and outline.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { pdfFonts, pdfImages, pdfInfo, pdfOutline, pdfText } from '../pdf.js';

let out: string;
let result: BuildResult;

const file = (relative: string) => path.join(out, '2026', relative);

describeWithBrowser('revue build on an English workspace', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'revue-e2e-'));
    result = await build({ data: path.join(FIXTURES, 'minimal'), out, sourceDateEpoch: 1_767_225_600 });
  }, 120_000);
  afterAll(async () => rm(out, { recursive: true, force: true }));

  it('writes one PDF per rep, per team, the organisation and the index', async () => {
    expect(result.ok).toBe(true);
    expect(result.reports.map((r) => `${r.status} ${path.relative(out, r.file)}`).sort()).toEqual([
      'written 2026/organisation.pdf',
      'written 2026/reps/ann-lee.pdf',
      'written 2026/reps/bo-chen.pdf',
      'written 2026/teams/north.pdf',
    ]);
    // (and the build manifest, .revue-manifest.json: see test/e2e/incremental.test.ts)
    expect((await readdir(path.join(out, '2026'))).filter((name) => !name.startsWith('.')).sort()).toEqual([
      'index.html',
      'organisation.pdf',
      'reps',
      'teams',
    ]);
  });

  it("prints the rep's figures, computed by hand, in the English format", () => {
    const text = pdfText(file('reps/ann-lee.pdf'), { layout: true });
    // overall 2026 = mean(2.5, 2.75, 2) = 2.4166…; 2025 = 2.0; delta +0.4166…
    expect(text).toMatch(/Overall level\s+Goals met\s+Assessments\s+Attainment/);
    expect(text).toMatch(/2\.4\s+0\s*\/\s*1\s+2\s+90%/);
    // 2025 rests on one assessment: the change is marked, and the headline says on how many 2026 rests
    expect(text).toContain('+0.4 (1 obs. in 2025) · 2.0 in');
    expect(text).toContain('This review rests on only 2 assessments: the levels are still to be confirmed.');
    // discovery: 2025 = 2.0, 2026 = mean(2, 3) = 2.5, +0.5, expected 2, gap −0.5: 0.5 above, 2 assessments
    expect(text).toMatch(/Discovery\s+2\.0\s+2\.5\s+\+0\.5\s+2\.0\s+0\.5 above\s+2\s+Developing/);
    expect(text).toMatch(/Prospecting\s+2\.0\s+2\.8\s+\+0\.8\s+2\.0\s+0\.8 above\s+2/);
    expect(text).toContain('Not met');
    // negotiation has the largest gap (0), at the expected level: no priority; the course aims at the next whole level
    expect(text).not.toMatch(/priority \d/i);
    expect(text).toMatch(/AT THE EXPECTED LEVEL\s+Negotiation/);
    expect(text).toContain('Proposed course for 2027');
    expect(text).toMatch(
      /Aim higher in “Negotiation”: from 2\.0 to 3\.0\s+\(Proficient\), the next level of the scale\./,
    );
    // as of 1 January 2026 (SOURCE_DATE_EPOCH): January is in progress, nothing is missed yet
    expect(text).toContain('in progress');
    expect(text).toContain('The month in progress (January) is not counted as missed.');
    expect(text).toContain('February 10, 2026');
    expect(text).not.toMatch(/NaN|undefined|null|\{\w+\}/);
  });

  it('shows a first year with dashes and says so, never a failure', () => {
    const text = pdfText(file('reps/bo-chen.pdf'), { layout: true });
    expect(text).toContain('First year: there is nothing to compare with in 2025.');
    expect(text).toMatch(/Discovery\s+—\s+3\.0\s+—\s+3\.0\s+at the level\s+1\s+Proficient/);
    expect(text).toMatch(/3\.0\s+—\s+3\.0\s+at the level[\s\S]*?1 obs\./);
    expect(text).toContain('This review rests on a single assessment: every level is still to be confirmed.');
    expect(text).toContain('Too few assessments to conclude');
    expect(text).toContain('No competency was assessed twice');
    expect(text).toContain('Prepared the visit well.\n');
    expect(text).not.toMatch(/NaN|undefined/);
    // Nothing of 2025 is drawn, and no text or legend promises it (the ann-lee report, with a 2025, keeps them).
    const flat = pdfText(file('reps/bo-chen.pdf')).replace(/\s+/g, ' ');
    expect(flat).toContain(
      'End-of-year level (mean of the last two assessments), against the level expected for the role.',
    );
    expect(flat).toContain('Each point is an assessment, on a January–December axis.');
    expect(flat).not.toMatch(/against 2025|shows 2025|2026 2025 Expected/);
    const withPrevious = pdfText(file('reps/ann-lee.pdf')).replace(/\s+/g, ' ');
    expect(withPrevious).toContain('against 2025 and the level expected for the role');
    expect(withPrevious).toContain('the light line shows 2025 on the same January–December axis');
    expect(withPrevious).toContain('2026 2025 Expected');
  });

  it('sets the metadata, Letter paper and a footer with the title and page numbers', () => {
    const info = pdfInfo(file('reps/ann-lee.pdf'));
    expect(info['Title']).toBe('Annual review 2026 – Ann Lee');
    expect(info['Author']).toBe('Acme Tools');
    expect(info['Page size']).toMatch(/^612(\.\d+)? x 792(\.\d+)? pts \(letter\)$/);
    expect(info['Tagged']).toBe('yes');
    const pages = Number(info['Pages']);
    const text = pdfText(file('reps/ann-lee.pdf'));
    expect(text).toContain(`Annual review 2026 – Ann Lee`);
    expect(text).toMatch(new RegExp(`^${pages}\\s*/\\s*${pages}$`, 'm'));
  });

  it('embeds only the packaged font, and holds no raster image', () => {
    for (const name of ['reps/ann-lee.pdf', 'teams/north.pdf', 'organisation.pdf']) {
      const fonts = pdfFonts(file(name));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name, `${name}: ${font.name}`).toMatch(/^[A-Z]{6}\+SourceSans3/);
        expect(font.embedded).toBe(true);
        expect(font.type).not.toBe('Type 3');
      }
      expect(pdfImages(file(name))).toEqual([]);
    }
  });

  it('has bookmarks for every section, in the order of SPEC §6', () => {
    expect(pdfOutline(file('reps/ann-lee.pdf'))).toEqual(
      expect.arrayContaining([
        'Ann Lee',
        'Competency profile',
        'Progress over the year',
        'Goals of the year',
        'Diagnosis',
        'Coaching',
        'Results',
        'Year-end words',
      ]),
    );
    const outline = pdfOutline(file('reps/ann-lee.pdf'));
    const order = [
      'Competency profile',
      'Progress over the year',
      'Goals of the year',
      'Diagnosis',
      'Coaching',
      'Results',
      'Year-end words',
    ].map((t) => outline.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('draws the charts as searchable vector text', () => {
    const text = pdfText(file('reps/ann-lee.pdf'));
    expect(text).toContain('Expected level');
    // the months of the progression axis are chart text, not pixels
    expect(text).toMatch(/Jan\s+Feb\s+Mar/);
  });

  it('writes the team and organisation reports with the team figures', () => {
    const team = pdfText(file('teams/north.pdf'), { layout: true });
    expect(team).toContain('Team report 2026');
    expect(team).toMatch(/Ann Lee\s+2\.4\s+\+0\.4\s+0\s*\/\s*1\s+Negotiation\s+2/);
    expect(team).toMatch(/Bo Chen\s+3\.0\s+New this year\s+—\s+—\s+1/);
    // discovery: mean of 2.5 (Ann) and 3 (Bo) = 2.75 -> 2.8; 2025: Ann only, 2.0
    // change like for like: Ann's own 2.0 -> 2.5 (+0.5) over 1 rep, Bo is in his first year (was 2.75 − 2.0 = +0.8);
    // who progressed: Ann; new: Bo
    expect(team).toMatch(/Discovery\s+2\.0\s+2\.8\s+\+0\.5\s+2\.5\s+1\s+0\s+0\s+1\s+0\s+over 1 rep/);
    expect(team).toContain('+0.4 over 1 rep assessed both');
    expect(team).toContain('years · 2.0 in 2025, same');
    const org = pdfText(file('organisation.pdf'), { layout: true });
    expect(org).toContain('Organisation report 2026');
    expect(org).toContain('North');
  });
});
