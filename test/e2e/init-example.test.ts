/**
 * The English example of `revue init`, built into PDFs as of 1 December: what
 * Sam Taylor reads in their review, worded as SPEC §5 says.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { init } from '../../src/init/init-workspace.js';
import { pdfText } from '../pdf.js';

let dir: string;
let result: BuildResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-init-example-'));
  await init({ dir, locale: 'en', year: 2026 });
  result = await build({ data: path.join(dir, 'data'), out: path.join(dir, 'output'), asOf: '2026-12-01' });
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** The text of a report, its lines joined: what a reader reads, whatever the layout. */
const read = (relative: string) =>
  pdfText(path.join(dir, 'output', '2026', relative), { layout: true }).replace(/\s+/g, ' ');

describe("the English example's reports", () => {
  it('build', () => {
    expect(result.ok).toBe(true);
  });

  it('call a priority only what is below expectation, and show the rest as such', () => {
    const text = read('reps/sam-taylor.pdf');
    // Negotiation 1.75 for an expected 2: priority; objection handling 2.0: at the level; prospecting 2.25: above.
    expect(text).toContain('PRIORITY 1 Negotiation Level 1.8 Expected 2.0 Gap 0.3 to close');
    expect(text).toContain('AT THE EXPECTED LEVEL Objection handling');
    expect(text).toContain('ABOVE THE EXPECTED LEVEL Prospecting Level 2.3 Expected 2.0 Gap 0.3 above');
    expect(text).not.toMatch(/PRIORITY [23]/);
    expect(text).toContain('Develop “Negotiation”: from 1.8 to 2.0, the level expected for the role.');
  });

  it('quote each note as what it is about', () => {
    const text = read('reps/sam-taylor.pdf');
    expect(text).toContain(
      'Latest note on “Negotiation” (November 18, 2026): The price conditions granted two years ago were never put back on the table.',
    );
    expect(text).toContain(
      'No note on “Prospecting” itself. Note on the whole session of March 12, 2026 (also scored: Discovery and Objection handling): On "send me a brochure", Sam agreed and hung up without asking why.',
    );
    expect(text).toContain('Discovery · 1.5 Two closed questions, then the brochure;');
  });

  it('show December in progress, never as missed, and the longest stretch with where it lies', () => {
    const text = read('reps/sam-taylor.pdf');
    expect(text).toContain('Figures as of December 1, 2026.');
    // 17 June → 23 September: 98 days; then 23 September → 18 November, → 1 December.
    expect(text).toMatch(/Longest stretch without an assessment .*98 days .*from Jun 17 to Sep 23/);
    expect(text).toMatch(/5 months .*February, April, July, August, and October/);
    expect(text).toContain('The month in progress (December) is not counted as missed.');
    expect(read('teams/north.pdf')).toContain(
      'The month in progress (December), in a dotted box, is never counted as missed.',
    );
  });

  it('say a first-year team has no change to show', () => {
    const text = read('teams/north.pdf');
    expect(text).toContain('No rep has a level both in 2025 and in 2026: there is no change to show.');
    expect(text).toContain('Sam Taylor 2.1 New this year');
  });
});
