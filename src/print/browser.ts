/**
 * One browser per build, launched on first use, with a bounded pool of pages
 * (marp-cli `src/browser/manager.ts`). A browser that crashes costs at most one
 * relaunch and one retry of the jobs that were in flight (SPEC §8).
 *
 * Pages are reused from print to print (JavaScript off, every request
 * aborted): opening a page costs a renderer process and a navigation. Each
 * print still starts from a new document (setContent). A page that has run
 * `pageReuse` jobs is closed and a fresh
 * one opened, and the browser itself is restarted (between jobs) after
 * `browserReuse` jobs, so that a build's memory stays flat however many
 * reports it prints.
 *
 *     await using session = new BrowserSession({ concurrency: 4 });
 *     const pdf = await session.printPdf(html, { paper: 'A4', title });
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import puppeteer, { ProtocolError, type Browser, type Page } from 'puppeteer';
import { BrowserError, RevueError, UsageError, isRevueError } from '../errors.js';
import { findBrowser, type FoundBrowser } from './find-browser.js';
import { setPdfInfo } from './pdf-metadata.js';
import { printOnPage, type PrintOptions, type PrintResult } from './print-page.js';

export interface BrowserSessionOptions {
  /** The browser to run. Default: the first one `findBrowser` finds. */
  executablePath?: string;
  /** How many pages work at the same time. Default: 2. */
  concurrency?: number;
  /** Where to read REVUE_BROWSER, REVUE_NO_SANDBOX, … from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** Milliseconds allowed to launching and to each page operation. Default: 60 000. */
  timeout?: number;
  /** Jobs a page runs before it is replaced by a fresh one (a renderer grows a little with each document). Default: 40. */
  pageReuse?: number;
  /** Jobs a browser runs before it is restarted (between jobs). Default: 400. */
  browserReuse?: number;
}

export interface BrowserSessionStats {
  /** Browsers started: 1, plus one for each crash that was recovered from. */
  launches: number;
  /** Jobs run on a page (prints). */
  jobs: number;
  /** Jobs run a second time because the browser went away under them. */
  retries: number;
  /** Requests the pages tried to make and that were aborted, over the session. */
  blockedRequests: number;
  /** Browsers restarted on purpose, to bound memory (see `browserReuse`). */
  recycles: number;
  /** Milliseconds spent launching browsers. */
  launchMs: number;
  /** Milliseconds pages spent printing, summed over pages (they work in parallel). */
  printMs: number;
}

/** Something to do on a page; the page is released when it settles (closed, or kept for the next print). */
type PageJob<T> = (page: Page) => Promise<T>;

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
];

interface Running {
  browser: Browser;
  userDataDir: string;
  /** Jobs started on this browser. */
  jobs: number;
  /** Jobs on it now. */
  active: number;
}

/** A page waiting for its next print. */
interface IdlePage {
  page: Page;
  running: Running;
  jobs: number;
}

class PageCrashedError extends Error {}

export class BrowserSession implements AsyncDisposable {
  readonly #options: BrowserSessionOptions;
  readonly #env: Record<string, string | undefined>;
  readonly #timeout: number;
  readonly #limit: LimitFunction;
  readonly #pageReuse: number;
  readonly #browserReuse: number;
  readonly #stats: BrowserSessionStats = {
    launches: 0,
    jobs: 0,
    retries: 0,
    blockedRequests: 0,
    recycles: 0,
    launchMs: 0,
    printMs: 0,
  };
  readonly #userDataDirs = new Set<string>();
  #idle: IdlePage[] = [];
  readonly #retiring = new Set<Running>();
  #found: Promise<FoundBrowser> | undefined;
  #current: Promise<Running> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: BrowserSessionOptions = {}) {
    const concurrency = options.concurrency ?? 2;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new UsageError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
    }
    this.#options = options;
    this.#env = options.env ?? process.env;
    this.#timeout = options.timeout ?? 60_000;
    this.#pageReuse = Math.max(1, options.pageReuse ?? 40);
    this.#browserReuse = Math.max(1, options.browserReuse ?? 400);
    this.#limit = pLimit(concurrency);
  }

  /** Figures about the session so far (a copy). */
  get stats(): BrowserSessionStats {
    return { ...this.#stats };
  }

  /** The browser this session runs (or will run), found on first call. */
  browserPath(): Promise<FoundBrowser> {
    this.#found ??= findBrowser({
      ...(this.#options.executablePath === undefined ? {} : { executablePath: this.#options.executablePath }),
      ...(this.#options.env === undefined ? {} : { env: this.#options.env }),
    });
    return this.#found;
  }

  /** Prints static HTML to PDF, and says which requests the page tried to make (all aborted). */
  async print(html: string, options: PrintOptions): Promise<PrintResult> {
    try {
      const result = await this.#run((page) => printOnPage(page, html, options));
      this.#stats.blockedRequests += result.blockedRequests.length;
      return result;
    } catch (error: unknown) {
      throw wrap(error, `Printing "${options.title}" failed`);
    }
  }

  /** Prints static HTML to PDF (see `print`), with the title and the metadata of `options` set in it. */
  async printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
    const { pdf } = await this.print(html, options);
    return options.metadata === undefined ? pdf : setPdfInfo(pdf, { title: options.title, ...options.metadata });
  }

  /** Closes the browser and removes its profile. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * Runs a job on a page from the pool, launching the browser on first use.
   * If the browser goes away during the job, it is relaunched and the job is
   * run once more. Private: every public way in cuts the page's network.
   */
  #run<T>(job: PageJob<T>): Promise<T> {
    return this.#limit(async () => {
      this.#stats.jobs++;
      const first = await this.#acquire();
      try {
        return await this.#attempt(first, job);
      } catch (error: unknown) {
        if (this.#closing !== undefined || !isCrash(error, first.browser)) throw error;
        this.#stats.retries++;
      }
      return await this.#attempt(await this.#acquire(), job);
    });
  }

  async #attempt<T>(running: Running, job: PageJob<T>): Promise<T> {
    running.jobs++;
    running.active++;
    const reused = this.#takeIdle(running);
    let page: Page | undefined = reused?.page;
    let keep = false;
    const started = performance.now();
    let onError: ((error: Error) => void) | undefined;
    try {
      page ??= await running.browser.newPage();
      page.setDefaultTimeout(this.#timeout);
      // A crashed renderer leaves the page's pending calls waiting: fail fast instead.
      const crashed = new Promise<never>((_, reject) => {
        onError = (error) => reject(new PageCrashedError(error.message));
        page?.once('error', onError);
      });
      const result = await Promise.race([job(page), crashed]);
      keep = true;
      return result;
    } finally {
      this.#stats.printMs += performance.now() - started;
      running.active--;
      if (page !== undefined) {
        if (onError !== undefined) page.off('error', onError);
        // The next job brings its own request listener (blockRequests).
        page.removeAllListeners('request');
        const jobs = (reused?.jobs ?? 0) + 1;
        if (keep && jobs < this.#pageReuse && running.browser.connected && running.jobs < this.#browserReuse) {
          this.#idle.push({ page, running, jobs });
        } else {
          // The page may already be gone with its browser.
          await page.close().catch(() => undefined);
        }
      }
      await this.#closeIfRetired(running);
    }
  }

  /** An idle page of this browser, if there is one. */
  #takeIdle(running: Running): IdlePage | undefined {
    const index = this.#idle.findIndex((idle) => idle.running === running);
    if (index === -1) return undefined;
    const [idle] = this.#idle.splice(index, 1);
    return idle;
  }

  /** Closes a worn-out browser once its last job is done (see `#acquire`). */
  async #closeIfRetired(running: Running): Promise<void> {
    if (running.active > 0 || !this.#retiring.delete(running)) return;
    const pages = this.#idle.filter((idle) => idle.running === running);
    this.#idle = this.#idle.filter((idle) => idle.running !== running);
    await Promise.all(pages.map((idle) => idle.page.close().catch(() => undefined)));
    await closeBrowser(running.browser);
    await this.#removeProfile(running.userDataDir);
  }

  async #acquire(): Promise<Running> {
    if (this.#closing !== undefined) throw new BrowserError('The browser session is closed.');
    const current = this.#current;
    if (current !== undefined) {
      const running = await current;
      if (running.browser.connected && running.jobs < this.#browserReuse) return running;
      if (running.browser.connected) {
        // Worn out: the next jobs go to a fresh browser; this one closes when its last job is done.
        if (this.#current === current) {
          this.#current = undefined;
          this.#stats.recycles++;
          this.#retiring.add(running);
          void this.#closeIfRetired(running);
        }
        this.#current ??= this.#launch();
        return await this.#current;
      }
      // Gone: the first job to notice starts the next browser, the others share it.
      if (this.#current === current) {
        this.#current = undefined;
        this.#idle = this.#idle.filter((idle) => idle.running !== running);
        void this.#removeProfile(running.userDataDir);
      }
    }
    this.#current ??= this.#launch();
    return await this.#current;
  }

  async #launch(): Promise<Running> {
    const found = await this.browserPath();
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'revue-browser-'));
    this.#userDataDirs.add(userDataDir);
    const started = performance.now();
    try {
      const browser = await puppeteer.launch({
        executablePath: found.path,
        // chrome-headless-shell only knows the old headless mode.
        headless: path.basename(found.path).startsWith('chrome-headless-shell') ? 'shell' : true,
        // Talk over a pipe: no debugging port is opened on the machine.
        pipe: true,
        userDataDir,
        args: [...BASE_ARGS, ...(needsNoSandbox(this.#env) ? ['--no-sandbox'] : [])],
        timeout: this.#timeout,
      });
      this.#stats.launches++;
      this.#stats.launchMs += performance.now() - started;
      return { browser, userDataDir, jobs: 0, active: 0 };
    } catch (error: unknown) {
      await this.#removeProfile(userDataDir);
      throw new BrowserError(`Could not start the browser at ${found.path}: ${message(error)}`, {
        cause: error,
        hint:
          'Check that this browser runs on this machine (e.g. `' +
          found.path +
          ' --headless --version`). ' +
          'As root, or in a container without user namespaces, set REVUE_NO_SANDBOX=1. ' +
          'Another browser can be chosen with REVUE_BROWSER.',
      });
    }
  }

  async #shutdown(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (current !== undefined) {
      const running = await current.catch(() => undefined);
      if (running !== undefined) await closeBrowser(running.browser);
    }
    await Promise.all([...this.#retiring].map((running) => closeBrowser(running.browser)));
    this.#retiring.clear();
    this.#idle = [];
    await Promise.all([...this.#userDataDirs].map((dir) => this.#removeProfile(dir)));
  }

  async #removeProfile(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    this.#userDataDirs.delete(dir);
  }
}

/** Chromium's sandbox can't start as root; REVUE_NO_SANDBOX covers containers without user namespaces. */
function needsNoSandbox(env: Record<string, string | undefined>): boolean {
  const flag = env.REVUE_NO_SANDBOX;
  if (flag !== undefined && flag !== '' && flag !== '0' && flag.toLowerCase() !== 'false') return true;
  return process.getuid?.() === 0;
}

/** The browser or the page's target went away (puppeteer's TargetCloseError is not in its types). */
function isCrash(error: unknown, browser: Browser): boolean {
  if (!browser.connected || error instanceof PageCrashedError) return true;
  return error instanceof ProtocolError && error.name === 'TargetCloseError';
}

/** Closes politely, then kills: a hung browser must not hang the build. */
async function closeBrowser(browser: Browser): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 5_000);
  });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timedOut]);
    if (outcome === 'timeout') browser.process()?.kill('SIGKILL');
  } catch {
    browser.process()?.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}

function wrap(error: unknown, context: string): RevueError {
  if (isRevueError(error)) return error;
  return new BrowserError(`${context}: ${message(error)}`, { cause: error });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
