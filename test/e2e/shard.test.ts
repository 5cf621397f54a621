/**
 * `--shard K/N` (SPEC §7): N builds, each rendering its part, produce exactly
 * the files of one whole build, byte for byte, and each keeps its own manifest.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { build, type BuildResult } from '../../src/build.js';
import { parseJson, tempWorkspace } from '../helpers.js';
import { writeOrganisation } from '../../scripts/bench-data.mjs';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;
let whole: BuildResult;
let shards: BuildResult[];

/** A fixed as-of date: the builds compared must not straddle a day. */
const asOf = '2026-12-31';
const wholeOut = () => path.join(dir, 'whole');
const shardOut = () => path.join(dir, 'shared');

/** Every file under `root` but the build's own (manifests, locks), with its bytes. */
async function files(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(root, file), await readFile(file, 'utf8'));
  }
  return found;
}

const rendered = (result: BuildResult, out: string) =>
  result.reports.filter((r) => r.status === 'written').map((r) => path.relative(path.join(out, '2026'), r.file));

/** Seven reps in two teams, split over three shards running at the same time into one folder. */
beforeAll(async () => {
  ({ dir, cleanup } = await tempWorkspace({}));
  data = path.join(dir, 'data');
  await writeOrganisation(data, { reps: 7, teamSize: 4 });
  whole = await build({ data, out: wholeOut(), htmlOnly: true, asOf });
  shards = await Promise.all(
    [1, 2, 3].map((index) => build({ data, out: shardOut(), htmlOnly: true, asOf, shard: { index, count: 3 } })),
  );
}, 120_000);
afterAll(async () => cleanup());

describe('shards', () => {
  it('produce together exactly the files of one whole build, byte for byte', async () => {
    const one = await files(wholeOut());
    const many = await files(shardOut());
    expect([...many.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, text] of one) expect(many.get(file), file).toBe(text);
  });

  it('render each report once: the groups and the index in shard 1, the reps in id order after', () => {
    // 7 reps + 2 teams + the organisation = 10 reports, 3 a shard: shard 1 takes the
    // 3 group reports (no rep), shards 2 and 3 the reps, cut 3 and 4.
    expect(shards.map((s) => rendered(s, shardOut()).sort())).toEqual([
      ['organisation.html', 'teams/team-001.html', 'teams/team-002.html'],
      ['reps/rep-00001.html', 'reps/rep-00002.html', 'reps/rep-00003.html'],
      ['reps/rep-00004.html', 'reps/rep-00005.html', 'reps/rep-00006.html', 'reps/rep-00007.html'],
    ]);
    expect(shards.map((s) => s.index !== null)).toEqual([true, false, false]);
    expect(shards.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(rendered(whole, wholeOut())).toHaveLength(10);
  });

  it('keep a manifest each, naming only their own reports (and, for shard 1, the index it writes)', async () => {
    const names = (await readdir(path.join(shardOut(), '2026'))).filter((n) => n.startsWith('.revue-manifest')).sort();
    expect(names).toEqual([
      '.revue-manifest.1-of-3.json',
      '.revue-manifest.2-of-3.json',
      '.revue-manifest.3-of-3.json',
    ]);
    for (const [i, result] of shards.entries()) {
      const manifest = parseJson(
        await readFile(path.join(shardOut(), '2026', `.revue-manifest.${i + 1}-of-3.json`), 'utf8'),
        z.object({ reports: z.record(z.string(), z.unknown()) }),
      );
      const own = [...rendered(result, shardOut()), ...(i === 0 ? ['index.html'] : [])];
      expect(Object.keys(manifest.reports).sort()).toEqual(own.sort());
    }
  });

  it('skip their own reports when run again, and a whole build into the same folder skips everything', async () => {
    const again = await build({
      data,
      out: shardOut(),
      htmlOnly: true,
      asOf,
      shard: { index: 2, count: 3 },
      browser: path.join(dir, 'no-such-chrome'),
    });
    expect(again.reports.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
    const all = await build({ data, out: shardOut(), htmlOnly: true, asOf, browser: path.join(dir, 'no-such-chrome') });
    expect(all.reports.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 'skipped'));
  }, 60_000);
});
