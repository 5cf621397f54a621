#!/usr/bin/env node
/**
 * The daily loop's figures (issue 14), on one rep of the example workspace
 * (data/: its framework, and Alice Martin's 2025 and 2026 files):
 *
 * - save → reloaded preview page: `revue preview --port 0` running, the
 *   year-end words of the rep's file edited and saved; the time until the
 *   server's `reload` event has come and the page, fetched again as the
 *   reloading browser does, shows the new words (goal < 300 ms);
 * - save → updated PDF in `revue build --watch`: the same edit, the time
 *   until the rep's PDF has been replaced (goal < 800 ms).
 *
 * Each is the median of several saves (the first build, and the first
 * launch of the browser, are not counted). Runs the command line's bundle
 * (`npm run build:ts` first).
 *
 *   node scripts/bench-daily.mjs [--rounds 7]
 *
 * `benchDaily()` returns the rows `{ figure, value, goal }`, for
 * scripts/bench.mjs to print with its own.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The binary users run: package.json's "bin" (the bundle, scripts/bundle.mjs). */
const BIN = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.revue);
const REP = 'alice-martin';
const SENTENCE = 'Son passage en commerciale confirmée est mérité';

/** @returns {Promise<Array<{ figure: string, value: string, goal: string }>>} */
export async function benchDaily({ rounds = 7 } = {}) {
  const preview = await measurePreview(rounds);
  const watch = await measureWatch(rounds);
  return [
    { figure: 'save → reloaded preview page (one rep of the example)', value: summary(preview), goal: '< 300 ms' },
    { figure: 'save → updated PDF in build --watch (one rep of the example)', value: summary(watch), goal: '< 800 ms' },
  ];
}

/** A workspace of one rep of the example, in a temp folder. */
async function oneRepWorkspace() {
  const dir = await mkdtemp(path.join(tmpdir(), 'revue-bench-daily-'));
  const data = path.join(dir, 'data');
  await mkdir(data);
  await cp(path.join(root, 'data', 'framework.yaml'), path.join(data, 'framework.yaml'));
  for (const year of ['2025', '2026']) {
    await mkdir(path.join(data, year));
    await cp(path.join(root, 'data', year, `${REP}.yaml`), path.join(data, year, `${REP}.yaml`));
  }
  return { dir, file: path.join(data, '2026', `${REP}.yaml`) };
}

/** The year-end words, edited as a manager would while writing them: round `i` adds its mark. */
function edited(original, i) {
  if (!original.includes(SENTENCE)) throw new Error(`the example no longer has "${SENTENCE}"`);
  return original.replace(SENTENCE, `${SENTENCE} (relu ${i})`);
}

function start(args, cwd) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

async function waitFor(check, what, timeoutMs = 120_000) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await ended;
  clearTimeout(timer);
}

function get(url) {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    })
      .on('error', reject)
      .end();
  });
}

/** An open event stream; `next()` resolves at the next `reload`. */
function events(url) {
  let waiting = [];
  const req = request(new URL('/__revue/events', url), (response) => {
    response.setEncoding('utf8').on('data', (chunk) => {
      if (!chunk.includes('event: reload')) return;
      const resolved = waiting;
      waiting = [];
      for (const resolve of resolved) resolve();
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => req.destroy(),
  };
}

async function measurePreview(rounds) {
  const { dir, file } = await oneRepWorkspace();
  const original = await readFile(file, 'utf8');
  const run = start(['preview', '--port', '0'], dir);
  try {
    const url = await waitFor(() => /http:\/\/\S+\//.exec(run.stdout())?.[0], 'the preview URL');
    const page = new URL(`2026/reps/${REP}.html`, url).href;
    const stream = events(url);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const times = [];
    for (let i = 1; i <= rounds; i++) {
      const reloaded = stream.next();
      const t0 = performance.now();
      await writeFile(file, edited(original, i));
      await reloaded;
      const html = await get(page);
      const t1 = performance.now();
      if (!html.includes(`(relu ${i})`)) {
        // Reloaded before the page had the new words: wait for them, and count that wait.
        await waitFor(async () => (await get(page)).includes(`(relu ${i})`), `round ${i} in the page`);
        times.push(performance.now() - t0);
      } else times.push(t1 - t0);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    stream.close();
    return times;
  } finally {
    await stopChild(run.child);
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureWatch(rounds) {
  const { dir, file } = await oneRepWorkspace();
  const original = await readFile(file, 'utf8');
  const pdf = path.join(dir, 'output', '2026', 'reps', `${REP}.pdf`);
  const run = start(['build', '--watch', '--as-of', '2026-12-01'], dir);
  const builds = () => (run.stderr().match(/✓/g) ?? []).length;
  try {
    await waitFor(() => builds() >= 1, 'the first build');
    const times = [];
    for (let i = 1; i <= rounds; i++) {
      const before = (await stat(pdf)).mtimeMs;
      const done = builds();
      const t0 = performance.now();
      await writeFile(file, edited(original, i));
      await waitFor(
        async () => ((await stat(pdf).catch(() => undefined))?.mtimeMs ?? before) !== before,
        `round ${i}'s PDF`,
      );
      times.push(performance.now() - t0);
      await waitFor(() => builds() > done, `the end of round ${i}'s build`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    return times;
  } finally {
    await stopChild(run.child);
    await rm(dir, { recursive: true, force: true });
  }
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `${Math.round(median)} ms (median of ${times.length}; ${Math.round(sorted[0])}–${Math.round(sorted.at(-1))} ms)`;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
  const rows = await benchDaily({ rounds: Number(values.rounds) });
  for (const row of rows) console.log(`${row.figure}: ${row.value} (goal ${row.goal})`);
}
