/** What the manifests of an output folder say is up to date (src/write/incremental.ts, manifest.ts). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkOutputs,
  inputsDigest,
  recordWritten,
  type Candidate,
  type SharedInputs,
} from '../../src/write/incremental.js';
import { emptyManifest, manifestFile, sha256, writeManifest } from '../../src/write/manifest.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-manifest-'));
  await mkdir(path.join(dir, 'reps'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const candidate = (id: string, inputs = `inputs-of-${id}`): Candidate => ({
  kind: 'rep',
  id,
  file: `reps/${id}.pdf`,
  inputs,
});
const check = (
  candidates: Candidate[],
  options: { force?: boolean; partial?: boolean; shard?: { index: number; count: number } } = {},
) =>
  checkOutputs(dir, options.shard ?? { index: 1, count: 1 }, candidates, {
    tool: '0.1.0',
    force: options.force ?? false,
    partial: options.partial ?? false,
  });

/** Writes the report file and records it in the manifest of `shard`. */
async function written(id: string, shard = { index: 1, count: 1 }, content = `pdf of ${id}`): Promise<void> {
  await writeFile(path.join(dir, 'reps', `${id}.pdf`), content);
  const manifest = emptyManifest('0.1.0', shard);
  recordWritten(manifest, candidate(id), content);
  await writeManifest(dir, shard, manifest);
}

describe('checkOutputs', () => {
  it('finds up to date a file written from the same inputs, and nothing else', async () => {
    await written('ann');
    const result = await check([candidate('ann'), candidate('bo')]);
    expect([...result.upToDate]).toEqual(['reps/ann.pdf']);
    expect(Object.keys(result.manifest.reports)).toEqual(['reps/ann.pdf']);
  });

  it('renders again when the inputs changed, the file changed, or with force', async () => {
    await written('ann');
    expect((await check([candidate('ann', 'other inputs')])).upToDate.size).toBe(0);
    expect((await check([candidate('ann')], { force: true })).upToDate.size).toBe(0);
    await writeFile(path.join(dir, 'reps', 'ann.pdf'), 'pdf of ann, edited');
    expect((await check([candidate('ann')])).upToDate.size).toBe(0);
    await rm(path.join(dir, 'reps', 'ann.pdf'));
    expect((await check([candidate('ann')])).upToDate.size).toBe(0);
  });

  it('trusts the manifests of other shards too: each entry pairs inputs with the file they made', async () => {
    await written('ann', { index: 2, count: 3 });
    expect(manifestFile(dir, { index: 2, count: 3 })).toBe(path.join(dir, '.revue-manifest.2-of-3.json'));
    expect([...(await check([candidate('ann')])).upToDate]).toEqual(['reps/ann.pdf']);
  });

  it('ignores a manifest it cannot read, and one of another format', async () => {
    await writeFile(path.join(dir, 'reps', 'ann.pdf'), 'pdf of ann');
    await writeFile(path.join(dir, '.revue-manifest.json'), '{ "format": 1, "reports": { "reps/ann.pdf": ');
    expect((await check([candidate('ann')])).upToDate.size).toBe(0);
    await writeFile(
      path.join(dir, '.revue-manifest.json'),
      JSON.stringify({
        format: 99,
        reports: { 'reps/ann.pdf': { kind: 'rep', id: 'ann', inputs: 'inputs-of-ann', output: sha256('pdf of ann') } },
      }),
    );
    expect((await check([candidate('ann')])).upToDate.size).toBe(0);
  });

  it('carries the other reports’ entries over for a partial build (--rep), and only then', async () => {
    await written('ann');
    expect(Object.keys((await check([candidate('bo')], { partial: true })).manifest.reports)).toEqual(['reps/ann.pdf']);
    expect(Object.keys((await check([candidate('bo')])).manifest.reports)).toEqual([]);
  });

  it('drops the entry of a report about to be rendered again, so that a failure leaves it out', async () => {
    await written('ann');
    const { manifest } = await check([candidate('ann', 'new inputs')], { partial: true });
    expect(manifest.reports).toEqual({});
  });
});

describe('inputsDigest', () => {
  const shared: SharedInputs = {
    tool: '0.1.0',
    format: 'pdf',
    paper: 'A4',
    templates: 'templates-digest',
    css: 'body {}',
    logo: null,
    epoch: null,
  };

  it('is the same for the same inputs', () => {
    expect(inputsDigest({ ...shared }, 'view')).toBe(inputsDigest(shared, 'view'));
  });

  it.each<[string, Partial<SharedInputs>]>([
    ['revue’s version', { tool: '0.2.0' }],
    ['the format', { format: 'html' }],
    ['the paper', { paper: 'Letter' }],
    ['a template', { templates: 'other-digest' }],
    ['the stylesheet or fonts', { css: 'body { color: red }' }],
    ['the logo', { logo: 'data:image/png;base64,AAAA' }],
    ['the date stamped in the documents (SOURCE_DATE_EPOCH)', { epoch: 1_767_225_600 }],
  ])('changes with %s', (_, change) => {
    expect(inputsDigest({ ...shared, ...change }, 'view')).not.toBe(inputsDigest(shared, 'view'));
  });

  it('changes with what the report shows', () => {
    expect(inputsDigest(shared, 'view, one figure changed')).not.toBe(inputsDigest(shared, 'view'));
  });
});
