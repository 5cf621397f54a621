/**
 * Locks across shard layouts (issue 13 §10, docs/security.md §7). Builds
 * cut into different numbers of shards write the same files (the
 * organisation's report, the index, any rep's), and each held only the lock
 * of its own shard: a whole build, `--shard 1/2` and `--shard 1/3` all wrote
 * into one year folder at once. Now a build of one layout excludes builds of
 * every other, while the shards of one layout still run side by side (N
 * machines sharing a volume, docs/performance.md).
 *
 * A first build is held inside its lock (its prints wait on a gate) while the
 * others try; the others build HTML only, so that they never wait on the gate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { build, type BuildOptions, type BuildResult, type Shard } from '../../src/build.js';
import { RevueError } from '../../src/errors.js';
import { BrowserSession } from '../../src/print/browser.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, methodOf } from '../helpers.js';
import { filesUnder } from './helpers.js';

const DATA = path.join(FIXTURES, 'minimal');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-locks-'));
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

type Attempt = { status: 'built'; result: BuildResult } | { status: 'refused'; code: string; message: string };

async function attempt(options: BuildOptions): Promise<Attempt> {
  try {
    return { status: 'built', result: await build(options) };
  } catch (error: unknown) {
    if (!(error instanceof RevueError)) throw error;
    return { status: 'refused', code: error.code, message: error.message };
  }
}

/**
 * Runs `first` (a PDF build) held inside its lock, and the `others` once it
 * holds it, all into `out`; the first is let go when the others that do not
 * wait for it (`refusing`) have settled.
 */
async function whileHeld(
  out: string,
  first: Shard | undefined,
  others: () => { refusing: Array<Promise<Attempt>>; waiting?: Promise<Attempt> },
): Promise<{ first: BuildResult; firstDone: number; refusing: Attempt[]; waiting: Attempt | undefined }> {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const print = methodOf(BrowserSession.prototype, 'print');
  vi.spyOn(BrowserSession.prototype, 'print').mockImplementation(async function (this: BrowserSession, html, options) {
    await gate;
    return print.call(this, html, options);
  });
  let started: Promise<[Attempt[], Attempt | undefined]> | undefined;
  let firstDone = 0;
  const result = await build({
    data: DATA,
    out,
    ...(first === undefined ? {} : { shard: first }),
    onProgress: (event) => {
      if (event.kind === 'report' && event.done === event.total) firstDone = performance.now();
      if (event.kind !== 'start' || started !== undefined) return;
      const { refusing, waiting } = others();
      const settled = Promise.all(refusing);
      void settled.then(open);
      started = Promise.all([settled, waiting]);
    },
  });
  if (started === undefined) throw new Error('the first build never started');
  const [refusing, waiting] = await started;
  return { first: result, firstDone, refusing, waiting };
}

const html = (out: string, shard?: Shard, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  data: DATA,
  out,
  htmlOnly: true,
  ...(shard === undefined ? {} : { shard }),
  ...extra,
});

describeWithBrowser('builds of different shard layouts into one year folder', () => {
  it('a whole build excludes shards of any layout: each refuses with LOCKED, naming the lock', async () => {
    const out = path.join(root, 'whole');
    const held = await whileHeld(out, undefined, () => ({
      refusing: [
        attempt(html(out, { index: 1, count: 2 })),
        attempt(html(out, { index: 2, count: 3 })),
        attempt(html(out, { index: 1, count: 1 })),
      ],
    }));
    expect(held.first.reports.map((r) => r.status)).toEqual(['written', 'written', 'written', 'written']);
    for (const other of held.refusing) {
      expect(other).toMatchObject({ status: 'refused', code: 'LOCKED' });
      if (other.status === 'refused')
        expect(other.message).toMatch(
          new RegExp(
            `^another build is writing to .*whole.2026: the lock .*\\.revue-build\\.lock is held by pid ${process.pid}`,
          ),
        );
    }
    expect((await filesUnder(out)).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, 120_000);

  it('the shards of one layout run side by side; a whole build and another layout refuse, or wait', async () => {
    const out = path.join(root, 'halves');
    let waitedStarted = 0;
    const held = await whileHeld(out, { index: 1, count: 2 }, () => ({
      refusing: [
        attempt(html(out, { index: 2, count: 2 })),
        attempt(html(out)),
        attempt(html(out, { index: 1, count: 3 })),
      ],
      // Given a timeout, another layout waits for the halves to finish, then runs.
      waiting: attempt(
        html(
          out,
          { index: 3, count: 3 },
          {
            lockTimeout: 120_000,
            onProgress: (event) => {
              if (event.kind === 'start') waitedStarted = performance.now();
            },
          },
        ),
      ),
    }));
    const [second, whole, third] = held.refusing;
    const waited = held.waiting;
    // Shard 2/2 ran while 1/2 held its lock (it did not wait: 1/2 was let go only once it was done).
    expect(second?.status).toBe('built');
    if (second?.status === 'built')
      expect(second.result.reports.map((r) => `${r.status} ${path.basename(r.file)}`)).toEqual([
        'written ann-lee.html',
        'written bo-chen.html',
      ]);
    for (const refused of [whole, third]) {
      expect(refused).toMatchObject({ status: 'refused', code: 'LOCKED' });
      if (refused?.status === 'refused')
        expect(refused.message).toMatch(/the lock .*\.revue-build\.1-of-2\.lock is held by pid /);
    }
    expect(waited?.status).toBe('built');
    expect(waitedStarted).toBeGreaterThan(held.firstDone);
    // Shard 1 of 2: the team and the organisation (the two reps are shard 2's).
    expect(held.first.reports.map((r) => `${r.status} ${path.basename(r.file)}`)).toEqual([
      'written north.pdf',
      'written organisation.pdf',
    ]);
    expect((await filesUnder(out)).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, 120_000);
});
