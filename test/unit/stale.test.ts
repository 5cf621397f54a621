/** removeStaleReports on hand-made manifests: what is stale, and what must stay. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sha256, type KnownOutputs, type ManifestEntry } from '../../src/write/manifest.js';
import { removeStaleReports } from '../../src/write/stale.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-stale-unit-'));
  await mkdir(path.join(dir, 'reps'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function written(file: string, content: string): Promise<[string, ManifestEntry[]]> {
  await writeFile(path.join(dir, file), content);
  const id = path.basename(file).replace(/\.\w+$/, '');
  return [file, [{ kind: 'rep', id, inputs: 'i', output: sha256(content) }]];
}

it('keeps a report built in the other format, removes one no longer planned, ignores a name leading out', async () => {
  await writeFile(path.join(dir, '..', `${path.basename(dir)}-outside.pdf`), 'x');
  const known: KnownOutputs = {
    own: undefined,
    entries: new Map([
      await written('reps/ann-lee.pdf', 'pdf of ann'),
      await written('reps/gone.pdf', 'pdf of gone'),
      [`../${path.basename(dir)}-outside.pdf`, [{ kind: 'rep', id: 'x', inputs: 'i', output: sha256('x') }]],
    ]),
  };
  const removed = await removeStaleReports(dir, known, new Set(['reps/ann-lee']));
  expect(removed.map((r) => r.id)).toEqual(['gone']);
  expect(await readdir(path.join(dir, 'reps'))).toEqual(['ann-lee.pdf']);
  expect(await readdir(path.dirname(dir))).toContain(`${path.basename(dir)}-outside.pdf`);
  await rm(path.join(dir, '..', `${path.basename(dir)}-outside.pdf`));
});
