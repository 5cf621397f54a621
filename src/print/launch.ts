/**
 * Starting one Chromium, and stopping it whatever state it is in.
 *
 * Each browser gets a profile of its own, a `revue-browser-*` folder in the
 * temporary folder, removed when it stops. Chromium also keeps a folder of
 * its own in the temporary folder (`org.chromium.Chromium.*`, holding its
 * singleton socket), which it removes only when it is closed politely: for a
 * browser that crashed or was killed, it is removed too, found from the
 * profile's `SingletonSocket` link, which names it. (Pointing the browser's
 * TMPDIR into the profile would be simpler, but the socket's path then
 * exceeds the 107 bytes a Unix socket may have, and Chromium dies at start.)
 *
 * The network is cut below the page, so that no template, however it prints
 * the data, reaches anything (docs/security.md §3): request interception
 * (print-page.ts) does not see every connection Chromium makes. Measured on
 * Chromium 156 with a server on 127.0.0.1 (test/security/network.test.ts):
 * `<link rel=prefetch>` is fetched past interception, and preconnect,
 * iframe, object, embed and meta refresh open TCP connections before the
 * interception aborts their request. Hence, besides the page's
 * Content-Security-Policy:
 *
 * - `--host-resolver-rules=MAP * ~NOTFOUND`: no host name resolves, and IP
 *   literals (127.0.0.1) are mapped too; nothing is excluded, and the browser
 *   is driven over a pipe, so it needs no host at all;
 * - the profile's "preload pages" preference off (`network_prediction_options`
 *   2, "never"): no preconnect for links, frames or navigations.
 *
 * `--disable-features=` names for prefetch and preconnect (LinkPreconnect,
 * LinkPrefetch, LoadingPredictor, NoStatePrefetch, Prerender2) were tried on
 * Chromium 156 and changed nothing: they are not passed.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readlink, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';

export interface LaunchOptions {
  /** Milliseconds allowed to starting, and to each call to the browser. */
  timeout: number;
  /** Chromium's sandbox cannot start as root or without user namespaces. */
  noSandbox: boolean;
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The profile folder, removed by `stopBrowser`. */
  profile: string;
}

/** Chromium's flags for a quiet, self-contained, headless print server. */
const BASE_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // The same glyph advances on every machine, so line breaks don't move.
  '--font-render-hinting=none',
  // No name or address resolves (see above).
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** The profile's preferences: never preconnect or preload (see above). */
const PREFERENCES = { net: { network_prediction_options: 2 } };

/** Starts a browser; on failure nothing of it is left (puppeteer kills what it started; the profile is removed). */
export async function launchBrowser(executable: string, options: LaunchOptions): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'revue-browser-'));
  try {
    await mkdir(path.join(profile, 'Default'), { recursive: true });
    await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify(PREFERENCES));
    // Loaded when a browser is first needed: a rebuild with nothing to print never loads puppeteer (some 190 ms).
    const { default: puppeteer } = await import('puppeteer');
    const browser = await puppeteer.launch({
      executablePath: executable,
      // chrome-headless-shell only knows the old headless mode.
      headless: path.basename(executable).startsWith('chrome-headless-shell') ? 'shell' : true,
      // Talk over a pipe: no debugging port is opened on the machine.
      pipe: true,
      userDataDir: profile,
      args: [...BASE_ARGS, ...(options.noSandbox ? ['--no-sandbox'] : [])],
      timeout: options.timeout,
      // No call to the browser waits longer than this (puppeteer's default is 3 minutes).
      protocolTimeout: options.timeout,
      // Signals are the embedding program's: puppeteer's handlers would exit the process on Ctrl-C
      // (leaving the profile) or keep it running on SIGTERM. The build stops on its AbortSignal instead.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return { browser, profile };
  } catch (error: unknown) {
    await removeProfile(profile);
    throw error;
  }
}

/**
 * Closes the browser politely, then kills its whole process group if it is
 * still there (a hung or disconnected browser), waits for it to be gone and
 * removes its profile. Never throws; safe to call on a browser that died.
 */
export async function stopBrowser(launched: LaunchedBrowser): Promise<void> {
  const { browser } = launched;
  const child = browser.process();
  if (browser.connected)
    await within(
      CLOSE_MS,
      browser.close().catch(() => undefined),
    );
  if (child !== null && isRunning(child)) {
    kill(child);
    await within(CLOSE_MS, new Promise((resolve) => child.once('exit', resolve)));
  }
  await removeSingletonFolder(launched.profile);
  await removeProfile(launched.profile);
}

/** Chromium's folder beside the profile, as the profile's SingletonSocket link names it: its two files, then itself. */
async function removeSingletonFolder(profile: string): Promise<void> {
  const socket = await readlink(path.join(profile, 'SingletonSocket')).catch(() => undefined);
  if (socket === undefined || path.basename(socket) !== 'SingletonSocket') return;
  const folder = path.dirname(socket);
  await Promise.all(['SingletonSocket', 'SingletonCookie'].map((name) => rm(path.join(folder, name), { force: true })));
  await rmdir(folder).catch(() => undefined);
}

const CLOSE_MS = 5_000;

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** The browser's process group (puppeteer starts it detached, as a group of its own), else the process alone. */
function kill(child: ChildProcess): void {
  try {
    if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

async function removeProfile(profile: string): Promise<void> {
  await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

/** Waits for `work`, or `ms`, whichever comes first. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
