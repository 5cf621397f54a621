/**
 * SPEC §5 "How the reports word the figures" and "Evidence of a diagnosis
 * entry", read in the HTML of two fixture workspaces (test/fixtures/wording,
 * in English, and wording-fr): what a rep and a director actually read.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analyze/index.js';
import type { Dataset } from '../../src/model/dataset.js';
import { palette, progressionChart } from '../../src/render/chart-specs.js';
import { renderCharts } from '../../src/render/charts.js';
import { createFormatter } from '../../src/render/i18n.js';
import { loadTemplates, type Templates } from '../../src/render/templates.js';
import { reportContext } from '../../src/render/view-common.js';
import { organisationView, teamView } from '../../src/render/view-group.js';
import { repView } from '../../src/render/view-rep.js';
import { validate } from '../../src/validate/index.js';
import { FIXTURES } from '../helpers.js';

type RepData = Dataset['reps'][number]['data'];

const stub = (key: string) => `<svg data-chart="${key}"></svg>`;
let templates: Templates;
const datasets = new Map<string, Dataset>();

beforeAll(async () => {
  templates = await loadTemplates();
  for (const name of ['wording', 'wording-fr']) {
    const result = await validate({ data: path.join(FIXTURES, name) });
    if (result.dataset === undefined) throw new Error(`the ${name} fixture must be valid`);
    datasets.set(name, result.dataset);
  }
});

function dataset(name: string, mutate?: (reps: Dataset['reps']) => void): Dataset {
  const found = datasets.get(name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  const copy = structuredClone(found);
  mutate?.(copy.reps);
  return copy;
}

function render(kind: 'rep' | 'team' | 'organisation', view: object): string {
  return templates.render(kind, { ...view, styles: '', logo: null });
}

/** The rep's report of 2026 as of `asOf`, after `mutate` changed their 2026 file. */
function repHtml(fixture: string, id: string, options: { asOf?: string; mutate?: (data: RepData) => void } = {}) {
  const data = dataset(fixture, (reps) => {
    const record = reps.find((r) => r.id === id && r.year === 2026);
    if (record !== undefined) options.mutate?.(record.data);
  });
  const figures = computeFigures(data, 2026, options.asOf ?? '2026-12-31');
  const rep = figures.reps.find((r) => r.id === id);
  const record = data.reps.find((r) => r.id === id && r.year === 2026);
  if (rep === undefined || record === undefined) throw new Error(`no ${id}`);
  return render('rep', repView({ rep, data: record.data }, reportContext(data.framework, 2026), stub));
}

function groupHtml(fixture: string, asOf = '2026-12-31') {
  const data = dataset(fixture);
  const figures = computeFigures(data, 2026, asOf);
  const ctx = reportContext(data.framework, 2026);
  const team = figures.teams[0];
  if (team === undefined) throw new Error('one team expected');
  return {
    team: render('team', teamView(team, ctx, stub, figures.reps)),
    organisation: render('organisation', organisationView(figures.organisation, figures.teams, ctx, stub, new Map())),
  };
}

/** The part of a report from `start` to the end of its element (a section, an entry…). */
function part(html: string, start: string, end = '</section>'): string {
  const from = html.indexOf(start);
  if (from === -1) throw new Error(`no ${start}`);
  return html.slice(from, html.indexOf(end, from) + end.length);
}

/** Text as read: tags dropped, spaces collapsed (no-break spaces kept). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \n\t]+/g, ' ')
    .trim();
}

/** The focus entries of the diagnosis, in order. */
function focusEntries(html: string): string[] {
  return [...part(html, '<section class="section diagnosis">').matchAll(/<li class="focus [^"]*">[\s\S]*?<\/li>/g)].map(
    (m) => m[0],
  );
}

/** The coaching log's entry of one date, as written out ("February 14, 2026"). */
function logEntry(html: string, date: string): string {
  const entries = [...html.matchAll(/<article class="entry">[\s\S]*?<\/article>/g)].map((m) => m[0]);
  const entry = entries.find((e) => e.includes(`<span class="date">${date}</span>`));
  if (entry === undefined) throw new Error(`no log entry on ${date}`);
  return entry;
}

describe('notes per competency in the coaching log (SPEC §3)', () => {
  it('shows each note beside its competency, as written: escaped, line breaks kept', () => {
    const entry = logEntry(repHtml('wording', 'ava-stone'), 'February 14, 2026');
    expect(entry).toContain(
      '<div class="note competency-note"><span class="note-label">Discovery · 2.0</span><p class="free-text">Two open questions,\nthen straight to the catalogue &lt;b&gt;again&lt;/b&gt;.\n</p></div>',
    );
    expect(entry).not.toContain('<b>again');
    // One note in this session: no other competency is given one.
    expect(entry.match(/competency-note/g)).toHaveLength(1);
  });

  it('puts the note under the competency it is about, not under another one scored that day', () => {
    const entry = logEntry(repHtml('wording', 'ava-stone'), 'September 20, 2026');
    expect(text(entry)).toContain('Negotiation · 2.0 Gave 5% at the first push.');
    expect(entry).not.toMatch(/note-label">(Closing|Presentation)/);
  });

  it('says when a note is about a competency its session did not score', () => {
    const entry = logEntry(
      repHtml('wording', 'ava-stone', {
        mutate: (data) => {
          const first = data.assessments[0];
          if (first !== undefined) first.notes = { ...first.notes, prospecting: 'Asked for two referrals.' };
        },
      }),
      'February 14, 2026',
    );
    expect(text(entry)).toContain('Prospecting · not scored Asked for two referrals.');
  });
});

describe('evidence of a diagnosis entry (SPEC §5)', () => {
  it('quotes the latest notes[c] of the competency, with its date, even when a later session scored it without one', () => {
    const [negotiation, , discovery] = focusEntries(repHtml('wording', 'ava-stone'));
    expect(text(negotiation ?? '')).toContain(
      'Latest note on “Negotiation” (September 20, 2026): Gave 5% at the first push.',
    );
    // Discovery was scored on 10 May too, with no note: the note of 14 February is its latest.
    expect(text(discovery ?? '')).toContain('Latest note on “Discovery” (February 14, 2026): Two open questions,');
    expect(discovery).not.toContain('Left without a dated next step');
  });

  it('falls back to the improvements of the latest session that scored it, as a note on that whole session', () => {
    const [, closing] = focusEntries(repHtml('wording', 'ava-stone'));
    expect(text(closing ?? '')).toContain(
      'No note on “Closing” itself. Note on the whole session of September 20, 2026 (also scored: Presentation and Negotiation): Conceded the discount at once.',
    );
  });

  it('quotes a session note once: a second entry it would be the evidence of refers to it', () => {
    // Without its own note, negotiation's evidence is the session of 20 September too.
    const html = repHtml('wording', 'ava-stone', {
      mutate: (data) => {
        for (const a of data.assessments) delete a.notes;
      },
    });
    const [negotiation, closing] = focusEntries(html);
    expect(text(negotiation ?? '')).toContain(
      'Note on the whole session of September 20, 2026 (also scored: Presentation and Closing): Conceded the discount at once.',
    );
    expect(closing).not.toContain('Conceded the discount');
    expect(text(closing ?? '')).toContain(
      'No note on “Closing” itself. The last session that scored it, on September 20, 2026, is the one whose note is quoted above, under “Negotiation”.',
    );
    expect(part(html, '<section class="section diagnosis">').match(/Conceded the discount/g)).toHaveLength(1);
  });

  it('names a session note that scored the competency alone as such', () => {
    const [closing] = focusEntries(
      repHtml('wording', 'ava-stone', {
        mutate: (data) => {
          const last = data.assessments[2];
          if (last !== undefined) last.scores = { closing: 2 };
        },
      }),
    );
    expect(text(closing ?? '')).toContain(
      'Note on the whole session of September 20, 2026 (the only competency scored that day): Conceded the discount at once.',
    );
  });
});

describe('priorities, gaps and the proposed course (SPEC §5)', () => {
  it('calls a priority only an entry below expectation, and says what is left to close', () => {
    const html = repHtml('wording', 'ava-stone');
    expect(focusEntries(html).map((e) => text(e).split(' Level ')[0])).toEqual([
      'Priority 1 Negotiation',
      'Priority 2 Closing',
      'Priority 3 Discovery',
    ]);
    // Negotiation: 3.5 − 2.0; presentation: 3 − 3.
    expect(text(part(html, '<th scope="row">Negotiation</th>', '</tr>'))).toContain('1.5 to close');
    expect(text(part(html, '<th scope="row">Presentation</th>', '</tr>'))).toContain('at the level');
    expect(text(part(html, '<div class="course">', '</div>'))).toBe(
      'Proposed course for 2027 Develop “Negotiation”: from 2.0 to 3.5, the level expected for the role.',
    );
  });

  it('never calls "priority" an entry at or above expectation; proposes the next whole level', () => {
    const html = repHtml('wording', 'ben-cole');
    const diagnosis = part(html, '<section class="section diagnosis">');
    expect(diagnosis).not.toMatch(/Priority/);
    expect(focusEntries(html).map((e) => text(e).split(' Level ')[0])).toEqual([
      'Above the expected level Closing',
      'Above the expected level Discovery',
    ]);
    // Closing 2.25 against 2: "0.3 above" (−0.25 rounds away from zero), never "−0.3 to close".
    expect(text(part(html, '<th scope="row">Closing</th>', '</tr>'))).toContain('0.3 above');
    expect(html).not.toMatch(/[-\u2212]0\.\d to close/);
    expect(text(diagnosis)).toContain('No competency assessed at least twice is below the expected level');
    expect(text(part(html, '<div class="course">', '</div>'))).toBe(
      'Proposed course for 2027 No competency assessed is below the expected level. Aim higher in “Closing”: from 2.3 to 3.0 (Proficient), the next level of the scale.',
    );
  });

  it('says a competency at the top of the scale is there, rather than proposing an impossible target', () => {
    const course = text(part(repHtml('wording', 'cy-park'), '<div class="course">', '</div>'));
    expect(course).toBe(
      'Proposed course for 2027 No competency assessed is below the expected level, and “Closing” is at the top of the scale, at 4.0 (Expert): the aim is to stay there.',
    );
  });

  it('writes every negative number with a real minus sign', () => {
    const html = repHtml('wording', 'ava-stone', {
      mutate: (data) => {
        const last = data.assessments[2];
        if (last !== undefined) last.scores = { ...last.scores, closing: 1 };
      },
    });
    // Closing 2025: 2.0; 2026: (2 + 1) / 2 = 1.5: −0.5.
    expect(text(part(html, '<th scope="row">Closing</th>', '</tr>'))).toContain('\u22120.5');
    expect(part(html, '<section class="section profile">')).not.toMatch(/>-\d|\s-\d/);
  });
});

describe('figures resting on one score (SPEC §5)', () => {
  it('marks "1 obs." and never colours them as progress or regress', () => {
    const html = repHtml('wording', 'ava-stone');
    // Ava's 2025 rests on one assessment: every change is marked, none coloured.
    const discovery = part(html, '<th scope="row">Discovery</th>', '</tr>');
    expect(discovery).toContain('<td class="num">2.0<span class="obs">1 obs.</span></td>');
    expect(discovery).toContain('<td class="num delta single">+0.3<span class="obs">1 obs.</span></td>');
    expect(part(html, '<section class="section profile">')).not.toMatch(/delta (up|down)/);
    // Prospecting was scored once: its goal status is marked and not coloured.
    const goal = part(part(html, '<section class="section goals">'), '<th scope="row">Prospecting</th>', '</tr>');
    expect(goal).toContain('<span class="status single">Not met</span> <span class="obs obs-inline">1 obs.</span>');
    expect(goal).not.toMatch(/status not-met/);
    expect(text(part(html, '<div class="headline">', '<section'))).toContain('+0.3 (1 obs. in 2025)');
  });

  it('colours a change that rests on two scores each year', () => {
    const row = part(repHtml('wording', 'cy-park'), '<th scope="row">Discovery</th>', '</tr>');
    expect(row).toContain('<td class="num delta up">+1.0</td>');
  });

  it('says on how many assessments the headline rests when fewer than 3', () => {
    expect(text(repHtml('wording', 'ben-cole'))).toContain(
      'This review rests on only 2 assessments: the levels are still to be confirmed.',
    );
    expect(repHtml('wording', 'ava-stone')).not.toContain('few-assessments');
    expect(text(repHtml('wording-fr', 'lea-roux', { asOf: '2026-12-11' }))).toContain(
      'Ce bilan repose sur une seule observation\u00a0: chaque niveau reste à confirmer.',
    );
  });
});

describe('coaching as of the build date (SPEC §5)', () => {
  it('shows the month in progress as in progress, the months to come as not yet come, never as missed', () => {
    const html = repHtml('wording', 'ava-stone', { asOf: '2026-06-15' });
    const months = part(html, '<table class="months', '</table>');
    const cells = [...months.matchAll(/<td class="([^"]*)">/g)].map((m) => m[1]?.trim());
    // January, March, April missed; June in progress; July…December to come (September has an assessment).
    expect(cells).toEqual([
      'empty',
      '',
      'empty',
      'empty',
      '',
      'in-progress',
      'upcoming',
      'upcoming',
      '',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(months).toContain('<span class="month-state">in progress</span>');
    expect(text(part(html, '<section class="section coaching">'))).toContain(
      'The month in progress (June) is not counted as missed. The months to come are left blank.',
    );
    // As of 15 June, with a session planned on 20 September: 1 Jan → 14 Feb 44, → 10 May 85, → 20 Sep 133.
    expect(text(part(html, '<div class="headline headline-3">', '<table'))).toContain('133 days from May 10 to Sep 20');
  });

  it('marks the month in progress in the team and organisation coverage', () => {
    const { team, organisation } = groupHtml('wording', '2026-12-10');
    const ben = part(team, '<th scope="row" class="name">Ben Cole</th>', '</tr>');
    // Ben: coached in March and October; December in progress, not missed.
    expect(ben).toContain('<td class="cell c1">1</td><td class="cell c0">0</td><td class="cell in-progress"></td>');
    expect(text(team)).toContain('The month in progress (December), in a dotted box, is never counted as missed.');
    const east = part(organisation, '<th scope="row" class="name">East</th>', '</tr>');
    expect(east).toContain('<td class="cell in-progress"></td>');
    expect(text(organisation)).toContain('Assessments per team and month, as of December 10, 2026.');
  });

  it('gives the longest stretch in days, with its plural, in French', () => {
    const lea = text(repHtml('wording-fr', 'lea-roux', { asOf: '2026-12-11' }));
    const marc = text(repHtml('wording-fr', 'marc-petit', { asOf: '2026-12-11' }));
    expect(lea).toContain('Plus long intervalle sans observation 1 jour');
    expect(marc).toContain('Plus long intervalle sans observation 2 jours du 8 déc. au 10 déc.');
    expect(lea).toContain('Chiffres arrêtés au 11 décembre 2026.');
  });
});

describe('team and organisation change, like for like (SPEC §5)', () => {
  it('says over how many reps each change is, with the reason when there is none', () => {
    const { team } = groupHtml('wording');
    const row = (label: string) => text(part(team, `<th scope="row">${label}</th>`, '</tr>'));
    // Discovery: Ava +0.25, Cy +1.0 (Ben is new) → +0.625 over 2 reps.
    expect(row('Discovery')).toMatch(/^Discovery 2\.5 3\.0 \+0\.6 over 2 reps/);
    // Negotiation: Ava alone has both levels.
    expect(row('Negotiation')).toContain('0.0 over 1 rep ');
    expect(row('Presentation')).toContain('— no rep assessed both years');
    expect(text(team)).toContain('+0.5 over 2 reps assessed both years · 2.6 in 2025, same reps');
  });

  it('shows a first-year arrival as new, not as a regression, in member rows and counts', () => {
    const { team } = groupHtml('wording');
    expect(part(team, '<th scope="row">Ben Cole</th>', '</tr>')).toContain(
      '<td class="num delta new">New this year</td>',
    );
    // Discovery: Ava and Cy progressed (+0.25, +1.0), Ben new this year: nobody regressed, nobody unexplained.
    expect(text(part(team, '<th scope="row">Discovery</th>', '</tr>'))).toMatch(/2 0 0 1 0$/);
    expect(text(team)).toContain('incl. 1 new this year');
  });

  it('writes the reps in French with their plural, and the organisation the same way', () => {
    const { team, organisation } = groupHtml('wording-fr', '2026-12-11');
    const discovery = text(part(team, '<th scope="row">Découverte des besoins</th>', '</tr>'));
    const closing = text(part(team, '<th scope="row">Conclusion</th>', '</tr>'));
    expect(discovery).toContain('sur 2 commerciaux');
    expect(closing).toContain('sur 1 commercial ');
    expect(text(organisation)).toContain('sur 2 commerciaux suivis les deux années');
  });
});

describe('chart axes (SPEC §6: charts as vectors, labels in the locale)', () => {
  it('write the numbers of a scale below zero with a real minus sign', async () => {
    const fmt = createFormatter('fr', 'EUR');
    const [svg] = await renderCharts([
      progressionChart({
        competency: 'Découverte',
        scores: [
          { date: '2026-02-14', score: -1 },
          { date: '2026-06-10', score: 1.5 },
        ],
        previous: null,
        expected: 0,
        scale: { min: -2, max: 2 },
        year: 2026,
        fmt,
        colors: palette('#0b5cad'),
      }),
    ]);
    const labels = [...(svg ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(['\u22122', '\u22121', '0', '1', '2']));
    expect(labels.filter((label) => label?.includes('-'))).toEqual([]);
  });
});
