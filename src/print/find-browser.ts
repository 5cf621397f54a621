/**
 * Finds a Chrome or Chromium to print with, looking in the usual places in a
 * fixed order and recording what it found at each, so that when there is none
 * the message says exactly where it looked (marp-cli `src/browser/finder.ts`).
 */
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { BrowserNotFoundError } from '../errors.js';
import { stageEn } from '../messages/stage-en.js';
import { said } from '../messages/stage.js';

export type BrowserSource = 'option' | 'env' | 'puppeteer' | 'system';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export interface FindBrowserOptions {
  /** A browser chosen explicitly (e.g. `--browser`). Used as is, or an error if it is not there. */
  executablePath?: string;
  /**
   * The environment to read `REVUE_BROWSER`, `PUPPETEER_EXECUTABLE_PATH`,
   * `PUPPETEER_CACHE_DIR`, `HOME`, `PATH` and the Windows folders from.
   * Default: `process.env`. puppeteer's own configuration can only be read
   * from the process's environment, so it is consulted only for the default.
   */
  env?: Record<string, string | undefined>;
  /** Whose usual install locations to look at. Default: `process.platform`. */
  platform?: NodeJS.Platform;
  /** The system locations to look at instead of the usual ones for `platform` (PATH is searched after them). */
  systemPaths?: readonly string[];
}

/** How to get a browser, shown whenever none is found. */
export const BROWSER_INSTALL_HINT = stageEn.browserInstall;

type Probe = 'ok' | 'not found' | 'not executable';

/** Looks, in order: the option; REVUE_BROWSER, PUPPETEER_EXECUTABLE_PATH; puppeteer's browsers; the system's. */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const lookedFor: string[] = [];

  // A browser named explicitly is what the user wants: never fall back silently.
  const explicit: [string, string | undefined, BrowserSource][] = [
    ['option executablePath', options.executablePath, 'option'],
    ['REVUE_BROWSER', nonEmpty(env.REVUE_BROWSER), 'env'],
    ['PUPPETEER_EXECUTABLE_PATH', nonEmpty(env.PUPPETEER_EXECUTABLE_PATH), 'env'],
  ];
  for (const [where, value, source] of explicit) {
    if (value === undefined) {
      lookedFor.push(`${where}: not set`);
      continue;
    }
    const probe = await probeExecutable(value, platform);
    if (probe === 'ok') return { path: value, source };
    lookedFor.push(`${where}: ${value} (${probe})`);
    throw new BrowserNotFoundError(
      lookedFor,
      said('browserGiven', {
        where,
        probe: said(probe === 'not found' ? 'probeNotFound' : 'probeNotExecutable'),
        path: value,
        install: said('browserInstall'),
      }),
    );
  }

  const managed = await puppeteerCandidates(env, platform, options.env === undefined);
  for (const candidate of managed.paths) {
    const probe = await probeExecutable(candidate, platform);
    if (probe === 'ok') return { path: candidate, source: 'puppeteer' };
    lookedFor.push(`puppeteer's browser: ${candidate} (${probe})`);
  }
  lookedFor.push(...managed.notes);

  const system = [...(options.systemPaths ?? systemBrowserPaths(platform, env)), ...pathCandidates(platform, env)];
  for (const candidate of unique(system)) {
    const probe = await probeExecutable(candidate, platform);
    if (probe === 'ok') return { path: candidate, source: 'system' };
    lookedFor.push(`${candidate} (${probe})`);
  }

  throw new BrowserNotFoundError(lookedFor, said('browserInstall'));
}

/** The usual install locations of Chrome, Chromium and Edge for a platform. */
export function systemBrowserPaths(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined> = process.env,
): string[] {
  switch (platform) {
    case 'darwin': {
      const apps = [
        'Google Chrome.app/Contents/MacOS/Google Chrome',
        'Chromium.app/Contents/MacOS/Chromium',
        'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
        'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
      const home = env.HOME;
      return [
        ...apps.map((app) => path.posix.join('/Applications', app)),
        ...(home === undefined ? [] : apps.map((app) => path.posix.join(home, 'Applications', app))),
      ];
    }
    case 'win32': {
      const roots = [
        env.PROGRAMFILES ?? 'C:\\Program Files',
        env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
        env.LOCALAPPDATA,
      ];
      const exes = [
        'Google\\Chrome\\Application\\chrome.exe',
        'Chromium\\Application\\chrome.exe',
        'Microsoft\\Edge\\Application\\msedge.exe',
      ];
      return roots.flatMap((root) => (root === undefined ? [] : exes.map((exe) => path.win32.join(root, exe))));
    }
    default:
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/usr/bin/microsoft-edge',
        '/snap/bin/chromium',
        '/opt/google/chrome/chrome',
        '/usr/lib/chromium/chromium',
        '/usr/local/bin/chromium',
      ];
  }
}

/** The browser's usual command names, looked up on PATH (Nix, Homebrew, custom prefixes). */
function pathCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32' || platform === 'darwin') return [];
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  return dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
}

interface ManagedCandidates {
  paths: string[];
  notes: string[];
}

/** Browsers that puppeteer downloaded: the ones its configuration names, then any in its cache. */
async function puppeteerCandidates(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  readConfig: boolean,
): Promise<ManagedCandidates> {
  const paths: string[] = [];
  if (readConfig) {
    const { default: puppeteer } = await import('puppeteer');
    for (const headless of [true, 'shell'] as const) {
      try {
        paths.push(puppeteer.executablePath({ headless }));
      } catch {
        // puppeteer throws when it knows no path for that browser: nothing to look at.
      }
    }
  }
  const cacheDir =
    env.PUPPETEER_CACHE_DIR ?? path.join(env.HOME ?? env.USERPROFILE ?? homedir(), '.cache', 'puppeteer');
  const cached = await scanPuppeteerCache(cacheDir, platform);
  const notes = cached.length === 0 ? [`puppeteer's cache: ${cacheDir} (no browser installed)`] : [];
  return { paths: unique([...paths, ...cached]), notes };
}

/** `<cache>/chrome/<platform>-<version>/chrome-linux64/chrome` and the like, newest version first. */
async function scanPuppeteerCache(cacheDir: string, platform: NodeJS.Platform): Promise<string[]> {
  const layouts: Record<string, (folder: string) => string[]> = {
    chrome: (folder) => {
      if (platform === 'win32')
        return [path.join(folder, 'chrome-win64', 'chrome.exe'), path.join(folder, 'chrome-win32', 'chrome.exe')];
      if (platform === 'darwin') {
        const app = 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
        return [path.join(folder, 'chrome-mac-arm64', app), path.join(folder, 'chrome-mac-x64', app)];
      }
      return [path.join(folder, 'chrome-linux64', 'chrome')];
    },
    'chrome-headless-shell': (folder) => {
      const exe = platform === 'win32' ? 'chrome-headless-shell.exe' : 'chrome-headless-shell';
      const dirs =
        platform === 'win32'
          ? ['chrome-headless-shell-win64', 'chrome-headless-shell-win32']
          : platform === 'darwin'
            ? ['chrome-headless-shell-mac-arm64', 'chrome-headless-shell-mac-x64']
            : ['chrome-headless-shell-linux64'];
      return dirs.map((dir) => path.join(folder, dir, exe));
    },
  };
  const found: string[] = [];
  for (const [browser, layout] of Object.entries(layouts)) {
    const root = path.join(cacheDir, browser);
    let entries: string[];
    try {
      entries = await readdir(root);
    } catch {
      continue;
    }
    const versions = entries
      .map((name) => ({ name, version: name.slice(name.indexOf('-') + 1) }))
      .sort((a, b) => compareVersions(b.version, a.version));
    for (const { name } of versions) {
      for (const candidate of layout(path.join(root, name))) {
        if ((await probeExecutable(candidate, platform)) !== 'not found') found.push(candidate);
      }
    }
  }
  return found;
}

async function probeExecutable(file: string, platform: NodeJS.Platform): Promise<Probe> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return 'not found';
  } catch {
    return 'not found';
  }
  if (platform === 'win32') return 'ok';
  try {
    await access(file, constants.X_OK);
    return 'ok';
  } catch {
    return 'not executable';
  }
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (Number.isNaN(diff)) return a.localeCompare(b, 'en');
    if (diff !== 0) return diff;
  }
  return 0;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
