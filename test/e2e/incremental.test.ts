/**
 * Incremental builds (SPEC §7): what a rebuild skips and what it renders
 * again, read from the build's result, its progress events and its manifest.
 * Standalone HTML (--html-only) keeps these builds quick; one test prints PDFs.
 * Each test starts from its own workspace (and, but for the first, its own
 * first build), so that any of them runs alone (`vitest -t`).
 */
import { appendFile, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { writeOrganisation } from '../../scripts/bench-data.mjs';
import { build, type BuildOptions, type BuildResult, type ProgressEvent } from '../../src/build.js';
import { acquireLock } from '../../src/write/lock.js';
import { sha256 } from '../../src/write/manifest.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, parseJson, tempWorkspace } from '../helpers.js';

const ALL = [
  'organisation.html',
  ...[1, 2, 3, 4, 5, 6].map((i) => `reps/rep-0000${i}.html`),
  'teams/team-001.html',
  'teams/team-002.html',
].sort();

/** What the manifest names: every report, and the index page. */
const RECORDED = [...ALL, 'index.html'].sort();

const MANIFEST = z.object({ reports: z.record(z.string(), z.object({ inputs: z.string(), output: z.string() })) });

/** A workspace of this file's tests, and what they do with it. */
interface Workspace {
  dir: string;
  data: string;
  out: string;
  /** An --html-only build of the workspace. */
  run(options?: BuildOptions): Promise<BuildResult>;
  /** `status file` for every report, relative to the year's folder, sorted. */
  statuses(result: BuildResult, status: 'written' | 'skipped' | 'failed'): string[];
  /** The build manifest, read back. */
  manifest(): Promise<z.infer<typeof MANIFEST>>;
  /** Changes the last score of a rep's 2026 file: their level, so their team's and organisation's figures, move. */
  changeLastScore(id: string): Promise<void>;
}

function workspaceIn(dir: string): Workspace {
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'output');
  return {
    dir,
    data,
    out,
    run: (options = {}) => build({ data, out, htmlOnly: true, asOf: '2026-12-31', ...options }),
    statuses: (result, status) =>
      result.reports
        .filter((r) => r.status === status)
        .map((r) => path.relative(path.join(out, '2026'), r.file))
        .sort(),
    manifest: async () => parseJson(await readFile(path.join(out, '2026', '.revue-manifest.json'), 'utf8'), MANIFEST),
    changeLastScore: async (id) => {
      const file = path.join(data, '2026', `${id}.yaml`);
      const lines = (await readFile(file, 'utf8')).split('\n');
      const last = lines.findLastIndex((line) => /^ {6}[a-z-]+: \d(\.5)?$/.test(line));
      expect(last, `a score in ${file}`).toBeGreaterThanOrEqual(0);
      lines[last] = (lines[last] ?? '').replace(/\d(\.5)?$/, (score) =>
        String(Number(score) >= 3 ? 1 : Number(score) + 1),
      );
      await writeFile(file, lines.join('\n'));
    },
  };
}

/** Six reps in two teams: rep-00001, -3, -5 in "Team 001"; rep-00002, -4, -6 in "Team 002". Not built yet. */
async function freshWorkspace(): Promise<Workspace> {
  const { dir, cleanup } = await tempWorkspace({});
  onTestFinished(cleanup);
  const workspace = workspaceIn(dir);
  await writeOrganisation(workspace.data, { reps: 6, teamSize: 3 });
  return workspace;
}

/** A fresh workspace after its first build, which wrote every report. */
async function builtWorkspace(): Promise<Workspace> {
  const workspace = await freshWorkspace();
  expect(workspace.statuses(await workspace.run(), 'written')).toEqual(ALL);
  return workspace;
}

describe('incremental builds', () => {
  it('writes every report the first time, and a manifest of what each was built from', async () => {
    const ws = await freshWorkspace();
    const first = await ws.run();
    expect(ws.statuses(first, 'written')).toEqual(ALL);
    expect(first.manifest).toBe(path.join(ws.out, '2026', '.revue-manifest.json'));
    const { reports } = await ws.manifest();
    expect(Object.keys(reports).sort()).toEqual(RECORDED);
    for (const [file, entry] of Object.entries(reports)) {
      expect(entry.output, file).toBe(sha256(await readFile(path.join(ws.out, '2026', file))));
      expect(entry.inputs).toMatch(/^[0-9a-f]{64}$/);
    }
  }, 60_000);

  it('skips everything on a rebuild of the same inputs, without starting a browser, and says so in the progress', async () => {
    const ws = await builtWorkspace();
    const events: ProgressEvent[] = [];
    // A browser that does not exist: the rebuild would fail if it tried to start one.
    const again = await ws.run({ browser: path.join(ws.dir, 'no-such-chrome'), onProgress: (e) => events.push(e) });
    expect(ws.statuses(again, 'skipped')).toEqual(ALL);
    expect(ws.statuses(again, 'written')).toEqual([]);
    expect(events.filter((e) => e.kind === 'report').map((e) => e.kind === 'report' && e.status)).toEqual(
      ALL.map(() => 'skipped'),
    );
    expect(events.find((e) => e.kind === 'start')).toMatchObject({ total: ALL.length });
    // The index is left as it was, and still links every report.
    const index = await readFile(path.join(ws.out, '2026', 'index.html'), 'utf8');
    for (const file of ALL.filter((f) => f.startsWith('reps/'))) expect(index).toContain(`href="${file}"`);
    expect(again.index).toBe(path.join(ws.out, '2026', 'index.html'));
    expect(again.timings.launch).toBe(0);
    // Nor is the manifest written again: a rebuild that changed nothing leaves every file as it was.
    const manifest = path.join(ws.out, '2026', '.revue-manifest.json');
    const LONG_AGO = new Date('2001-01-01T00:00:00Z');
    await utimes(manifest, LONG_AGO, LONG_AGO);
    await ws.run();
    expect((await stat(manifest)).mtimeMs).toBe(LONG_AGO.getTime());
    expect(again.timings.charts).toBe(0);
  }, 60_000);

  it('leaves the index as it is when nothing it shows changed, and writes it again when something did', async () => {
    const ws = await builtWorkspace();
    const file = path.join(ws.out, '2026', 'index.html');
    const LONG_AGO = new Date('2001-01-01T00:00:00Z');
    /** Builds with the index dated long ago: whether the build wrote it, and what it holds. */
    const rebuilt = async (options: BuildOptions = {}) => {
      await utimes(file, LONG_AGO, LONG_AGO);
      await ws.run(options);
      const html = await readFile(file, 'utf8');
      expect((await ws.manifest()).reports['index.html']?.output).toBe(sha256(html));
      return { written: (await stat(file)).mtimeMs !== LONG_AGO.getTime(), html };
    };
    expect((await rebuilt()).written).toBe(false);
    // A figure it shows (the rep's level).
    await ws.changeLastScore('rep-00003');
    expect((await rebuilt()).written).toBe(true);
    expect((await rebuilt()).written).toBe(false);
    // Altered by hand: written again whole.
    await appendFile(file, '<!-- edited by hand -->');
    const mended = await rebuilt();
    expect(mended).toMatchObject({ written: true });
    expect(mended.html).not.toContain('edited by hand');
    // Its template.
    await mkdir(path.join(ws.dir, 'templates'), { recursive: true });
    const template = await readFile(path.join(import.meta.dirname, '../../templates/index.hbs'), 'utf8');
    expect(template).toContain('</body>');
    await writeFile(path.join(ws.dir, 'templates', 'index.hbs'), template.replace('</body>', '<p>Index v2</p></body>'));
    const custom = await rebuilt();
    expect(custom).toMatchObject({ written: true });
    expect(custom.html).toContain('Index v2');
    expect((await rebuilt()).written).toBe(false);
    // --force trusts nothing on disk.
    expect((await rebuilt({ force: true })).written).toBe(true);
  }, 60_000);

  it('renders one changed rep, their team and the organisation again, and nothing else', async () => {
    const ws = await builtWorkspace();
    await ws.changeLastScore('rep-00003');
    const result = await ws.run();
    expect(ws.statuses(result, 'written')).toEqual(['organisation.html', 'reps/rep-00003.html', 'teams/team-001.html']);
    expect(ws.statuses(result, 'skipped')).toHaveLength(ALL.length - 3);
  }, 60_000);

  it('renders again a report whose file was deleted or altered, and a rep whose free text changed alone (no team figure moved)', async () => {
    const ws = await builtWorkspace();
    await rm(path.join(ws.out, '2026', 'reps', 'rep-00002.html'));
    await appendFile(path.join(ws.out, '2026', 'reps', 'rep-00005.html'), '<!-- edited by hand -->');
    const file = path.join(ws.data, '2026', 'rep-00004.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^ {4}strengths: /m);
    await writeFile(
      file,
      text.replace(/^ {4}strengths: .*$/m, '    strengths: "Opened with the customer’s plant figures."'),
    );
    expect(ws.statuses(await ws.run(), 'written')).toEqual([
      'reps/rep-00002.html',
      'reps/rep-00004.html',
      'reps/rep-00005.html',
    ]);
  }, 60_000);

  it('renders everything when the framework changes', async () => {
    const ws = await builtWorkspace();
    const file = path.join(ws.data, 'framework.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('label: Negotiation');
    await writeFile(file, text.replace('label: Negotiation', 'label: Negotiating'));
    expect(ws.statuses(await ws.run(), 'written')).toEqual(ALL);
  }, 60_000);

  it('renders everything when a template is overridden', async () => {
    const ws = await builtWorkspace();
    await mkdir(path.join(ws.dir, 'templates'), { recursive: true });
    const css = await readFile(path.join(import.meta.dirname, '../../templates/report.css'), 'utf8');
    await writeFile(path.join(ws.dir, 'templates', 'report.css'), `${css}\nh1 { letter-spacing: 0.01em; }\n`);
    expect(ws.statuses(await ws.run(), 'written')).toEqual(ALL);
    expect(ws.statuses(await ws.run(), 'written')).toEqual([]);
  }, 60_000);

  it('never names a failed report in the manifest, and renders it on the next build', async () => {
    const ws = await builtWorkspace();
    // A folder where the report should go: its rename fails, the others go on.
    await ws.changeLastScore('rep-00006');
    const blocked = path.join(ws.out, '2026', 'reps', 'rep-00006.html');
    await rm(blocked);
    await mkdir(path.join(blocked, 'in-the-way'), { recursive: true });
    const result = await ws.run();
    expect(ws.statuses(result, 'failed')).toEqual(['reps/rep-00006.html']);
    expect(ws.statuses(result, 'written')).toEqual(['organisation.html', 'teams/team-002.html']);
    expect(Object.keys((await ws.manifest()).reports)).not.toContain('reps/rep-00006.html');
    expect(Object.keys((await ws.manifest()).reports)).toHaveLength(RECORDED.length - 1);

    await rm(blocked, { recursive: true });
    const next = await ws.run();
    expect(ws.statuses(next, 'written')).toEqual(['reps/rep-00006.html']);
    expect(Object.keys((await ws.manifest()).reports).sort()).toEqual(RECORDED);
  }, 60_000);

  it('renders up-to-date reports with force; a build of a few reps (--rep) keeps the others’ entries', async () => {
    const ws = await builtWorkspace();
    const result = await ws.run({ reps: ['rep-00001', 'rep-00002'], force: true });
    expect(ws.statuses(result, 'written')).toEqual(['reps/rep-00001.html', 'reps/rep-00002.html']);
    expect(Object.keys((await ws.manifest()).reports).sort()).toEqual(RECORDED);
    expect(ws.statuses(await ws.run(), 'written')).toEqual([]);
  }, 60_000);

  it('refuses to build while another build holds the output folder', async () => {
    const ws = await builtWorkspace();
    await using _other = await acquireLock(path.join(ws.out, '2026', '.revue-build.lock'));
    const attempt = ws.run();
    await expect(attempt).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(attempt).rejects.toThrow(`pid ${process.pid}`);
  }, 60_000);

  it('waits for the other build when given a timeout', async () => {
    const ws = await builtWorkspace();
    const other = await acquireLock(path.join(ws.out, '2026', '.revue-build.lock'));
    setTimeout(() => void other.release(), 500);
    const result = await ws.run({ lockTimeout: 30_000 });
    expect(ws.statuses(result, 'skipped')).toEqual(ALL);
  }, 60_000);
});

describeWithBrowser('incremental PDF builds', () => {
  it('skips up-to-date PDFs, and prints again a PDF that was altered', async () => {
    const { dir, cleanup } = await tempWorkspace({});
    onTestFinished(cleanup);
    const pdfOut = path.join(dir, 'pdf-output');
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
