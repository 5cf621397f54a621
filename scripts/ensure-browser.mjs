#!/usr/bin/env node
/**
 * Makes sure revue has a Chrome/Chromium to print with (`npm run browser`, or
 * right after `npm install`).
 *
 * 1. Looks where revue looks (dist/print/find-browser.js once built; a copy of
 *    its order before that): the env (REVUE_BROWSER, PUPPETEER_EXECUTABLE_PATH),
 *    puppeteer's downloads, the usual system locations. Found: says where, exit 0.
 * 2. Otherwise tries `npx puppeteer browsers install chrome-headless-shell`
 *    (puppeteer's downloader; fails without network, which is fine),
 * 3. then, on Linux as root with apt-get: `apt-get update && apt-get install -y chromium`,
 * 4. else prints what to do and exits 1 (0 when run as npm's postinstall, so
 *    that a machine without a browser can still install the package).
 *
 * REVUE_SKIP_BROWSER_INSTALL=1 only looks, never installs.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asPostinstall = process.env.npm_lifecycle_event === 'postinstall';
const skipInstall = ['1', 'true', 'yes'].includes((process.env.REVUE_SKIP_BROWSER_INSTALL ?? '').toLowerCase());

const HINT = [
  'Install one of these, then run revue again:',
  '  npm run browser                                      (finds or installs one for you)',
  '  apt-get install chromium                             (Debian, Ubuntu)',
  "  npx puppeteer browsers install chrome-headless-shell (puppeteer's own, into ~/.cache/puppeteer)",
  'or point revue at an installed Chrome, Chromium or Edge:',
  '  REVUE_BROWSER=/path/to/chrome revue build',
].join('\n');

/** @returns {Promise<{ found: { path: string, source: string } } | { lookedFor: string[] }>} */
async function look() {
  const compiled = path.join(root, 'dist', 'print', 'find-browser.js');
  if (existsSync(compiled)) {
    const { findBrowser } = await import(pathToFileURL(compiled).href);
    try {
      return { found: await findBrowser() };
    } catch (error) {
      if (error && typeof error === 'object' && Array.isArray(error.lookedFor)) {
        const last = String(error.lookedFor.at(-1) ?? '');
        if (/^(REVUE_BROWSER|PUPPETEER_EXECUTABLE_PATH): /.test(last) && !last.endsWith(': not set')) {
          // A browser named explicitly that isn't there: don't install over the user's choice.
          console.error(`revue: ${String(error.hint).split('\n')[0]}`);
          process.exit(asPostinstall ? 0 : 1);
        }
        return { lookedFor: error.lookedFor };
      }
      throw error;
    }
  }
  return await lookWithoutBuild();
}

/** The same order as src/print/find-browser.ts, for before the TypeScript is compiled. */
async function lookWithoutBuild() {
  const lookedFor = [];
  for (const name of ['REVUE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = process.env[name];
    if (!value) {
      lookedFor.push(`${name}: not set`);
      continue;
    }
    if (isExecutable(value)) return { found: { path: value, source: 'env' } };
    console.error(`revue: ${name} is set to ${value}, which is not an executable file.`);
    process.exit(asPostinstall ? 0 : 1);
  }
  try {
    const { default: puppeteer } = await import('puppeteer');
    for (const headless of [true, 'shell']) {
      try {
        const candidate = puppeteer.executablePath({ headless });
        if (isExecutable(candidate)) return { found: { path: candidate, source: 'puppeteer' } };
        lookedFor.push(`puppeteer's browser: ${candidate} (not found)`);
      } catch {
        // puppeteer knows no path for this browser.
      }
    }
  } catch {
    lookedFor.push('puppeteer: not installed');
  }
  for (const candidate of systemPaths()) {
    if (isExecutable(candidate)) return { found: { path: candidate, source: 'system' } };
    lookedFor.push(`${candidate} (not found)`);
  }
  return { lookedFor };
}

function systemPaths() {
  if (process.platform === 'darwin') {
    return [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ].map((app) => path.join('/Applications', app));
  }
  if (process.platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(
      Boolean,
    );
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return roots.flatMap((dir) => exes.map((exe) => path.win32.join(dir, exe)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs a command with its output shown; true when it exits 0. */
function attempt(title, command, args) {
  const shown = command === 'sh' ? args.at(-1) : [command, ...args].join(' ');
  console.error(`\nrevue: ${title}\n$ ${shown}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: root,
    shell: process.platform === 'win32',
    timeout: 15 * 60 * 1000,
  });
  if (result.error) console.error(`revue: could not run ${command}: ${result.error.message}`);
  else if (result.status !== 0)
    console.error(`revue: ${command} failed (exit status ${result.status ?? result.signal}).`);
  return !result.error && result.status === 0;
}

function done(found) {
  console.error(`revue: printing with ${found.path} (${found.source})`);
  process.exit(0);
}

let outcome = await look();
if ('found' in outcome) done(outcome.found);

console.error('revue: no Chrome or Chromium found. Looked at:');
for (const place of outcome.lookedFor) console.error(`  - ${place}`);

if (!skipInstall) {
  if (
    attempt("installing puppeteer's chrome-headless-shell", 'npx', [
      'puppeteer',
      'browsers',
      'install',
      'chrome-headless-shell',
    ])
  ) {
    outcome = await look();
    if ('found' in outcome) done(outcome.found);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && isExecutable('/usr/bin/apt-get')) {
    if (attempt("installing Debian's chromium", 'sh', ['-c', 'apt-get update && apt-get install -y chromium'])) {
      outcome = await look();
      if ('found' in outcome) done(outcome.found);
    }
  }
}

console.error(`\nrevue: still no browser to print PDFs with.\n${HINT}`);
process.exit(asPostinstall ? 0 : 1);
