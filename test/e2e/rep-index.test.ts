/**
 * `build --rep X` keeps the index whole (issue 13 §11): it used to cut
 * index.html down to X's entry until the next full build. Now the index of a
 * build of a few reps lists every report of the year: the ones it built, and
 * the others as they are on disk (linked when their file is there, "not built
 * yet" when it is not).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { FIXTURES } from '../helpers.js';

const DATA = path.join(FIXTURES, 'minimal');
let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'revue-rep-index-'));
});
afterAll(async () => rm(out, { recursive: true, force: true }));

/** The index's links, and the entries it says failed, with their reasons. */
async function readIndex(): Promise<{ links: string[]; failed: string[] }> {
  const html = await readFile(path.join(out, '2026', 'index.html'), 'utf8');
  const links = [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1] ?? '').sort();
  const failed = [...html.matchAll(/<a href="([^"]+)">[^<]*<\/a> <span class="failed">([^<]*)<\/span>/g)].map(
    (m) => `${m[1] ?? ''}: ${m[2] ?? ''}`,
  );
  return { links, failed };
}

const ALL = ['organisation.html', 'reps/ann-lee.html', 'reps/bo-chen.html', 'teams/north.html'];

describe('the index after a build of one rep (--rep)', () => {
  it('lists every report of the year, not only the one built', async () => {
    await build({ data: DATA, out, htmlOnly: true });
    expect((await readIndex()).links).toEqual(ALL);
    const one = await build({ data: DATA, out, htmlOnly: true, reps: ['ann-lee'], force: true });
    expect(one.reports.map((r) => `${r.status} ${path.basename(r.file)}`)).toEqual(['written ann-lee.html']);
    expect(one.index).toBe(path.join(out, '2026', 'index.html'));
    expect(await readIndex()).toEqual({ links: ALL, failed: [] });
  });

  it('says which reports are not on disk yet', async () => {
    await rm(path.join(out, '2026', 'reps', 'bo-chen.html'));
    await build({ data: DATA, out, htmlOnly: true, reps: ['ann-lee'] });
    expect(await readIndex()).toEqual({ links: ALL, failed: ['reps/bo-chen.html: not built yet: run revue build'] });
    // The next full build writes it, and the index links it again.
    await build({ data: DATA, out, htmlOnly: true });
    expect(await readIndex()).toEqual({ links: ALL, failed: [] });
  });
});
