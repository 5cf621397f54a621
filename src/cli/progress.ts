/**
 * Progress on stderr: a bar with the count and the time left on a terminal
 * (cli-progress), one plain line per report elsewhere (CI logs, pipes) and
 * with NO_COLOR (the bar moves the cursor with ANSI codes). Nothing with
 * `--quiet`.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../build.js';
import type { Console } from './context.js';
import { reportDiagnostics, type Verbosity } from './report-diagnostics.js';

export interface Progress {
  update: (event: ProgressEvent) => void;
  stop: () => void;
}

/** `year`: the year asked for, or the latest year folder, for the warnings of the other years (report-diagnostics.ts). */
export function createProgress(out: Console, year: number | null, verbosity: Verbosity): Progress {
  let bar: cliProgress.SingleBar | undefined;
  const { t } = out;
  return {
    update(event) {
      switch (event.kind) {
        case 'validated':
          reportDiagnostics(out, event.diagnostics, year, verbosity);
          break;
        case 'start':
          if (verbosity.quiet) break;
          if (out.colors && event.total > 0) {
            bar = new cliProgress.SingleBar(
              {
                stream: out.io.stderr,
                format: t.barFormat,
                hideCursor: true,
                clearOnComplete: true,
                etaBuffer: 20,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(event.total, 0, { file: '' });
          } else {
            out.say(t.building({ total: event.total, year: event.year }));
          }
          break;
        case 'report': {
          if (verbosity.quiet) break;
          const file = path.relative(out.io.cwd, event.file);
          if (bar !== undefined) bar.update(event.done, { file });
          else out.say(`[${event.done}/${event.total}] ${t[event.status]} ${file}`);
          break;
        }
      }
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
