/**
 * Incremental builds (SPEC §7): what a rebuild skips and what it renders
 * again, read from the build's result, its progress events and its manifest.
 * Standalone HTML (--html-only) keeps these builds quick; one test prints PDFs.
 */
import { mkdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult, type ProgressEvent } from '../../src/build.js';
import { sha256 } from '../../src/write/manifest.js';
import { acquireLock } from '../../src/write/lock.js';
import { FIXTURES, tempWorkspace } from '../helpers.js';
import { writeOrganisation } from '../../scripts/bench-data.mjs';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;
let out: string;

/** Six reps in two teams: rep-00001, -3, -5 in "Team 001"; rep-00002, -4, -6 in "Team 002". */
beforeAll(async () => {
  ({ dir, cleanup } = await tempWorkspace({}));
  data = path.join(dir, 'data');
  out = path.join(dir, 'output');
  await writeOrganisation(data, { reps: 6, teamSize: 3 });
});
afterAll(async () => cleanup());

const run = (options: BuildOptions = {}) => build({ data, out, htmlOnly: true, asOf: '2026-12-31', ...options });

/** `status file` for every report, relative to the year's folder, sorted. */
function statuses(result: BuildResult, status: 'written' | 'skipped' | 'failed'): string[] {
  return result.reports
    .filter((r) => r.status === status)
    .map((r) => path.relative(path.join(out, '2026'), r.file))
    .sort();
}

const ALL = [
  'organisation.html',
  ...[1, 2, 3, 4, 5, 6].map((i) => `reps/rep-0000${i}.html`),
  'teams/team-001.html',
  'teams/team-002.html',
].sort();

async function manifest(): Promise<{ reports: Record<string, { inputs: string; output: string }> }> {
  return JSON.parse(await readFile(path.join(out, '2026', '.revue-manifest.json'), 'utf8'));
}

/** Changes the last score of a rep's 2026 file: their level, so their team's and organisation's figures, move. */
async function changeLastScore(id: string): Promise<void> {
  const file = path.join(data, '2026', `${id}.yaml`);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const last = lines.findLastIndex((line) => /^ {6}[a-z-]+: \d(\.5)?$/.test(line));
  lines[last] = (lines[last] ?? '').replace(/\d(\.5)?$/, (score) => String(Number(score) >= 3 ? 1 : Number(score) + 1));
  await writeFile(file, lines.join('\n'));
}

describe('incremental builds', () => {
  it('writes every report the first time, and a manifest of what each was built from', async () => {
    const first = await run();
    expect(statuses(first, 'written')).toEqual(ALL);
    expect(first.manifest).toBe(path.join(out, '2026', '.revue-manifest.json'));
    const { reports } = await manifest();
    expect(Object.keys(reports).sort()).toEqual(ALL);
    for (const [file, entry] of Object.entries(reports)) {
      expect(entry.output, file).toBe(sha256(await readFile(path.join(out, '2026', file))));
      expect(entry.inputs).toMatch(/^[0-9a-f]{64}$/);
    }
  }, 60_000);

  it('skips everything on a rebuild of the same inputs, without starting a browser, and says so in the progress', async () => {
    const events: ProgressEvent[] = [];
    // A browser that does not exist: the rebuild would fail if it tried to start one.
    const again = await run({ browser: path.join(dir, 'no-such-chrome'), onProgress: (e) => events.push(e) });
    expect(statuses(again, 'skipped')).toEqual(ALL);
    expect(statuses(again, 'written')).toEqual([]);
    expect(events.filter((e) => e.kind === 'report').map((e) => e.kind === 'report' && e.status)).toEqual(
      ALL.map(() => 'skipped'),
    );
    expect(events.find((e) => e.kind === 'start')).toMatchObject({ total: ALL.length });
    // The index is written every time, and still links every report.
    const index = await readFile(path.join(out, '2026', 'index.html'), 'utf8');
    for (const file of ALL.filter((f) => f.startsWith('reps/'))) expect(index).toContain(`href="${file}"`);
    expect(again.timings.launch).toBe(0);
    expect(again.timings.charts).toBe(0);
  }, 60_000);

  it('renders one changed rep, their team and the organisation again, and nothing else', async () => {
    await changeLastScore('rep-00003');
    const result = await run();
    expect(statuses(result, 'written')).toEqual(['organisation.html', 'reps/rep-00003.html', 'teams/team-001.html']);
    expect(statuses(result, 'skipped')).toHaveLength(ALL.length - 3);
  }, 60_000);

  it('renders again a report whose file was deleted or altered, and a rep whose free text changed alone (no team figure moved)', async () => {
    await rm(path.join(out, '2026', 'reps', 'rep-00002.html'));
    await appendFile(path.join(out, '2026', 'reps', 'rep-00005.html'), '<!-- edited by hand -->');
    const file = path.join(data, '2026', 'rep-00004.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        /^ {4}strengths: .*$/m,
        '    strengths: "Opened with the customer’s plant figures."',
      ),
    );
    expect(statuses(await run(), 'written')).toEqual([
      'reps/rep-00002.html',
      'reps/rep-00004.html',
      'reps/rep-00005.html',
    ]);
  }, 60_000);

  it('renders everything when the framework changes', async () => {
    const file = path.join(data, 'framework.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('label: Negotiation', 'label: Negotiating'));
    expect(statuses(await run(), 'written')).toEqual(ALL);
  }, 60_000);

  it('renders everything when a template is overridden', async () => {
    await mkdir(path.join(dir, 'templates'), { recursive: true });
    const css = await readFile(path.join(import.meta.dirname, '../../templates/report.css'), 'utf8');
    await writeFile(path.join(dir, 'templates', 'report.css'), `${css}\nh1 { letter-spacing: 0.01em; }\n`);
    expect(statuses(await run(), 'written')).toEqual(ALL);
    expect(statuses(await run(), 'written')).toEqual([]);
  }, 60_000);

  it('never names a failed report in the manifest, and renders it on the next build', async () => {
    // A folder where the report should go: its rename fails, the others go on.
    await changeLastScore('rep-00006');
    const blocked = path.join(out, '2026', 'reps', 'rep-00006.html');
    await rm(blocked);
    await mkdir(path.join(blocked, 'in-the-way'), { recursive: true });
    const result = await run();
    expect(statuses(result, 'failed')).toEqual(['reps/rep-00006.html']);
    expect(statuses(result, 'written')).toEqual(['organisation.html', 'teams/team-002.html']);
    expect(Object.keys((await manifest()).reports)).not.toContain('reps/rep-00006.html');
    expect(Object.keys((await manifest()).reports)).toHaveLength(ALL.length - 1);

    await rm(blocked, { recursive: true });
    const next = await run();
    expect(statuses(next, 'written')).toEqual(['reps/rep-00006.html']);
    expect(Object.keys((await manifest()).reports).sort()).toEqual(ALL);
  }, 60_000);

  it('renders up-to-date reports with force; a build of a few reps (--rep) keeps the others’ entries', async () => {
    const result = await run({ reps: ['rep-00001', 'rep-00002'], force: true });
    expect(statuses(result, 'written')).toEqual(['reps/rep-00001.html', 'reps/rep-00002.html']);
    expect(Object.keys((await manifest()).reports).sort()).toEqual(ALL);
    expect(statuses(await run(), 'written')).toEqual([]);
  }, 60_000);

  it('refuses to build while another build holds the output folder', async () => {
    await using _other = await acquireLock(path.join(out, '2026', '.revue-build.lock'));
    await expect(run()).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`pid ${process.pid}`),
    });
  }, 60_000);

  it('waits for the other build when given a timeout', async () => {
    const other = await acquireLock(path.join(out, '2026', '.revue-build.lock'));
    setTimeout(() => void other.release(), 500);
    const result = await run({ lockTimeout: 30_000 });
    expect(statuses(result, 'skipped')).toEqual(ALL);
  }, 60_000);
});

describe('incremental PDF builds', () => {
  let pdfOut: string;
  beforeAll(async () => {
    pdfOut = path.join(dir, 'pdf-output');
  });

  it('skips up-to-date PDFs, and prints again a PDF that was altered', async () => {
    const options = { data: path.join(FIXTURES, 'minimal'), out: pdfOut, sourceDateEpoch: 1_767_225_600 };
    const first = await build(options);
    expect(first.reports.map((r) => r.status)).toEqual(['written', 'written', 'written', 'written']);
    const again = await build({ ...options, browser: path.join(dir, 'no-such-chrome') });
    expect(again.reports.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);

    const file = path.join(pdfOut, '2026', 'reps', 'ann-lee.pdf');
    const before = await readFile(file);
    await writeFile(file, before.subarray(0, before.length - 10));
    const repaired = await build(options);
    expect(repaired.reports.filter((r) => r.status === 'written').map((r) => path.relative(pdfOut, r.file))).toEqual([
      path.join('2026', 'reps', 'ann-lee.pdf'),
    ]);
    // SOURCE_DATE_EPOCH: the same bytes as the first time.
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
  }, 120_000);
});
