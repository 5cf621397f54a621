/**
 * Every build ends (issue 13 §1, docs/security.md §8), with the right outcome
 * for each report and nothing of its browsers left behind:
 * - a hostile logo (100 MB, a named pipe, a link to /dev/zero or out of the
 *   data folder) is refused at once, naming the file and the cap, before any
 *   browser starts (a 100 MB logo left builds hanging with 5 browsers);
 * - a report whose HTML or page count is over its bound fails alone, with
 *   its reason;
 * - a report that crashes the browser fails alone, after its own retry: the
 *   reports it took down with it are printed again (one of them used to fail
 *   with "Target closed");
 * - revue stopped with SIGINT or SIGTERM stops its browsers, removes their
 *   profiles, and ends with its summary.
 * The command line runs under a hang guard (a limit far above what the build
 * takes: a guard, not a timing), with a temporary folder of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import type { BrowserSessionStats } from '../../src/print/browser.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, methodOf, tempWorkspace } from '../helpers.js';
import { childBuild } from './child-build.js';
import { browsersOf, recordSessionStats } from './helpers.js';

const MINIMAL = path.join(FIXTURES, 'minimal');
/** The hang guard of each command-line build: minutes, for builds of seconds. */
const GUARD_MS = 150_000;

let root: string;
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-bounds-'));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  await rm(root, { recursive: true, force: true });
});

/** A workspace: the minimal fixture's framework (plus `framework`), its reps of 2026, and `files` (paths from the workspace). */
async function workspace(files: Record<string, string | Uint8Array>, framework = ''): Promise<string> {
  const base: Record<string, string | Uint8Array> = {
    'data/framework.yaml': (await readFile(path.join(MINIMAL, 'framework.yaml'), 'utf8')) + framework,
    'data/2026/ann-lee.yaml': await readFile(path.join(MINIMAL, '2026', 'ann-lee.yaml'), 'utf8'),
    'data/2026/bo-chen.yaml': await readFile(path.join(MINIMAL, '2026', 'bo-chen.yaml'), 'utf8'),
  };
  const ws = await tempWorkspace({ ...base, ...files });
  cleanups.push(ws.cleanup);
  return ws.dir;
}

/** A rep file like Ann Lee's, named `name`, with `words` as the manager's year-end words. */
async function repFile(name: string, words?: string): Promise<string> {
  const ann = await readFile(path.join(MINIMAL, '2026', 'ann-lee.yaml'), 'utf8');
  const renamed = ann.replace('name: Ann Lee', `name: ${name}`);
  if (words === undefined) return renamed;
  return `${renamed}review:\n  manager: |\n${words.replace(/^/gm, '    ')}\n`;
}

/** About `bytes` of plain prose, in lines of 14 words. */
function prose(bytes: number): string {
  const line = 'The rep asked open questions and listened before proposing anything to the customer today.';
  return Array.from({ length: Math.ceil(bytes / (line.length + 1)) }, () => line).join('\n');
}

/** A valid PNG of about 100 MB: 5,800 × 5,800 grey pixels, stored without compression. */
function hugePng(): Buffer {
  const side = 5_800;
  const row = Buffer.alloc(1 + side * 3, 0x80);
  row[0] = 0;
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: side }, () => row)), { level: 0 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const LOGO = 'report:\n  logo: logo.png\n';

describe('a hostile logo is refused at once, before any browser starts', () => {
  const cases: Array<[string, (dir: string) => Promise<void> | void, RegExp]> = [
    [
      'a valid 100 MB PNG',
      () => undefined,
      /is 96\.3 MB: a logo may be at most 2\.0 MB, since it is embedded in every report/,
    ],
    [
      'a named pipe',
      (dir) => {
        execFileSync('mkfifo', [path.join(dir, 'data', 'logo.png')]);
      },
      /is not a regular file/,
    ],
    [
      'a link to /dev/zero',
      async (dir) => symlink('/dev/zero', path.join(dir, 'data', 'logo.png')),
      /is a link to a file outside the data folder/,
    ],
    [
      'a link to an image outside the data folder',
      async (dir) => symlink(path.join(FIXTURES, 'branding', 'logo.png'), path.join(dir, 'data', 'logo.png')),
      /is a link to a file outside the data folder/,
    ],
  ];

  it.each(cases)(
    '%s: exit 1, the file named, no stack, nothing written',
    async (name, make, reason) => {
      const dir = await workspace(name === 'a valid 100 MB PNG' ? { 'data/logo.png': hugePng() } : {}, LOGO);
      await make(dir);
      const out = path.join(dir, 'out');
      const run = await childBuild(['--data', path.join(dir, 'data'), '--out', out], { root, limitMs: GUARD_MS });
      expect(run.hung, 'the build never ended').toBe(false);
      expect(run.code, run.stderr).toBe(1);
      const logo = path.join(dir, 'data', 'logo.png');
      expect(run.stderr).toContain(`error: the logo ${logo} (report.logo in framework.yaml) `);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).toMatch(/hint: /);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.stderr).not.toMatch(/wrote|FAILED/);
      expect(run.leftProcesses).toEqual([]);
      expect(run.leftFiles).toEqual([]);
    },
    200_000,
  );

  it('follows a link that stays inside the data folder', async () => {
    const image = await readFile(path.join(FIXTURES, 'branding', 'logo.png'));
    // In a hidden folder: any other folder in the data folder would be taken for a year.
    const dir = await workspace({ 'data/.brand/logo.png': image }, LOGO);
    await symlink(path.join('.brand', 'logo.png'), path.join(dir, 'data', 'logo.png'));
    const result = await build({ data: path.join(dir, 'data'), out: path.join(dir, 'out'), htmlOnly: true });
    expect(result.ok).toBe(true);
    expect(result.reports.map((r) => r.status)).toEqual(['written', 'written', 'written', 'written']);
    const html = await readFile(path.join(dir, 'out', '2026', 'reps', 'ann-lee.html'), 'utf8');
    // (Its padding `=` is escaped by Handlebars as &#x3D;.)
    expect(html).toContain(`src="data:image/png;base64,${image.toString('base64').replace(/=+$/, '')}`);
  });
});

describeWithBrowser('a report over its bounds fails alone, with its reason', () => {
  let run: Awaited<ReturnType<typeof childBuild>>;
  let dir: string;

  beforeAll(async () => {
    // A template of the user's that prints the year-end words six times (templates are trusted code):
    // 1.9 MB of words make 11 MB of HTML, 0.5 MB make some 600 pages.
    const words = '{{#if words.manager}}<div class="free-text">{{words.manager}}</div>{{/if}}\n'.repeat(6);
    dir = await workspace({
      'data/2026/huge.yaml': await repFile('Huge Report', prose(1_900_000)),
      'data/2026/long.yaml': await repFile('Long Report', prose(500_000)),
      'templates/partials/rep-words.hbs': `<section class="section words">\n${words}</section>\n`,
    });
    run = await childBuild(['--data', path.join(dir, 'data'), '--out', path.join(dir, 'out')], {
      root,
      limitMs: GUARD_MS,
    });
  }, 200_000);

  it('ends, exit 1, with its summary', () => {
    expect(run.hung, 'the build never ended').toBe(false);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/✗ 2026: 4 written, 0 up to date, 2 failed/);
  });

  it('fails the report whose HTML is too large, and the one with too many pages, each with its reason', () => {
    expect(run.stderr).toMatch(
      /^failed: \S+\/2026\/reps\/huge\.pdf: the report's HTML is 1\d\.\d MB, more than the 6\.0 MB a report may be/m,
    );
    expect(run.stderr).toMatch(/^failed: \S+\/2026\/reps\/long\.pdf: the report has more than 200 pages/m);
  });

  it('writes every other report, whole', () => {
    for (const file of ['reps/ann-lee.pdf', 'reps/bo-chen.pdf', 'teams/north.pdf', 'organisation.pdf']) {
      expect(run.stderr).toMatch(new RegExp(`wrote .*2026/${file}`));
      const info = execFileSync('pdfinfo', [path.join(dir, 'out', '2026', file)], { encoding: 'utf8' });
      expect(info, file).toMatch(/^Pages:\s+[1-9]$/m);
    }
  });

  it('leaves no browser and no profile', () => {
    expect(run.leftProcesses).toEqual([]);
    expect(run.leftFiles).toEqual([]);
  });
});

describeWithBrowser('a report that crashes the browser', () => {
  let result: BuildResult;
  let sessions: () => BrowserSessionStats[];
  let kills = 0;

  beforeAll(async () => {
    const dir = await workspace({
      'data/2026/culprit.yaml': await repFile('Culprit Crasher'),
      ...Object.fromEntries(
        await Promise.all(
          [1, 2, 3, 4].map(async (i): Promise<[string, string]> => [
            `data/2026/rep-${i}.yaml`,
            await repFile(`Rep Number${i}`),
          ]),
        ),
      ),
    });
    sessions = recordSessionStats();
    // Whenever the culprit's report is on a page, its browser dies (as a document that crashed it would make it).
    // (Its title: the team's report names the culprit too.)
    const setContent = methodOf(Page.prototype, 'setContent');
    const spy = vi.spyOn(Page.prototype, 'setContent').mockImplementation(async function (this: Page, html, options) {
      await setContent.call(this, html, options);
      if (!html.includes('<title>Annual review 2026 – Culprit Crasher</title>')) return;
      kills++;
      this.browser().process()?.kill('SIGKILL');
    });
    result = await build({ data: path.join(dir, 'data'), out: path.join(dir, 'out'), concurrency: 2 });
    spy.mockRestore();
  }, 200_000);

  it('fails the culprit alone, after its own retry', () => {
    const outcome = (id: string) => result.reports.find((r) => r.id === id);
    expect(outcome('culprit')?.status).toBe('failed');
    expect(outcome('culprit')?.error?.message).toMatch(
      /the browser crashed during this report, and again when it was printed alone/,
    );
    expect(kills).toBe(2);
  });

  it('prints again the reports the crash took with it: every other report is written', () => {
    expect(result.reports.filter((r) => r.id !== 'culprit').map((r) => `${r.status} ${path.basename(r.file)}`)).toEqual(
      [
        'written ann-lee.pdf',
        'written bo-chen.pdf',
        'written rep-1.pdf',
        'written rep-2.pdf',
        'written rep-3.pdf',
        'written rep-4.pdf',
        'written north.pdf',
        'written organisation.pdf',
      ],
    );
    expect(sessions()).toHaveLength(1);
    // The culprit's retry, and at least one report printing beside it when it first crashed.
    expect(sessions()[0]?.retries).toBeGreaterThanOrEqual(2);
    expect(browsersOf(process.pid)).toEqual([]);
  });
});

describeWithBrowser('revue stopped with a signal in the middle of a build', () => {
  let data: string;
  beforeAll(async () => {
    const reps = await Promise.all(
      Array.from({ length: 12 }, async (_, i): Promise<[string, string]> => [
        `data/2026/rep-${i + 1}.yaml`,
        await repFile(`Rep Number${i + 1}`),
      ]),
    );
    data = path.join(await workspace(Object.fromEntries(reps)), 'data');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: stops its browsers, removes their profiles, and ends with its summary (exit 1)',
    async (signal) => {
      let sent = false;
      const run = await childBuild(['--data', data, '--out', path.join(root, `stopped-${signal}`)], {
        root,
        limitMs: GUARD_MS,
        onStderr: (stderr, child) => {
          if (sent || !/^\[1\/\d+\] wrote /m.test(stderr)) return;
          sent = true;
          child.kill(signal);
        },
      });
      expect(sent).toBe(true);
      expect(run.hung, 'the build never ended').toBe(false);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/failed: .*: the build was interrupted before this report was written/);
      expect(run.stderr).toMatch(/error: the build was interrupted: \d+ reports? w(as|ere) not written/);
      expect(run.stderr).toMatch(/✗ 2026: [1-9]\d* written, 0 up to date, [1-9]\d* failed/);
      expect(run.leftProcesses).toEqual([]);
      expect(run.leftFiles).toEqual([]);
    },
    200_000,
  );
});
