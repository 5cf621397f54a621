/**
 * Nothing revue orders or digests depends on the machine's locale (issue 10):
 * under LANG=da_DK, `localeCompare` without a locale sorts "aa" after "z"
 * ("aa" is the Danish letter å), which reordered the reps and changed the
 * templates' digest, so that every report was rebuilt.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempWorkspace } from '../helpers.js';
import { readFileSync } from 'node:fs';

const DIST = path.join(import.meta.dirname, '..', '..', 'dist');
let ws: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  const framework = readFileSync(path.join(FIXTURES, 'minimal', 'framework.yaml'), 'utf8');
  const rep = readFileSync(path.join(FIXTURES, 'minimal', '2026', 'bo-chen.yaml'), 'utf8');
  ws = await tempWorkspace({ 'framework.yaml': framework, '2026/zoe-bo.yaml': rep, '2026/aaron-li.yaml': rep });
});
afterAll(() => ws.cleanup());

/** The reps' order and the templates' digest, as a process running in `lang` sees them. */
function orderUnder(lang: string): { reps: string[]; digest: string; sample: string[] } {
  const script = `
    const { validate } = await import(${JSON.stringify(path.join(DIST, 'index.js'))});
    const { loadTemplates } = await import(${JSON.stringify(path.join(DIST, 'render', 'templates.js'))});
    const { dataset } = await validate({ data: ${JSON.stringify(ws.dir)} });
    const templates = await loadTemplates();
    console.log(JSON.stringify({ reps: dataset.reps.map((r) => r.id), digest: templates.digest, sample: ['zoe-bo', 'aaron-li'].sort((a, b) => a.localeCompare(b)) }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: lang },
  });
  expect(run.status, run.stderr).toBe(0);
  const parsed: unknown = JSON.parse(run.stdout);
  return parsed as { reps: string[]; digest: string; sample: string[] };
}

describe('under LANG=da_DK', () => {
  it('sorts reps and digests templates as everywhere else', () => {
    const danish = orderUnder('da_DK.UTF-8');
    const english = orderUnder('C.UTF-8');
    // The locale really is Danish in that process: this is what revue must not depend on.
    expect(danish.sample).toEqual(['zoe-bo', 'aaron-li']);
    expect(danish.reps).toEqual(['aaron-li', 'zoe-bo']);
    expect(english.reps).toEqual(['aaron-li', 'zoe-bo']);
    expect(danish.digest).toBe(english.digest);
  });
});
