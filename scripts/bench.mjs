#!/usr/bin/env node
/**
 * `npm run bench`: how fast, how incremental and how lean a build is, on a
 * synthetic organisation in the SPEC format (scripts/bench-data.mjs).
 *
 *   npm run bench                          240 reps: the whole report
 *   npm run bench -- --reps 120 --small 30 another size (and the small size for the memory ratio)
 *   npm run bench -- --rounds 2            build and bare loop twice each, alternately (best of each, and round by round)
 *   npm run bench -- --reps 10000 --shards 40 --run 1,2
 *                                          a large organisation as shards run one after another
 *
 * Each measured run is a child process (a fresh Node and browser), whose
 * whole process tree (Node and every browser process) is sampled from /proc
 * every 100 ms for its peak memory. It runs from dist/ and the command line's
 * bundle (`npm run build:ts`, which `npm run bench` does first).
 *
 * Measured:
 * - a full build, reports/s and the time of each stage (BuildResult.timings);
 * - a bare puppeteer loop printing the same HTML documents (the build's own
 *   HTML, from an --html-only build, with the footer the build adds): one
 *   browser, two pages at once, setContent + pdf with the build's pdf options,
 *   nothing else; and the ratio build / bare;
 * - a no-op rebuild, and a rebuild after one rep's file changed (which files
 *   were written);
 * - the peak memory of the process tree at --small and at --reps reps.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repIds, writeOrganisation } from './bench-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => pathToFileURL(path.join(root, 'dist', file)).href;
/** The binary users run: package.json's "bin" (the bundle, scripts/bundle.mjs). */
const cli = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.revue);

const { values: args } = parseArgs({
  options: {
    child: { type: 'string' },
    reps: { type: 'string', default: '240' },
    small: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '2' },
    shards: { type: 'string' },
    run: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    force: { type: 'boolean', default: false },
    'html-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    slow: { type: 'boolean', default: false },
    cache: { type: 'string' },
    'as-of': { type: 'string', default: '2026-12-31' },
    'validate-reps': { type: 'string', default: '2000' },
    'shard-reps': { type: 'string', default: '10000' },
  },
});

if (args.child !== undefined) {
  await runChild(args.child);
} else {
  await runParent();
}

// ---------------------------------------------------------------------------
// The parent: sets up, runs the children, prints the figures.

async function runParent() {
  const reps = Number(args.reps);
  const small = Number(args.small);
  const rounds = Number(args.rounds);
  const work = await mkdtemp(path.join(tmpdir(), 'revue-bench-'));
  const say = (line = '') => process.stdout.write(`${line}\n`);
  say(`revue bench: ${await machine()}`);
  say(`work folder: ${work}${args.keep ? ' (kept)' : ''}`);
  /** The figures of the goal table (issue 15), printed together at the end. */
  const rows = [];
  try {
    if (args.shards !== undefined) return await runShards(work, reps, Number(args.shards), say);
    if (args.only === 'validation') {
      await validationFigures(work, rows, say);
      return;
    }

    const data = path.join(work, `org-${reps}`, 'data');
    await writeOrganisation(data, { reps });
    say(
      `organisation: ${reps} reps, ${(await readdir(path.join(data, '2025'))).length + (await readdir(path.join(data, '2026'))).length} files over 2025 and 2026`,
    );
    say();

    // The build's own HTML, for the bare loop.
    const htmlOut = path.join(work, 'html');
    await child('build', { data, out: htmlOut, 'html-only': true });

    const builds = [];
    const bares = [];
    for (let round = 1; round <= rounds; round++) {
      const out = path.join(work, `out-${round}`);
      const b = await child('build', { data, out });
      builds.push({ ...b, out });
      say(
        `round ${round}: full build ${seconds(b.result.durationMs)}, ${rate(b.result.written, b.result.durationMs)} reports/s, ${seconds(b.cpuMs)} CPU (${seconds(b.nodeCpuMs)} in node; machine ${Math.round(b.busy * 100)} % busy), peak ${mb(b.peak.rss)} RSS (${mb(b.peak.pss)} PSS), load ${b.load}`,
      );
      const bare = await child('bare', { out: htmlOut, concurrency: args.concurrency });
      bares.push(bare);
      say(
        `round ${round}: bare loop  ${seconds(bare.result.loopMs)}, ${rate(bare.result.documents, bare.result.loopMs)} documents/s, ${seconds(bare.cpuMs)} CPU (${seconds(bare.nodeCpuMs)} in node; machine ${Math.round(bare.busy * 100)} % busy), peak ${mb(bare.peak.rss)} RSS (${mb(bare.peak.pss)} PSS), load ${bare.load}`,
      );
    }
    const best = builds.reduce((a, b) => (b.result.durationMs < a.result.durationMs ? b : a));
    const bestBare = bares.reduce((a, b) => (b.result.loopMs < a.result.loopMs ? b : a));
    say();
    say(
      `Full build of ${best.result.total} reports (${reps} reps): ${seconds(best.result.durationMs)} in build() (${seconds(best.wallMs)} for the whole process), ${rate(best.result.written, best.result.durationMs)} reports/s`,
    );
    say(
      `Bare puppeteer loop, same ${bestBare.result.documents} documents: ${seconds(bestBare.result.loopMs)} from launch to last PDF (${seconds(bestBare.wallMs)} for the whole process), ${rate(bestBare.result.documents, bestBare.result.loopMs)} documents/s`,
    );
    // Each round's build against the bare loop run just after it: on a shared machine, one round's
    // luck (a bare loop run while the rest of the machine was idle) moves best ÷ best the most.
    const paired = builds.map((b, i) => b.result.durationMs / (bares[i]?.result.loopMs ?? NaN));
    const sorted = [...paired].sort((a, b) => a - b);
    const middle =
      ((sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? NaN)) / 2;
    rows.push({
      figure: 'full build ÷ bare print loop',
      value:
        rounds === 1
          ? (best.result.durationMs / bestBare.result.loopMs).toFixed(2)
          : `${(best.result.durationMs / bestBare.result.loopMs).toFixed(2)} (best ÷ best; round by round ${paired.map((r) => r.toFixed(2)).join(', ')}, median ${middle.toFixed(2)})`,
      goal: '≤ 1.10',
    });
    say(
      `Ratio build / bare: ${(best.result.durationMs / bestBare.result.loopMs).toFixed(2)} (goal ≤ 1.10); whole processes: ${(best.wallMs / bestBare.wallMs).toFixed(2)}; CPU time (node and browser): ${(best.cpuMs / bestBare.cpuMs).toFixed(2)}`,
    );
    say();
    say('Where the build’s time went (ms; charts, html, print and write are summed over concurrent work):');
    for (const [stage, ms] of Object.entries(best.result.timings))
      say(`  ${stage.padEnd(9)} ${String(Math.round(ms)).padStart(8)}`);
    say(`  browser: ${best.result.stats}`);
    say();

    // Incremental.
    // The rebuilds go to the last round's output: the closest in time (a shared working tree may change between).
    const latest = builds[builds.length - 1];
    const noop = await child('build', { data, out: latest.out });
    rows.push({
      figure: `no-op rebuild ÷ full build, ${reps} reps`,
      value: `${pct(noop.result.durationMs, latest.result.durationMs)} (whole processes ${pct(noop.wallMs, latest.wallMs)})`,
      goal: '≤ 2 %',
    });
    say(
      `No-op rebuild: ${seconds(noop.result.durationMs)} in build() (${seconds(noop.wallMs)} for the whole process); ${noop.result.skipped} skipped, ${noop.result.written} written; ${pct(noop.result.durationMs, latest.result.durationMs)} of the full build (whole processes: ${pct(noop.wallMs, latest.wallMs)}; goal ≤ 2 %); validation ${Math.round(noop.result.timings.validate)} ms, against ${Math.round(latest.result.timings.validate)} ms in the full build`,
    );
    const changed = await changeOneRep(data);
    const one = await child('build', { data, out: latest.out });
    say(
      `After changing ${changed}: ${seconds(one.result.durationMs)} in build(); written: ${one.result.writtenFiles.join(', ')}; ${one.result.skipped} skipped`,
    );
    say();

    // Memory at two sizes.
    const smallData = path.join(work, `org-${small}`, 'data');
    await writeOrganisation(smallData, { reps: small });
    const smallBuild = await child('build', { data: smallData, out: path.join(work, 'out-small') });
    say(`Peak memory of the process tree (RSS summed over processes; PSS counts shared pages once):`);
    say(
      `  ${String(small).padStart(5)} reps: ${mb(smallBuild.peak.rss)} RSS, ${mb(smallBuild.peak.pss)} PSS (build ${seconds(smallBuild.wallMs)})`,
    );
    say(`  ${String(reps).padStart(5)} reps: ${mb(best.peak.rss)} RSS, ${mb(best.peak.pss)} PSS`);
    say(
      `  ratio ${reps}/${small}: ${(best.peak.rss / smallBuild.peak.rss).toFixed(2)} RSS, ${(best.peak.pss / smallBuild.peak.pss).toFixed(2)} PSS (goal ≤ 1.3)`,
    );
    rows.push({
      figure: `peak memory ${reps} ÷ ${small} reps`,
      value: `${(best.peak.rss / smallBuild.peak.rss).toFixed(2)} RSS, ${(best.peak.pss / smallBuild.peak.pss).toFixed(2)} PSS`,
      goal: '≤ 1.3',
    });
    say();
    await validationFigures(work, rows, say);
  } finally {
    if (rows.length > 0) await printTable(rows, say);
    if (!args.keep) await rm(work, { recursive: true, force: true });
  }
}

/**
 * The figures of validation and start-up (issue 15), each a ratio of two
 * things measured alternately in this run (best of --rounds, at least 2):
 * - `revue validate` of --validate-reps reps (two years) ÷ a bare loop that
 *   reads the same files and parses each with yaml's parseDocument, both
 *   whole processes;
 * - `revue validate` of the example ÷ `node -e 0`;
 * - load + validation of --shard-reps reps, as every shard does it: without
 *   the cache (cold), and with the cache that the first run wrote (warm);
 * and, for comparison, validation in one process with the fast path and without.
 */
async function validationFigures(work, rows, say) {
  const rounds = Math.max(2, Number(args.rounds));
  const reps = Number(args['validate-reps']);
  const data = path.join(work, `org-${reps}`, 'data');
  await writeOrganisation(data, { reps });
  const files = (await readdir(path.join(data, '2025'))).length + (await readdir(path.join(data, '2026'))).length + 1;
  const validateArgs = (dir) => [cli, 'validate', '--data', dir, '--quiet', '--as-of', args['as-of']];
  const validates = [];
  const loops = [];
  for (let round = 1; round <= rounds; round++) {
    validates.push(await timedProcess(validateArgs(data)));
    loops.push((await child('parse-loop', { data })).wallMs);
  }
  const validateMs = Math.min(...validates);
  const loopMs = Math.min(...loops);
  say(
    `revue validate of ${reps} reps (${files} files): ${seconds(validateMs)} (rounds: ${validates.map(seconds).join(', ')}); bare parseDocument loop: ${seconds(loopMs)} (${loops.map(seconds).join(', ')})`,
  );
  rows.push({
    figure: `cold revue validate of ${files} files ÷ bare parseDocument loop`,
    value: (validateMs / loopMs).toFixed(2),
    goal: '≤ 0.5',
  });
  const fast = await child('validate', { data });
  const slow = await child('validate', { data, slow: true });
  say(
    `  in one process: validation with the fast path ${seconds(fast.result.validateMs)}, without ${seconds(slow.result.validateMs)} (load ${seconds(fast.result.loadMs)}); ${fast.result.diagnostics} diagnostics both ways: ${fast.result.diagnostics === slow.result.diagnostics}`,
  );

  const example = path.join(root, 'data');
  const starts = [];
  const bare = [];
  for (let round = 1; round <= Math.max(5, rounds); round++) {
    starts.push(await timedProcess(validateArgs(example)));
    bare.push(await timedProcess(['-e', '0']));
  }
  const start = Math.min(...starts);
  const nothing = Math.min(...bare);
  say(
    `revue validate of the example: ${Math.round(start)} ms (best of ${starts.length}); node -e 0: ${Math.round(nothing)} ms`,
  );
  rows.push({ figure: 'revue validate of the example ÷ node -e 0', value: (start / nothing).toFixed(1), goal: '≤ 4' });

  const shardReps = Number(args['shard-reps']);
  if (shardReps > 0) {
    const big = path.join(work, `org-${shardReps}`, 'data');
    const generated = performance.now();
    await writeOrganisation(big, { reps: shardReps });
    const out = path.join(work, `out-${shardReps}`);
    say(`organisation of ${shardReps} reps generated in ${seconds(performance.now() - generated)}`);
    const cold = await child('validate', { data: big, cache: out });
    const warm = await child('validate', { data: big, cache: out });
    say(
      `validation of ${shardReps} reps as a shard does it (load + validate): cold ${seconds(cold.result.loadMs + cold.result.validateMs)} (load ${seconds(cold.result.loadMs)}), with the cache ${seconds(warm.result.loadMs + warm.result.validateMs)} (load ${seconds(warm.result.loadMs)}, of which reading the cache ${seconds(warm.result.cacheMs)}); peak ${mb(cold.peak.rss)} RSS`,
    );
    rows.push({
      figure: `validation of ${shardReps} reps, one shard`,
      value: `${seconds(cold.result.loadMs + cold.result.validateMs)} cold, ${seconds(warm.result.loadMs + warm.result.validateMs)} with the cache`,
      goal: '≤ 8 s',
    });
  }
}

/** Wall time of a Node process, in ms. */
function timedProcess(argv) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${argv.join(' ')} exited with ${code}`)),
    );
  });
}

/** The goal table, and the rows of scripts/bench-daily.mjs when it exists. */
async function printTable(rows, say) {
  const daily = path.join(root, 'scripts', 'bench-daily.mjs');
  if (readdirSync(path.dirname(daily)).includes('bench-daily.mjs')) {
    try {
      const { benchDaily } = await import(pathToFileURL(daily).href);
      if (typeof benchDaily === 'function') rows.push(...(await benchDaily()));
    } catch (error) {
      say(`scripts/bench-daily.mjs: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  say();
  say('| figure | value | goal |');
  say('| --- | --- | --- |');
  for (const row of rows) say(`| ${row.figure} | ${row.value} | ${row.goal} |`);
}

/** A large organisation as shards run one after another (all of them, or those of --run). */
async function runShards(work, reps, count, say) {
  const data = path.join(work, `org-${reps}`, 'data');
  const generated = performance.now();
  await writeOrganisation(data, { reps });
  say(`organisation: ${reps} reps (generated in ${seconds(performance.now() - generated)})`);
  const which =
    args.run === undefined ? Array.from({ length: count }, (_, i) => i + 1) : args.run.split(',').map(Number);
  const out = path.join(work, 'out');
  const rows = [];
  for (const index of which) {
    const run = await child('build', { data, out, shard: `${index}/${count}` });
    rows.push({ index, ...run });
    const t = run.result.timings;
    say(
      `shard ${index}/${count}: ${run.result.total} reports (${run.result.kinds}) in ${seconds(run.wallMs)}, ${rate(run.result.written, run.wallMs)} reports/s; ` +
        `load+validate+analyze ${seconds(t.load + t.validate + t.analyze)}, plan ${seconds(t.plan)}; peak ${mb(run.peak.rss)} RSS (${mb(run.peak.pss)} PSS)`,
    );
  }
  const files = await countFiles(path.join(out, '2026'));
  say(`files in the shared output: ${files}`);
}

// ---------------------------------------------------------------------------
// The children: one measured thing each, the result as JSON on stdout's last line.

async function runChild(kind) {
  if (kind === 'build') {
    // As `revue build` does (src/cli/bin.ts).
    const { boundHeapGrowth } = await import(dist('cli/heap.js'));
    boundHeapGrowth();
    const { build } = await import(dist('index.js'));
    const [k, n] = (args.shard ?? '1/1').split('/').map(Number);
    let stats = '';
    const result = await build({
      data: args.data,
      out: args.out,
      htmlOnly: args['html-only'],
      force: args.force,
      concurrency: Number(args.concurrency),
      shard: { index: k, count: n },
    });
    if (!result.ok)
      throw new Error(
        `invalid data: ${result.diagnostics
          .slice(0, 3)
          .map((d) => d.message)
          .join('; ')}`,
      );
    const failed = result.reports.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new Error(`${failed.length} reports failed: ${failed[0].error?.message}`);
    const written = result.reports.filter((r) => r.status === 'written');
    const byKind = new Map();
    for (const report of result.reports) byKind.set(report.kind, (byKind.get(report.kind) ?? 0) + 1);
    const kinds = [...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ');
    stats = `${Math.round(result.timings.launch)} ms launching`;
    emit({
      total: result.reports.length,
      kinds,
      written: written.length,
      skipped: result.reports.filter((r) => r.status === 'skipped').length,
      writtenFiles: written.map((r) => path.relative(path.join(args.out, String(result.year)), r.file)),
      durationMs: result.durationMs,
      timings: result.timings,
      stats,
    });
  } else if (kind === 'bare') {
    emit(await bareLoop(args.out, Number(args.concurrency)));
  } else if (kind === 'parse-loop') {
    // The floor the issue measures validation against: read each file, parse it with positions, nothing else.
    const { parseDocument } = await import('yaml');
    const files = [path.join(args.data, 'framework.yaml')];
    for (const year of readdirSync(args.data)
      .filter((name) => /^\d{4}$/.test(name))
      .sort())
      for (const name of readdirSync(path.join(args.data, year)).sort()) files.push(path.join(args.data, year, name));
    for (const file of files)
      parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: false, prettyErrors: false, logLevel: 'error' }).toJS();
    const count = files.length;
    emit({ files: count });
  } else if (kind === 'validate') {
    const { loadWorkspace } = await import(dist('load/workspace.js'));
    const { validateWorkspace } = await import(dist('validate/validate-workspace.js'));
    const { readValidationCache, writeValidationCache } = await import(dist('write/validation-cache.js'));
    const { VERSION } = await import(dist('version.js'));
    const started = performance.now();
    const workspace = await loadWorkspace(args.data);
    const loaded = performance.now();
    const cache = args.cache === undefined ? undefined : await readValidationCache(args.cache, VERSION);
    const cached = performance.now();
    const result = validateWorkspace(workspace, { asOf: args['as-of'], fastPath: !args.slow, cache });
    const validated = performance.now();
    if (cache !== undefined) await writeValidationCache(args.cache, VERSION, cache);
    if (result.dataset === undefined) throw new Error(`invalid data: ${result.diagnostics[0]?.message}`);
    emit({
      loadMs: cached - started,
      cacheMs: cached - loaded,
      validateMs: validated - cached,
      diagnostics: result.diagnostics.length,
    });
  }
}

/**
 * The floor: the same documents printed by puppeteer with nothing around it.
 * Reading the files and adding the footer happen before the clock starts.
 */
async function bareLoop(out, concurrency) {
  const { default: puppeteer } = await import('puppeteer');
  const { findBrowser } = await import(dist('print/find-browser.js'));
  const { injectHead, pageFooterCss } = await import(dist('print/page-css.js'));
  const year = (await readdir(out)).find((name) => /^\d{4}$/.test(name));
  const dir = path.join(out, year);
  const files = [path.join(dir, 'organisation.html')];
  for (const sub of ['teams', 'reps'])
    for (const name of await readdir(path.join(dir, sub))) files.push(path.join(dir, sub, name));
  const documents = await Promise.all(
    files.map(async (file) => {
      const html = await readFile(file, 'utf8');
      const title = decodeEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
      return injectHead(html, `<style data-revue="page">\n${pageFooterCss(title)}\n</style>`);
    }),
  );
  const paper = /lang="fr"/.test(documents[0] ?? '') ? 'A4' : 'Letter';
  const { path: executablePath } = await findBrowser();
  const started = performance.now();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const page = await browser.newPage();
      while (next < documents.length) {
        const html = documents[next++];
        await page.setContent(html, { waitUntil: 'load' });
        // The build's pdf options (print/print-page.ts).
        await page.pdf({
          format: paper,
          printBackground: true,
          outline: true,
          tagged: true,
          preferCSSPageSize: false,
          waitForFonts: true,
        });
      }
    }),
  );
  await browser.close();
  return { documents: documents.length, loopMs: performance.now() - started };
}

function emit(value) {
  process.stdout.write(`\n${JSON.stringify(value)}\n`);
}

// ---------------------------------------------------------------------------
// Running and watching a child.

/** Runs this script as a child with `--child kind`, sampling its process tree's memory. */
function child(kind, options) {
  const argv = [fileURLToPath(import.meta.url), '--child', kind, '--concurrency', args.concurrency];
  for (const [key, value] of Object.entries(options)) {
    if (value === true) argv.push(`--${key}`);
    else if (value !== false && value !== undefined) argv.push(`--${key}`, String(value));
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const machineBefore = machineCpu();
    const load = loadavg()[0].toFixed(1);
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk) => (stdout += chunk));
    // Cheap enough not to slow down what it measures: the tree is listed every
    // 500 ms, RSS read every 100 ms, PSS (which walks page tables) every 500 ms.
    const peak = { rss: 0, pss: 0 };
    let tree = new Set([proc.pid]);
    /** CPU ms of each process of the tree, as last seen (a process is sampled until it ends). */
    const cpu = new Map();
    let ticks = 0;
    const timer = setInterval(() => {
      if (ticks % 5 === 0) {
        tree = processTree(proc.pid);
        for (const id of tree) {
          const used = processCpuMs(id);
          if (used !== undefined) cpu.set(id, used);
        }
      }
      const now = treeMemory(tree, ticks % 5 === 0);
      peak.rss = Math.max(peak.rss, now.rss);
      peak.pss = Math.max(peak.pss, now.pss);
      ticks++;
    }, 100);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`bench child "${kind}" exited with ${code}\n${stdout}`));
      const last = stdout.trim().split('\n').pop() ?? '{}';
      const machineAfter = machineCpu();
      const busy = 1 - (machineAfter.idle - machineBefore.idle) / (machineAfter.all - machineBefore.all);
      resolve({
        wallMs,
        cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0),
        nodeCpuMs: cpu.get(proc.pid) ?? 0,
        busy,
        peak,
        load,
        result: JSON.parse(last),
      });
    });
  });
}

/** A process's CPU time so far (user + system), in ms; undefined once it is gone. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The whole machine's CPU counters (/proc/stat), to tell how busy it was meanwhile. */
function machineCpu() {
  const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return { idle: (values[3] ?? 0) + (values[4] ?? 0), all: values.reduce((a, b) => a + b, 0) };
}

/** A process and all its descendants. */
function processTree(pid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return tree;
}

/** RSS (and PSS when asked, else 0), in bytes, summed over the processes. */
function treeMemory(tree, withPss) {
  const PAGE = 4096;
  let rss = 0;
  let pss = 0;
  for (const id of tree) {
    try {
      rss += Number(readFileSync(`/proc/${id}/statm`, 'utf8').split(' ')[1]) * PAGE;
      if (withPss) pss += kb(readFileSync(`/proc/${id}/smaps_rollup`, 'utf8'), 'Pss') * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { rss, pss };
}

function kb(text, field) {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
}

// ---------------------------------------------------------------------------
// Small helpers.

/**
 * Changes the last score of the first rep's file of the last year (their
 * latest assessment: it moves their level, so their team's and the
 * organisation's figures move too).
 */
async function changeOneRep(data) {
  const [id] = repIds(1);
  const file = path.join(data, '2026', `${id}.yaml`);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const last = lines.findLastIndex((line) => /^ {6}[a-z-]+: \d(\.5)?$/.test(line));
  lines[last] = lines[last].replace(/\d(\.5)?$/, (score) => String(Number(score) >= 3 ? 1 : Number(score) + 1));
  await writeFile(file, lines.join('\n'));
  return `${id}’s file (the last score)`;
}

async function countFiles(dir) {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += await countFiles(path.join(dir, entry.name));
    else if (!entry.name.startsWith('.')) count++;
  }
  return count;
}

function decodeEntities(text) {
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27|#x3D|#x60);/g,
    (m, name) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x3D': '=', '#x60': '`' })[name] ?? m,
  );
}

async function machine() {
  const cpu = cpus();
  const { findBrowser } = await import(dist('print/find-browser.js'));
  const browser = await findBrowser().then(
    (found) => spawnSync(found.path, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n').pop() ?? found.path,
    () => 'no browser found',
  );
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}, ${browser}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
function rate(count, ms) {
  return (count / (ms / 1000)).toFixed(2);
}
function mb(bytes) {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}
function pct(part, whole) {
  return `${((part / whole) * 100).toFixed(1)} %`;
}
