/**
 * The daily loop through the binary (issue 14): `revue log`, `revue status`
 * and `revue new-year` on temp copies of the example workspace (data/) and
 * of the minimal fixture.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, parseJson } from '../helpers.js';
import { pdfText } from '../pdf.js';
import { BIN, revue } from './spawn.js';

const EXAMPLE = path.join(import.meta.dirname, '..', '..', 'data');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-daily-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A copy of `source` as `dir/data`; returns the path of a file in it. */
async function copy(source: string): Promise<(relative: string) => string> {
  await cp(source, path.join(dir, 'data'), { recursive: true });
  return (relative) => path.join(dir, 'data', relative);
}

/** The one run of lines inserted into `before` to give `after`, or undefined when `after` is not `before` plus lines. */
function inserted(before: string, after: string): string | undefined {
  let k = 0;
  while (k < before.length && before[k] === after[k]) k++;
  // Back to the start of a line: the insertion is whole lines.
  k = before.lastIndexOf('\n', k - 1) + 1;
  const length = after.length - before.length;
  if (after.slice(0, k) !== before.slice(0, k) || after.slice(k + length) !== before.slice(k)) return undefined;
  return after.slice(k, k + length);
}

describe('revue log', () => {
  it('adds the session at the end of the log, every other byte of a real file kept, and says where', async () => {
    const file = await copy(EXAMPLE);
    const before = await readFile(file('2026/alice-martin.yaml'), 'utf8');
    const run = revue(
      [
        'log',
        'alice-martin',
        '--date',
        '2026-11-30',
        '--context',
        'phone',
        'discovery=3',
        'closing=2,5',
        '--kind',
        'Écoute d’appel',
        '--improvements',
        'Fixer une date avant de raccrocher',
        '--note',
        'closing=Repart sans date : « je vous rappelle »',
        '--action',
        'Proposer deux créneaux, puis confirmer par écrit',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toContain('data/2026/alice-martin.yaml');
    expect(run.code).toBe(0);
    const after = await readFile(file('2026/alice-martin.yaml'), 'utf8');
    expect(inserted(before, after)).toBe(
      [
        '  - date: 2026-11-30',
        '    kind: Écoute d’appel',
        '    context: phone',
        '    scores:',
        '      discovery: 3',
        '      closing: 2.5',
        '    improvements: Fixer une date avant de raccrocher',
        '    notes:',
        '      closing: "Repart sans date : « je vous rappelle »"',
        '    actions:',
        '      - Proposer deux créneaux, puis confirmer par écrit',
        '',
      ].join('\n'),
    );
    // The review that follows the log is still after it.
    expect(after.indexOf('2026-11-30')).toBeLessThan(after.lastIndexOf('\nreview:'));
    expect(revue(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('takes free text that begins with a dash, and refuses an option left without its value', async () => {
    const file = await copy(EXAMPLE);
    const before = await readFile(file('2026/alice-martin.yaml'), 'utf8');
    const args = ['log', 'alice-martin', '--date', '2026-11-30', 'discovery=3'];
    const missing = revue([...args, '--improvements', '--action', 'Rappeler'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--improvements');
    expect(await readFile(file('2026/alice-martin.yaml'), 'utf8')).toBe(before);

    const run = revue([...args, '--improvements', '- ouvrir par une question', '--action', '-5 % si signé ce mois'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    const added = inserted(before, await readFile(file('2026/alice-martin.yaml'), 'utf8')) ?? '';
    expect(parse(added.replace(/^ {2}/gm, ''))).toEqual([
      {
        date: '2026-11-30',
        scores: { discovery: 3 },
        improvements: '- ouvrir par une question',
        actions: ['-5 % si signé ce mois'],
      },
    ]);
  });

  it('keeps CRLF line endings, comments and flow-style scores, in the style of the entries there', async () => {
    const file = await copy(path.join(FIXTURES, 'minimal'));
    const crlf = [
      '# Ann’s year',
      'name: Ann Lee',
      'role: junior',
      'team: North',
      'assessments:',
      '  # the first visit',
      '  - { date: 2026-02-10, scores: { discovery: 2 } }',
      '  - date: 2026-03-10',
      '    scores: { prospecting: 2.5 }   # on the phone',
      'review:',
      '  manager: Good year.',
      '',
    ].join('\r\n');
    await writeFile(file('2026/ann-lee.yaml'), crlf);
    const run = revue(['log', 'Ann Lee', 'Negotiation=2', '--date', '2026-04-01'], { cwd: dir });
    expect(run.stderr).toContain('data/2026/ann-lee.yaml');
    expect(run.code).toBe(0);
    const after = await readFile(file('2026/ann-lee.yaml'), 'utf8');
    expect(inserted(crlf, after)).toBe('  - date: 2026-04-01\r\n    scores: { negotiation: 2 }\r\n');
  });

  it('refuses an unknown competency, an off-scale score and an unknown context, pointing at each argument, and writes nothing', async () => {
    const file = await copy(EXAMPLE);
    const before = await readFile(file('2026/alice-martin.yaml'));
    const run = revue(
      ['log', 'alice-martin', 'discovry=3', 'Conclusion=7', '--context', 'phon', '--date', '2026-11-30'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    // In the workspace's language (French), placed at the argument.
    expect(run.stderr).toContain('discovry=3: erreur\u00a0: compétence inconnue «\u00a0discovry\u00a0»');
    expect(run.stderr).toContain('vouliez-vous dire «\u00a0discovery\u00a0»');
    expect(run.stderr).toContain('Conclusion=7: erreur');
    expect(run.stderr).toContain('--context phon: erreur');
    expect(run.stderr).toContain('rien n’a été écrit');
    expect(await readFile(file('2026/alice-martin.yaml'))).toEqual(before);
  });

  it('refuses a score off the scale’s step, saying which steps are near, and writes nothing', async () => {
    const file = await copy(path.join(FIXTURES, 'minimal'));
    const before = await readFile(file('2026/ann-lee.yaml'));
    const run = revue(['log', 'ann-lee', 'discovery=2.7', '--date', '2026-04-01'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('discovery=2.7: error');
    expect(run.stderr).toContain('use 2.5 or 3');
    expect(await readFile(file('2026/ann-lee.yaml'))).toEqual(before);
  });

  it('checks the whole workspace: an error in another file refuses the session, and nothing is written', async () => {
    const file = await copy(path.join(FIXTURES, 'minimal'));
    const bo = await readFile(file('2026/bo-chen.yaml'), 'utf8');
    await writeFile(file('2026/bo-chen.yaml'), bo.replace('role: senior', 'role: seinor'));
    const before = await readFile(file('2026/ann-lee.yaml'));
    const run = revue(['log', 'ann-lee', 'discovery=3', '--date', '2026-04-01'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data/2026/bo-chen.yaml:2:7: error: role: unknown role "seinor"');
    expect(run.stderr).toContain('nothing written: the workspace has errors');
    expect(await readFile(file('2026/ann-lee.yaml'))).toEqual(before);
  });

  it('off a terminal, names what is missing (exit 2)', async () => {
    await copy(path.join(FIXTURES, 'minimal'));
    const noRep = revue(['log', 'discovery=3'], { cwd: dir });
    expect(noRep.code).toBe(2);
    expect(noRep.stderr).toContain('missing: the rep (REP, or --new "Full Name")');
    const nothing = revue(['log', 'ann-lee'], { cwd: dir });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('missing: at least one score (COMPETENCY=SCORE)');
    // The example is made of this workspace: its rep, its first context, two of its competencies on its scale.
    expect(nothing.stderr).toContain(
      'e.g. revue log ann-lee --context new-business prospecting=2.5 discovery=2 (on a terminal, revue log asks)',
    );
    expect(noRep.stderr).toContain('e.g. revue log ann-lee --context new-business prospecting=2.5 discovery=2');
    const unknown = revue(['log', 'ann-le', 'discovery=3'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no rep "ann-le" in the workspace');
    expect(unknown.stderr).toContain('did you mean "ann-lee"?');
  });

  it('starts the year’s file of a rep who has none, from their latest file', async () => {
    const file = await copy(EXAMPLE);
    // Claire Dubois has a file for 2025 only.
    const run = revue(['log', 'claire-dubois', 'Découverte des besoins=2,5', '--date', '2026-11-20'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('data/2026/claire-dubois.yaml (nouveau fichier)');
    expect(await readFile(file('2026/claire-dubois.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../../schema/rep.schema.json',
        'name: Claire Dubois',
        'role: confirmed',
        'team: Lyon Rhône',
        'manager: Karim Benali',
        'assessments:',
        '  - date: 2026-11-20',
        '    scores:',
        '      discovery: 2.5',
        '',
      ].join('\n'),
    );
  });

  it('makes the id of a new rep from their name, and refuses one already taken', async () => {
    const file = await copy(EXAMPLE);
    const args = ['log', '--new', 'Zoë Lefèvre', '--role', 'Ingénieur commercial senior', '--team', 'Paris Sud'];
    const run = revue([...args, 'prospecting=3', '--date', '2026-11-21'], { cwd: dir });
    expect(run.code).toBe(0);
    const text = await readFile(file('2026/zoe-lefevre.yaml'), 'utf8');
    expect(text).toContain('name: Zoë Lefèvre\nrole: senior\nteam: Paris Sud\n');
    const again = revue([...args, 'prospecting=3', '--date', '2026-11-22'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('l’identifiant «\u00a0zoe-lefevre\u00a0» est déjà pris');
    expect(await readFile(file('2026/zoe-lefevre.yaml'), 'utf8')).toBe(text);
  });
});

describeWithBrowser('revue log, then revue build', () => {
  it('puts a session logged in French, with labels and a decimal comma, in the PDF', async () => {
    await copy(EXAMPLE);
    const logged = revue(
      [
        'log',
        'Alice Martin',
        '--date',
        '2026-11-30',
        '--context',
        'Rendez-vous téléphonique',
        'Découverte des besoins=3,5',
        'Conclusion=3',
        '--note',
        'Conclusion=Rendez-vous fixé au 14 décembre avec le directeur d’usine',
      ],
      { cwd: dir },
    );
    expect(logged.code).toBe(0);
    const built = revue(['build', '--rep', 'alice-martin', '--as-of', '2026-12-01'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const text = pdfText(path.join(dir, 'output', '2026', 'reps', 'alice-martin.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Rendez-vous fixé au 14 décembre avec le directeur d’usine');
  });
});

const statusShape = z.object({
  asOf: z.string(),
  days: z.number(),
  reps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      team: z.string().nullable(),
      manager: z.string().nullable(),
      last: z.string().nullable(),
      daysSince: z.number().nullable(),
      overdue: z.boolean(),
      monthsMissed: z.array(z.number()),
      neverObserved: z.array(z.string()),
      contextsNeverObserved: z.array(z.string()),
    }),
  ),
});

describe('revue status', () => {
  it('prints SPEC §7’s JSON, most urgent first, as computed by hand', async () => {
    await copy(path.join(FIXTURES, 'minimal'));
    const run = revue(['status', '--format', 'json', '--as-of', '2026-11-20'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(parseJson(run.stdout, statusShape)).toEqual({
      asOf: '2026-11-20',
      days: 30,
      reps: [
        {
          // Sessions on 10 February and 15 June: 158 days since; January to October are over, February and June had one.
          id: 'ann-lee',
          name: 'Ann Lee',
          team: 'North',
          manager: 'Sam Ray',
          last: '2026-06-15',
          daysSince: 158,
          overdue: true,
          monthsMissed: [1, 3, 4, 5, 7, 8, 9, 10],
          neverObserved: [],
          contextsNeverObserved: [],
        },
        {
          // Since 1 September, one session on 5 October: 46 days since; September missed.
          id: 'bo-chen',
          name: 'Bo Chen',
          team: 'North',
          manager: null,
          last: '2026-10-05',
          daysSince: 46,
          overdue: true,
          monthsMissed: [9],
          neverObserved: ['prospecting', 'negotiation'],
          contextsNeverObserved: ['key-account'],
        },
      ],
    });
    const relaxed = parseJson(
      revue(['status', '--format', 'json', '--as-of', '2026-11-20', '--days', '60'], { cwd: dir }).stdout,
      statusShape,
    );
    expect(relaxed.reps.map((r) => [r.id, r.overdue])).toEqual([
      ['ann-lee', true],
      ['bo-chen', false],
    ]);
  });

  it('prints a table per team and manager in the workspace’s language', async () => {
    await copy(EXAMPLE);
    const run = revue(['status', '--as-of', '2026-12-01'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Paris Sud — Jeanne Roux');
    expect(lines[1]).toMatch(/^commercial +dernière séance +jours +mois manqués +jamais observé$/);
    // The competencies never observed, then the sales contexts, named as such (as in --format json).
    const cell = (rep: string) =>
      (lines.find((line) => line.startsWith(rep)) ?? '')
        .split(/ {2,}/)
        .at(-1)
        ?.replace(/[\u202f\u00a0]/g, ' ');
    expect(cell('Lucas Moreau')).toBe('Négociation, Développement des comptes ; contexte : Compte clé');
    expect(cell('Mathieu Blanc')).toBe('Prospection ; contextes : Nouveau client, Rendez-vous téléphonique');
    expect(cell('Sophie Garnier')).toBe('—');
    expect(run.stdout).toContain('Lyon Rhône — Karim Benali');
    expect(run.stdout).toMatch(/en retard \(aucune séance depuis plus de 30 jours, ou jamais\) au 2026-12-01\n$/);
  });
});

describe('revue new-year', () => {
  it('writes next year’s files with the course set, never overwrites one, and lists what it wrote', async () => {
    const file = await copy(EXAMPLE);
    await mkdir(file('2027'));
    const mine = '# yaml-language-server: $schema=../../schema/rep.schema.json\nname: Alice Martin\nrole: senior\n';
    await writeFile(file('2027/alice-martin.yaml'), mine);
    const run = revue(['new-year', '2027', '--as-of', '2026-12-31'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('✓ 6 fichiers écrits pour 2027');
    expect(run.stderr).toContain('data/2027/julien-perrin.yaml');
    expect(run.stderr).not.toContain('data/2027/alice-martin.yaml');
    expect(await readFile(file('2027/alice-martin.yaml'), 'utf8')).toBe(mine);
    const julien = await readFile(file('2027/julien-perrin.yaml'), 'utf8');
    expect(julien.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/rep.schema.json');
    expect(julien).toMatch(/\ngoals:\n {2}# [^\n]+: niveau \d,\d en 2026, \d,\d attendu/);
    expect(julien).toContain('assessments: []');
    expect(revue(['validate'], { cwd: dir }).code).toBe(0);

    const files = await readdir(file('2027'));
    const again = revue(['new-year', '2027', '--as-of', '2026-12-31'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('rien n’a été écrit');
    expect(await readdir(file('2027'))).toEqual(files);
    expect(await readFile(file('2027/julien-perrin.yaml'), 'utf8')).toBe(julien);
  });

  it("after it, a build of the year not begun says so, with the command for this year's reviews", async () => {
    await copy(EXAMPLE);
    expect(revue(['new-year', '2027', '--as-of', '2026-12-31'], { cwd: dir }).code).toBe(0);
    const notice =
      '2027 n’a pas commencé (au 2026-12-31)\u00a0: ses rapports n’ont encore aucune séance. Les bilans de cette année\u00a0: revue build --year 2026';
    const december = revue(['build', '--html-only', '--as-of', '2026-12-31'], { cwd: dir });
    expect(december.code, december.stderr).toBe(0);
    expect(december.stderr).toContain(notice);
    // Asked for by name, or once it has begun: nothing to say.
    expect(
      revue(['build', '--html-only', '--year', '2027', '--as-of', '2026-12-31'], { cwd: dir }).stderr,
    ).not.toContain('revue build --year 2026');
    expect(revue(['build', '--html-only', '--as-of', '2027-01-04'], { cwd: dir }).stderr).not.toContain(
      'revue build --year 2026',
    );
    expect(revue(['build', '--html-only', '-q', '--as-of', '2026-12-31'], { cwd: dir }).stderr).toBe('');
  });

  it('says when there is no year before to start from', async () => {
    await copy(path.join(FIXTURES, 'minimal'));
    const run = revue(['new-year', '2030'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no data for 2029 to start 2030 from');
  });
});

describe('revue log on a terminal', () => {
  it('asks what is missing: the rep with completion, the context, each competency with the scale’s steps, the notes', async () => {
    const file = await copy(path.join(FIXTURES, 'minimal'));
    const command = [process.execPath, BIN, 'log', '--date', '2026-11-10'].map((a) => `'${a}'`).join(' ');
    // util-linux `script` gives the command a pseudo-terminal; each answer is typed once its question shows.
    // The pseudo-terminal of `script` has no size: without one the prompts would wrap at every letter.
    const child = spawn('script', ['-qec', `stty cols 120 rows 40; ${command}`, '/dev/null'], {
      cwd: dir,
      env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1' },
    });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
    const ended = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // What the terminal shows, without its escape sequences; each question is looked for after the last one.
    let from = 0;
    const shown = () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    const answer = async (question: string, keys: string) => {
      for (let i = 0; i < 200 && !shown().includes(question, from); i++) await new Promise((r) => setTimeout(r, 50));
      expect(shown().slice(from), `the question ${question}`).toContain(question);
      from = shown().indexOf(question, from) + question.length;
      child.stdin.write(keys);
    };
    const DOWN = '\u001b[B';
    await answer('Which rep?', 'Bo');
    await answer('Bo Chen', '\r');
    await answer('In which context?', `${DOWN.repeat(2)}\r`);
    await answer('Kind of session', 'Field visit\r');
    await answer('Prospecting?', '\r');
    // Not observed, 1, 1.5, 2, 2.5.
    await answer('Discovery?', `${DOWN.repeat(4)}\r`);
    await answer('Negotiation?', '\r');
    await answer('Strengths seen?', 'Listened well\r');
    await answer('To improve?', '\r');
    await answer('An action agreed', 'Call back on Friday\r');
    expect(await ended).toBe(0);
    expect(screen).toContain('logged the session of 2026-11-10 for Bo Chen in data/2026/bo-chen.yaml');
    expect(await readFile(file('2026/bo-chen.yaml'), 'utf8')).toMatch(
      /\n {2}- date: 2026-11-10\n {4}kind: Field visit\n {4}context: key-account\n {4}scores:\n {6}discovery: 2\.5\n {4}strengths: Listened well\n {4}actions:\n {6}- Call back on Friday\n$/,
    );
  });
});
