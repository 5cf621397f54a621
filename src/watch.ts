/**
 * `revue build --watch`: build, then build again each time a file the
 * reports depend on is saved — the data folder (rep files, framework.yaml and
 * the logo beside it) and the templates folder. An invalid intermediate state
 * (a half-typed file) is reported and the previous reports stay as they are;
 * watching goes on until the signal aborts.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from './build.js';
import { BrowserSession } from './print/browser.js';

export interface WatchOptions extends BuildOptions {
  /** Stops watching when aborted (Ctrl-C); the build in progress, if any, ends first. Default: watch until the process ends. */
  signal?: AbortSignal;
  /** Quiet time after the last change before rebuilding, in milliseconds. Default: 200. */
  debounceMs?: number;
}

export interface WatchEvents {
  /** After every build, valid or not: `result.ok` is false and `result.diagnostics` say why when the data is invalid. */
  onBuild(result: BuildResult): void;
  /** A build that threw (a broken template, a rep that no longer exists, no browser): watching goes on. */
  onError(error: unknown): void;
  /** A change was seen and a build is about to start; `files` are the changed paths. Optional. */
  onChange?(files: string[]): void;
}

/**
 * Builds, then rebuilds on every change until `options.signal` aborts; the
 * promise resolves once watching has stopped and no build is running.
 * Changes made during a build are gathered into one more build after it.
 * Rejects only when the folders cannot be watched at all.
 */
export async function watchBuild(options: WatchOptions, events: WatchEvents): Promise<void> {
  const { signal, debounceMs = 200, ...given } = options;
  // One browser for every build (SPEC §7, issue 14): started on the first print, kept warm between saves.
  const own = given.session === undefined && given.htmlOnly !== true ? watchSession(given, signal) : undefined;
  const buildOptions: BuildOptions = own === undefined ? given : { ...given, session: own };
  const data = path.resolve(buildOptions.data ?? 'data');
  const templates = path.resolve(buildOptions.templates ?? path.join(path.dirname(data), 'templates'));
  const out = path.resolve(buildOptions.out ?? 'output');

  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const runBuilds = async (): Promise<void> => {
    do {
      again = false;
      const files = [...changed];
      changed.clear();
      if (files.length > 0) events.onChange?.(files);
      try {
        events.onBuild(await build(buildOptions));
      } catch (error: unknown) {
        events.onError(error);
      }
    } while (again && signal?.aborted !== true);
  };
  const start = (): void => {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = runBuilds().finally(() => {
      running = undefined;
    });
  };
  const schedule = (file: string, name: string): void => {
    if (signal?.aborted === true || isInside(file, out) || isNoise(name)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  // Watch first, then build: a file saved during the first build is not missed.
  const watchers = new Set<FSWatcher>();
  const stop = (): void => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    watchers.clear();
  };
  /** Calls `onEvent` with the changed path and its name relative to `dir`; undefined when `dir` does not exist. */
  const follow = (
    dir: string,
    recursive: boolean,
    onEvent: (file: string, name: string) => void,
  ): FSWatcher | undefined => {
    try {
      const watcher = watch(dir, { recursive, persistent: true }, (_event, name) => {
        const relative = name === null ? '' : name.toString();
        onEvent(path.join(dir, relative), relative);
      });
      watcher.on('error', (error: unknown) => events.onError(error));
      watchers.add(watcher);
      return watcher;
    } catch (error: unknown) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    }
  };

  let templatesWatcher: FSWatcher | undefined;
  try {
    follow(data, true, schedule);
    // The templates folder is optional and may be created or deleted while watching: follow it from its parent too.
    if (await isDirectory(templates)) templatesWatcher = follow(templates, true, schedule);
    follow(path.dirname(templates), false, (file, name) => {
      if (file !== templates) return;
      isDirectory(templates)
        .then((present) => {
          if (signal?.aborted === true) return;
          if (present && templatesWatcher === undefined) templatesWatcher = follow(templates, true, schedule);
          if (!present && templatesWatcher !== undefined) {
            templatesWatcher.close();
            watchers.delete(templatesWatcher);
            templatesWatcher = undefined;
          }
          schedule(file, name);
        })
        .catch((error: unknown) => events.onError(error));
    });
  } catch (error: unknown) {
    stop();
    await own?.close();
    throw error;
  }

  start();
  await new Promise<void>((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  stop();
  await running;
  await own?.close();
}

function watchSession(options: BuildOptions, signal: AbortSignal | undefined): BrowserSession {
  return new BrowserSession({
    ...(signal === undefined ? {} : { signal }),
    ...(options.browser === undefined ? {} : { executablePath: options.browser }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * What no report depends on: hidden files and folders (the loader skips them,
 * and caches live there) and editors' swap and backup files — saving
 * `alice-martin.yaml` in vim also touches `.alice-martin.yaml.swp` and `4913`.
 */
function isNoise(name: string): boolean {
  const segments = name.split(/[\\/]/);
  const base = segments[segments.length - 1] ?? '';
  return (
    segments.some((s) => s.startsWith('.')) || base.endsWith('~') || /\.(swp|swx|tmp)$/.test(base) || base === '4913'
  );
}

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() === true;
}
