/**
 * What can be checked here of the container run (issue 15): no Docker engine
 * runs on this machine, so the Job manifest is read as YAML and checked for
 * what an indexed Job of revue shards needs, and the Dockerfile for what the
 * image promises. docs/performance.md says what could not be run here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { field } from '../../src/model/field.js';
import { BIN_IN_PACKAGE } from '../cli/spawn.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const at = (value: unknown, ...keys: Array<string | number>): unknown =>
  keys.reduce<unknown>((v, k) => field(v, k), value);

describe('deploy/kubernetes/job.yaml', async () => {
  const job: unknown = parse(await readFile(path.join(ROOT, 'deploy', 'kubernetes', 'job.yaml'), 'utf8'));
  const pod = at(job, 'spec', 'template', 'spec');
  const container = at(pod, 'containers', 0);

  it('is an indexed batch/v1 Job whose completions, parallelism and shard count agree', () => {
    expect(at(job, 'apiVersion')).toBe('batch/v1');
    expect(at(job, 'kind')).toBe('Job');
    expect(at(job, 'spec', 'completionMode')).toBe('Indexed');
    const completions = at(job, 'spec', 'completions');
    expect(completions).toBeTypeOf('number');
    expect(at(job, 'spec', 'parallelism')).toBe(completions);
    expect(at(job, 'spec', 'backoffLimitPerIndex')).toBeGreaterThanOrEqual(1);
    expect(at(pod, 'restartPolicy')).toBe('Never');
    const command = at(container, 'command');
    expect(Array.isArray(command)).toBe(true);
    const script = String(Array.isArray(command) ? command.at(-1) : '');
    // Index 0 is shard 1: `--shard K/N` counts from 1.
    expect(script).toContain(`--shard $((JOB_COMPLETION_INDEX + 1))/${String(completions)}`);
    expect(script).toMatch(/revue build --data \/data --out \/reports/);
  });

  it('runs as a non-root user, with the data read-only and the reports on a shared volume', () => {
    expect(at(pod, 'securityContext', 'runAsNonRoot')).toBe(true);
    expect(at(container, 'securityContext', 'allowPrivilegeEscalation')).toBe(false);
    const mounts = at(container, 'volumeMounts');
    expect(mounts).toContainEqual({ name: 'data', mountPath: '/data', readOnly: true });
    expect(mounts).toContainEqual({ name: 'reports', mountPath: '/reports' });
    const volumes = at(pod, 'volumes');
    const list: unknown[] = Array.isArray(volumes) ? volumes : [];
    const names = list.map((v) => at(v, 'name'));
    expect(names).toEqual(expect.arrayContaining(['data', 'reports']));
  });

  it('gives every shard the same SOURCE_DATE_EPOCH, a whole number of seconds', () => {
    const env = at(container, 'env');
    const entries: unknown[] = Array.isArray(env) ? env : [];
    const epoch = entries.find((e) => at(e, 'name') === 'SOURCE_DATE_EPOCH');
    expect(String(at(epoch, 'value'))).toMatch(/^\d+$/);
  });
});

describe('Dockerfile', async () => {
  const text = await readFile(path.join(ROOT, 'Dockerfile'), 'utf8');

  it('is node:20-slim with Debian’s chromium, revue installed without dev dependencies, as a non-root user', () => {
    expect(text).toMatch(/^FROM node:20-slim$/m);
    expect(text).toMatch(/apt-get install -y --no-install-recommends chromium/);
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).toMatch(/^ENV REVUE_BROWSER=\/usr\/bin\/chromium/m);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^ENTRYPOINT \["revue"\]$/m);
  });

  it('copies what revue reads at run time, and .dockerignore keeps the rest out', async () => {
    for (const folder of ['templates', 'schema']) expect(text).toMatch(new RegExp(`^COPY ${folder} `, 'm'));
    const ignored = (await readFile(path.join(ROOT, '.dockerignore'), 'utf8')).split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'output', 'data', '.git']));
    expect(ignored).not.toContain('templates');
  });

  it("builds the command line's bundle and links package.json's bin as revue", async () => {
    const ignored = (await readFile(path.join(ROOT, '.dockerignore'), 'utf8')).split('\n');
    expect(text).toMatch(/^RUN npm ci .*--ignore-scripts && npm run build:ts$/m);
    expect(text).toMatch(/^COPY scripts\/bundle\.mjs /m);
    // .dockerignore leaves the scripts out, all but this one.
    expect(ignored).toContain('!scripts/bundle.mjs');
    expect(text).toContain(`ln -s /opt/revue/${BIN_IN_PACKAGE} /usr/local/bin/revue`);
  });
});
