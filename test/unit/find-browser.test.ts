import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError } from '../../src/errors.js';
import { BROWSER_INSTALL_HINT, findBrowser, systemBrowserPaths } from '../../src/print/find-browser.js';

let root: string;
let exe: string;
let otherExe: string;
let notExecutable: string;
let emptyHome: string;

async function fakeExecutable(file: string, mode = 0o755): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\necho fake browser\n');
  await chmod(file, mode);
  return file;
}

/** An environment that points nowhere real, so the machine's own browsers never leak in. */
function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { HOME: emptyHome, PATH: '', PUPPETEER_CACHE_DIR: path.join(root, 'no-cache'), ...extra };
}

async function notFound(run: Promise<unknown>): Promise<BrowserNotFoundError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrowserNotFoundError);
  if (!(error instanceof BrowserNotFoundError)) throw new Error('unreachable');
  return error;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-find-browser-'));
  exe = await fakeExecutable(path.join(root, 'bin', 'chrome'));
  otherExe = await fakeExecutable(path.join(root, 'bin', 'chromium'));
  notExecutable = await fakeExecutable(path.join(root, 'bin', 'not-executable'), 0o644);
  emptyHome = path.join(root, 'home');
  await mkdir(emptyHome);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findBrowser', () => {
  it('takes the explicit option first', async () => {
    await expect(
      findBrowser({ executablePath: exe, env: env({ REVUE_BROWSER: otherExe }), systemPaths: [otherExe] }),
    ).resolves.toEqual({ path: exe, source: 'option' });
  });

  it('does not fall back when the explicit path does not exist, and names it', async () => {
    const missing = path.join(root, 'nope', 'chrome');
    const error = await notFound(
      findBrowser({ executablePath: missing, env: env({ REVUE_BROWSER: exe }), systemPaths: [exe] }),
    );
    expect(error.lookedFor).toEqual([`option executablePath: ${missing} (not found)`]);
    expect(error.hint).toContain(missing);
  });

  it('reads REVUE_BROWSER before PUPPETEER_EXECUTABLE_PATH', async () => {
    await expect(
      findBrowser({ env: env({ REVUE_BROWSER: exe, PUPPETEER_EXECUTABLE_PATH: otherExe }), systemPaths: [] }),
    ).resolves.toEqual({ path: exe, source: 'env' });
    await expect(findBrowser({ env: env({ PUPPETEER_EXECUTABLE_PATH: otherExe }), systemPaths: [] })).resolves.toEqual({
      path: otherExe,
      source: 'env',
    });
  });

  it('treats an environment variable that points at nothing as an error, not as unset', async () => {
    const error = await notFound(findBrowser({ env: env({ REVUE_BROWSER: notExecutable }), systemPaths: [exe] }));
    expect(error.lookedFor).toEqual([
      'option executablePath: not set',
      `REVUE_BROWSER: ${notExecutable} (not executable)`,
    ]);
  });

  it("finds the newest browser in puppeteer's cache", async () => {
    const cache = path.join(root, 'puppeteer-cache');
    await fakeExecutable(path.join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome'));
    const newest = await fakeExecutable(path.join(cache, 'chrome', 'linux-148.0.7778.97', 'chrome-linux64', 'chrome'));
    await fakeExecutable(
      path.join(
        cache,
        'chrome-headless-shell',
        'linux-148.0.7778.97',
        'chrome-headless-shell-linux64',
        'chrome-headless-shell',
      ),
    );
    await expect(
      findBrowser({ env: env({ PUPPETEER_CACHE_DIR: cache }), platform: 'linux', systemPaths: [exe] }),
    ).resolves.toEqual({ path: newest, source: 'puppeteer' });
  });

  it('falls back to the system locations, skipping what is missing or not executable', async () => {
    await expect(
      findBrowser({ env: env(), systemPaths: [path.join(root, 'missing'), notExecutable, otherExe, exe] }),
    ).resolves.toEqual({ path: otherExe, source: 'system' });
  });

  it('looks for the usual command names on PATH', async () => {
    const dir = path.join(root, 'path-bin');
    const onPath = await fakeExecutable(path.join(dir, 'chromium-browser'));
    await expect(findBrowser({ env: env({ PATH: dir }), platform: 'linux', systemPaths: [] })).resolves.toEqual({
      path: onPath,
      source: 'system',
    });
  });

  it('says everywhere it looked, and how to get a browser, when there is none', async () => {
    const missing = path.join(root, 'missing-chromium');
    const error = await notFound(findBrowser({ env: env(), systemPaths: [missing, notExecutable] }));
    expect(error.code).toBe('BROWSER_NOT_FOUND');
    expect(error.lookedFor).toEqual([
      'option executablePath: not set',
      'REVUE_BROWSER: not set',
      'PUPPETEER_EXECUTABLE_PATH: not set',
      `puppeteer's cache: ${path.join(root, 'no-cache')} (no browser installed)`,
      `${missing} (not found)`,
      `${notExecutable} (not executable)`,
    ]);
    expect(error.hint).toBe(BROWSER_INSTALL_HINT);
    for (const way of [
      'npm run browser',
      'apt-get install chromium',
      'npx puppeteer browsers install chrome-headless-shell',
      'REVUE_BROWSER',
    ]) {
      expect(error.hint).toContain(way);
    }
  });
});

describe('systemBrowserPaths', () => {
  it('knows the Linux packages and snaps', () => {
    expect(systemBrowserPaths('linux')).toEqual(
      expect.arrayContaining([
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium',
        '/opt/google/chrome/chrome',
      ]),
    );
  });

  it('knows the macOS applications, system-wide and per user', () => {
    const paths = systemBrowserPaths('darwin', { HOME: '/Users/ana' });
    expect(paths).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(paths).toContain('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('reads the Windows program folders from the environment', () => {
    const paths = systemBrowserPaths('win32', {
      PROGRAMFILES: 'D:\\Apps',
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
    });
    expect(paths).toContain('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(paths).toContain('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
  });
});
