/**
 * Progress on stderr: a bar with the count and the time left on a terminal
 * (cli-progress), one plain line per report elsewhere (CI logs, pipes).
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../build.js';
import type { Console } from './context.js';

export interface Progress {
  update: (event: ProgressEvent) => void;
  stop: () => void;
}

export function createProgress(out: Console): Progress {
  const tty = out.io.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(event) {
      switch (event.kind) {
        case 'validated':
          out.diagnostics(event.diagnostics);
          break;
        case 'start':
          if (tty && event.total > 0) {
            bar = new cliProgress.SingleBar(
              {
                stream: out.io.stderr,
                format: ' {bar} {value}/{total} reports | {eta_formatted} left | {file}',
                hideCursor: true,
                clearOnComplete: true,
                etaBuffer: 20,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(event.total, 0, { file: '' });
          } else {
            out.say(`Building ${event.total} report${event.total === 1 ? '' : 's'} for ${event.year}`);
          }
          break;
        case 'report': {
          const file = path.relative(out.io.cwd, event.file);
          if (bar !== undefined) bar.update(event.done, { file });
          else
            out.say(
              `[${event.done}/${event.total}] ${({ written: 'wrote', skipped: 'up to date', failed: 'FAILED' } as const)[event.status]} ${file}`,
            );
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
