/**
 * One browser per build, launched on first use, with a bounded pool of pages
 * (marp-cli `src/browser/manager.ts`). A browser that crashes, or dies while
 * it starts, costs at most one relaunch and one retry of the jobs it took
 * with it (SPEC §8); one report's failure is never another's:
 *
 * - a job whose browser or page crashed under it is retried once, **alone**
 *   (no other job runs while it does, see gate.ts): if it is what crashed the
 *   browser, it crashes it again with no other report on board and fails by
 *   itself, and the jobs it took with the first crash print again;
 * - a launch that fails is retried once the same way, and never cached: the
 *   next job starts a browser again. Two launches failing in a row mean the
 *   browser cannot start here: every job still to print then fails at once
 *   with that reason, rather than each waiting on launches of its own;
 * - every browser the session started is stopped when it goes (crashed,
 *   worn out, or at `close()`): closed, else its process group killed, and
 *   its profile removed (launch.ts). `close()` on every exit path of a build
 *   (`await using`, and the build's AbortSignal) leaves no browser running.
 *
 * Pages are reused from print to print (JavaScript off, every request
 * aborted): opening a page costs a renderer process and a navigation. Each
 * print still starts from a new document (setContent). A page that has run
 * `pageReuse` jobs is closed and a fresh one opened, and the browser itself
 * is restarted (between jobs) after `browserReuse` jobs, so that a build's
 * memory stays flat however many reports it prints. A page whose job failed
 * is closed, never reused.
 *
 *     await using session = new BrowserSession({ concurrency: 4 });
 *     const pdf = await session.printPdf(html, { paper: 'A4', title });
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { Page } from 'puppeteer';
import { BrowserError, RevueError, UsageError, isRevueError } from '../errors.js';
import { findBrowser, type FoundBrowser } from './find-browser.js';
import { Gate } from './gate.js';
import { launchBrowser, stopBrowser, type LaunchedBrowser } from './launch.js';
import { setPdfInfo } from './pdf-metadata.js';
import { printOnPage, type PrintOptions, type PrintResult } from './print-page.js';
import { said } from '../messages/stage.js';

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
  /** Closes the session when aborted: the jobs in flight fail, no other starts. Default: none. */
  signal?: AbortSignal;
}

export interface BrowserSessionStats {
  /** Browsers started: 1, plus one for each crash that was recovered from. */
  launches: number;
  /** Launches that failed (the browser died or hung while it started). */
  launchFailures: number;
  /** Jobs run on a page (prints). */
  jobs: number;
  /** Jobs run a second time, alone, because the browser went away under them (or would not start). */
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

interface Running {
  launched: LaunchedBrowser;
  /** Jobs started on this browser. */
  jobs: number;
  /** Jobs on it now. */
  active: number;
  /** Replaced by a fresh browser (worn out): stopped once its last job is done. */
  retired?: boolean;
  /** Set once it is being stopped. */
  stopped?: Promise<void>;
}

/** A page waiting for its next print. */
interface IdlePage {
  page: Page;
  running: Running;
  jobs: number;
}

/** The browser (or the page's renderer) went away during a job, or would not start: worth one retry. */
class LostBrowserError extends Error {
  constructor(
    readonly reason: 'crash' | 'launch',
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

export class BrowserSession implements AsyncDisposable {
  readonly #options: BrowserSessionOptions;
  readonly #env: Record<string, string | undefined>;
  readonly #timeout: number;
  readonly #limit: LimitFunction;
  readonly #gate = new Gate();
  readonly #pageReuse: number;
  readonly #browserReuse: number;
  readonly #stats: BrowserSessionStats = {
    launches: 0,
    launchFailures: 0,
    jobs: 0,
    retries: 0,
    blockedRequests: 0,
    recycles: 0,
    launchMs: 0,
    printMs: 0,
  };
  /** Every browser started and not yet stopped. */
  readonly #open = new Set<Running>();
  #idle: IdlePage[] = [];
  #found: Promise<FoundBrowser> | undefined;
  #current: Promise<Running> | undefined;
  /** Launches failed since the last one that worked. */
  #failedLaunches = 0;
  /** Set after two launches failed in a row: the browser cannot start here. */
  #broken: BrowserError | undefined;
  #closing: Promise<void> | undefined;
  readonly #onAbort = (): void => void this.close();

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
    if (options.signal?.aborted === true) void this.close();
    else options.signal?.addEventListener('abort', this.#onAbort, { once: true });
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

  /**
   * Starts the browser now, if none is running, so that it is ready when the
   * first document comes (a build starts it while it draws its first charts).
   * A browser that cannot start is told by the first print, as without this.
   */
  warmUp(): void {
    if (this.#closing !== undefined || this.#broken !== undefined) return;
    this.#acquire().catch(() => undefined);
  }

  /**
   * Prints static HTML to PDF, and says which requests the page tried to make
   * (all aborted). Fails, for this document alone, when it is over the bounds
   * of print-page.ts (its size, its pages) or navigates away.
   */
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

  /** Stops every browser the session started and removes their profiles. Safe to call more than once. */
  close(): Promise<void> {
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * Runs a job on a page from the pool, launching the browser if need be. A
   * job that loses its browser (a crash, a failed launch) runs once more,
   * alone. Private: every public way in cuts the page's network.
   */
  #run<T>(job: PageJob<T>): Promise<T> {
    return this.#limit(async () => {
      this.#stats.jobs++;
      let crashes = 0;
      for (;;) {
        try {
          // After a crash the job runs alone: if it is what crashes the browser, it takes no other job with it.
          return await (crashes === 0
            ? this.#gate.shared(() => this.#attempt(job))
            : this.#gate.alone(() => this.#attempt(job)));
        } catch (error: unknown) {
          if (this.#closing !== undefined || !(error instanceof LostBrowserError)) throw error;
          if (error.reason === 'crash' && ++crashes > 1)
            throw new BrowserError(said('crashedTwice', { reason: error.message }), { cause: error });
          // A crash, or a launch that failed: once more. (Two launches failing in a row break the session,
          // and #acquire then fails at once: this loop ends.)
          this.#stats.retries++;
        }
      }
    });
  }

  async #attempt<T>(job: PageJob<T>): Promise<T> {
    const running = await this.#acquire();
    const { browser } = running.launched;
    running.jobs++;
    running.active++;
    const reused = this.#takeIdle(running);
    let page: Page | undefined = reused?.page;
    let keep = false;
    const started = performance.now();
    let onError: ((error: Error) => void) | undefined;
    try {
      page ??= await browser.newPage();
      page.setDefaultTimeout(this.#timeout);
      // A crashed renderer leaves the page's pending calls waiting: fail fast instead.
      const crashed = new Promise<never>((_, reject) => {
        onError = (error) => reject(new LostBrowserError('crash', `the page crashed (${error.message})`));
        page?.once('error', onError);
      });
      const result = await Promise.race([job(page), crashed]);
      keep = true;
      return result;
    } catch (error: unknown) {
      if (error instanceof LostBrowserError || isRevueError(error)) throw error;
      if (!browser.connected || isTargetClosed(error))
        throw new LostBrowserError('crash', message(error), { cause: error });
      throw error;
    } finally {
      this.#stats.printMs += performance.now() - started;
      running.active--;
      if (page !== undefined) {
        if (onError !== undefined) page.off('error', onError);
        // The next job brings its own listeners (print-page.ts).
        page.removeAllListeners('request');
        page.removeAllListeners('framenavigated');
        const jobs = (reused?.jobs ?? 0) + 1;
        if (keep && jobs < this.#pageReuse && browser.connected && running.retired !== true) {
          this.#idle.push({ page, running, jobs });
        } else {
          // The page may already be gone with its browser.
          await page.close().catch(() => undefined);
        }
      }
      if (running.retired === true && running.active === 0) await this.#stop(running);
    }
  }

  /** An idle page of this browser, if there is one. */
  #takeIdle(running: Running): IdlePage | undefined {
    const index = this.#idle.findIndex((idle) => idle.running === running);
    if (index === -1) return undefined;
    const [idle] = this.#idle.splice(index, 1);
    return idle;
  }

  /** The browser to run the next job on: the current one, or a new one if it is gone or worn out. */
  async #acquire(): Promise<Running> {
    if (this.#closing !== undefined) throw new BrowserError('The browser session is closed.');
    this.#failIfBroken();
    const current = this.#current;
    if (current !== undefined) {
      const running = await current.catch(() => undefined);
      if (running !== undefined) {
        const { browser } = running.launched;
        if (browser.connected && running.jobs < this.#browserReuse && running.retired !== true) return running;
        if (this.#current === current) {
          // Worn out: the next jobs go to a fresh browser; this one stops once its last job is done.
          // Gone: whatever is left of it is killed now.
          this.#current = undefined;
          running.retired = true;
          if (browser.connected) this.#stats.recycles++;
          if (!browser.connected || running.active === 0) void this.#stop(running);
        }
      } else if (this.#current === current) {
        // A failed launch is not kept: this job starts another (it was told of the failure on its first attempt).
        this.#current = undefined;
      }
    }
    // The first job to get here starts the next browser; the others share it. (Unless the launch
    // awaited above was the second to fail in a row.)
    this.#failIfBroken();
    this.#current ??= this.#launch();
    return await this.#current;
  }

  /** Two launches failed in a row: every job still to print fails at once, with that reason. */
  #failIfBroken(): void {
    if (this.#broken !== undefined) throw this.#broken;
  }

  async #launch(): Promise<Running> {
    const found = await this.browserPath();
    const started = performance.now();
    try {
      const launched = await launchBrowser(found.path, {
        timeout: this.#timeout,
        noSandbox: needsNoSandbox(this.#env),
      });
      this.#stats.launches++;
      this.#stats.launchMs += performance.now() - started;
      this.#failedLaunches = 0;
      const running: Running = { launched, jobs: 0, active: 0 };
      this.#open.add(running);
      // Closed while it started: stop it with the rest (#shutdown waits for this launch first).
      return running;
    } catch (error: unknown) {
      this.#stats.launchFailures++;
      this.#failedLaunches++;
      const failure = new BrowserError(said('browserNotStarted', { path: found.path, reason: message(error) }), {
        cause: error,
        hint: said('browserNotStartedHint', { path: found.path }),
      });
      if (this.#failedLaunches >= 2) {
        this.#broken = failure;
        throw failure;
      }
      throw new LostBrowserError('launch', failure.message, { cause: failure });
    }
  }

  /** Stops one browser (once): its idle pages closed, then the browser, its process and its profile. */
  #stop(running: Running): Promise<void> {
    running.stopped ??= (async () => {
      const pages = this.#idle.filter((idle) => idle.running === running);
      this.#idle = this.#idle.filter((idle) => idle.running !== running);
      await Promise.all(pages.map((idle) => idle.page.close().catch(() => undefined)));
      await stopBrowser(running.launched);
      this.#open.delete(running);
    })();
    return running.stopped;
  }

  async #shutdown(): Promise<void> {
    // A launch under way ends (its timeout bounds it) and is stopped with the others.
    await this.#current?.catch(() => undefined);
    this.#current = undefined;
    await Promise.all([...this.#open].map((running) => this.#stop(running)));
    this.#idle = [];
  }
}

/** Chromium's sandbox can't start as root; REVUE_NO_SANDBOX covers containers without user namespaces. */
function needsNoSandbox(env: Record<string, string | undefined>): boolean {
  const flag = env.REVUE_NO_SANDBOX;
  if (flag !== undefined && flag !== '' && flag !== '0' && flag.toLowerCase() !== 'false') return true;
  return process.getuid?.() === 0;
}

/**
 * The page's target went away: puppeteer's TargetCloseError (a ProtocolError,
 * not in its types), told by its name so that puppeteer is loaded only when a
 * browser is started.
 */
function isTargetClosed(error: unknown): boolean {
  return error instanceof Error && error.name === 'TargetCloseError';
}

function wrap(error: unknown, context: string): RevueError {
  if (isRevueError(error)) return error;
  return new BrowserError(said('browserFailed', { context, reason: message(error) }), { cause: error });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
