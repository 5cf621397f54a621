/** What the security tests share: processes, files and the browser session's counters. */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { vi } from 'vitest';
import { BrowserSession, type BrowserSessionStats } from '../../src/print/browser.js';

/** Every file under `dir`, relative, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  args: string[];
}

/** The processes of this machine, read from /proc (Linux). */
export function processes(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8')
        .split('\0')
        .filter((a) => a !== '');
      out.push({ pid: Number(name), ppid, args });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The browsers revue started from this process: Chromium's main process, with its temporary profile. */
export function browsersOf(parent: number): ProcessInfo[] {
  return processes().filter(
    (p) => p.ppid === parent && p.args.some((a) => a.startsWith('--user-data-dir=') && a.includes('revue-browser-')),
  );
}

/** Every process (whatever its parent) whose command line mentions `text`. */
export function processesMentioning(text: string): ProcessInfo[] {
  return processes().filter((p) => p.pid !== process.pid && p.args.some((a) => a.includes(text)));
}

/**
 * Records each browser session's counters as it closes (the build opens and
 * closes its own session, so the test cannot ask it directly). Returns what
 * gives the counters of the sessions closed so far, in the order they closed;
 * `vi.restoreAllMocks()` undoes it.
 */
export function recordSessionStats(): () => BrowserSessionStats[] {
  const close = vi.spyOn(BrowserSession.prototype, 'close');
  // A session's counters do not move once it is closing: reading them later gives what they were then.
  return () => close.mock.contexts.filter((session) => session instanceof BrowserSession).map((s) => s.stats);
}
