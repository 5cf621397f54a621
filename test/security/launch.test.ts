/**
 * A browser that dies while it starts (issue 13 §5, docs/security.md §8):
 * killed 50 ms after it was launched, it failed every report of the build (25
 * of 25), since the failed launch stayed cached. A launch that fails is
 * retried once, like a crash mid-build, and never cached; a relaunch that
 * fails after a crash mid-build does not fail everything still to print.
 *
 * The browser is a wrapper script given as the build's browser: it starts the
 * real one and, on the launches it is told to, kills it 50 ms later.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import type { BrowserSessionStats } from '../../src/print/browser.js';
import { browser, describeWithBrowser } from '../browser.js';
import { FIXTURES, tempWorkspace } from '../helpers.js';
import { browsersOf, recordSessionStats } from './helpers.js';

const MINIMAL = path.join(FIXTURES, 'minimal');

let root: string;
let data: string;
/** The counters of the sessions closed so far. */
let sessions: () => BrowserSessionStats[] = () => [];
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-launch-'));
  const rep = await readFile(path.join(MINIMAL, '2026', 'ann-lee.yaml'), 'utf8');
  const files: Record<string, string> = {
    'framework.yaml': await readFile(path.join(MINIMAL, 'framework.yaml'), 'utf8'),
  };
  for (let i = 1; i <= 6; i++) files[`2026/rep-${i}.yaml`] = rep.replace('name: Ann Lee', `name: Rep Number${i}`);
  const ws = await tempWorkspace(files);
  cleanups.push(ws.cleanup);
  data = ws.dir;
  sessions = recordSessionStats();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  await rm(root, { recursive: true, force: true });
});

/** A browser that is killed 50 ms after the launches numbered in `killed` (1 is the first). */
async function dyingBrowser(name: string, killed: readonly number[]): Promise<string> {
  const script = path.join(root, `${name}.sh`);
  const count = path.join(root, `${name}.count`);
  await writeFile(
    script,
    [
      '#!/bin/sh',
      `n=$(cat '${count}' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '${count}'`,
      `case " ${killed.join(' ')} " in *" $n "*)`,
      `  '${browser?.path ?? 'chromium'}' "$@" &`,
      '  pid=$!; sleep 0.05; kill -9 $pid; wait $pid; exit 137 ;;',
      'esac',
      `exec '${browser?.path ?? 'chromium'}' "$@"`,
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return script;
}

async function launches(name: string): Promise<number> {
  return Number(await readFile(path.join(root, `${name}.count`), 'utf8'));
}

const ALL = [
  'written rep-1.pdf',
  'written rep-2.pdf',
  'written rep-3.pdf',
  'written rep-4.pdf',
  'written rep-5.pdf',
  'written rep-6.pdf',
  'written north.pdf',
  'written organisation.pdf',
];

function outcomes(result: BuildResult): string[] {
  return result.reports.map((r) => `${r.status} ${path.basename(r.file)}`);
}

describeWithBrowser('a browser that dies while it starts', () => {
  it('is started again, and every report is written', async () => {
    const before = sessions().length;
    const result = await build({
      data,
      out: path.join(root, 'first'),
      browser: await dyingBrowser('first', [1]),
    });
    expect(outcomes(result)).toEqual(ALL);
    expect(await launches('first')).toBe(2);
    expect(sessions()[before]).toMatchObject({ launches: 1, launchFailures: 1 });
    expect(browsersOf(process.pid)).toEqual([]);
  }, 120_000);

  it('after a crash mid-build, a relaunch that dies too does not fail what is still to print', async () => {
    const before = sessions().length;
    let crashed = false;
    const result = await build({
      data,
      out: path.join(root, 'relaunch'),
      browser: await dyingBrowser('relaunch', [2]),
      concurrency: 1,
      onProgress: (event) => {
        // After the first report, the browser dies; the first relaunch dies while it starts.
        if (crashed || event.kind !== 'report') return;
        crashed = true;
        for (const chromium of browsersOf(process.pid)) process.kill(chromium.pid, 'SIGKILL');
      },
    });
    expect(crashed).toBe(true);
    expect(outcomes(result)).toEqual(ALL);
    expect(await launches('relaunch')).toBe(3);
    expect(sessions()[before]).toMatchObject({ launches: 2, launchFailures: 1 });
    expect(browsersOf(process.pid)).toEqual([]);
  }, 120_000);

  it('that cannot start at all fails each report with the reason, once two launches in a row failed', async () => {
    const before = sessions().length;
    const result = await build({
      data,
      out: path.join(root, 'never'),
      browser: await dyingBrowser('never', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    });
    expect(result.reports.map((r) => r.status)).toEqual(ALL.map(() => 'failed'));
    for (const report of result.reports) expect(report.error?.message).toMatch(/^Could not start the browser at /);
    expect(await launches('never')).toBe(2);
    expect(sessions()[before]).toMatchObject({ launches: 0, launchFailures: 2 });
  }, 120_000);
});
