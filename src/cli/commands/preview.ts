/**
 * `revue preview` (SPEC §7, issue 14): the HTML reports built into
 * `<out>/.preview`, served on 127.0.0.1 (preview/server.ts), rebuilt on every
 * save (watch.ts: only what changed) and reloaded in the open page through
 * server-sent events. An invalid save shows its diagnostics at the top of the
 * page, above the last good report. Each report page links to its PDF,
 * printed on demand by a browser kept open for the whole session.
 *
 * The preview has its own folder: its HTML build never touches the PDFs
 * and the manifest of `revue build` in `<out>/<year>`.
 */
import path from 'node:path';
import type { ParsedArgs } from 'citty';
import type { BuildOptions, BuildResult, ProgressEvent } from '../../build.js';
import { build } from '../../build.js';
import { inLocale, isRevueError, UsageError } from '../../errors.js';
import type { Diagnostic } from '../../model/dataset.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server.js';
import { BrowserSession } from '../../print/browser.js';
import { watchBuild } from '../../watch.js';
import { writeFileAtomic } from '../../write/atomic.js';
import type { Console } from '../context.js';
import { boundHeapGrowth } from '../heap.js';
import { EXIT, type ExitCode } from '../exit.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { reasonOf } from '../say-error.js';
import { parseDate, parseYear, sourceDateEpoch } from '../values.js';
import { buildDateOf } from './build-date.js';
import type { previewSpec } from './specs.js';

/** A report's page as served: `2026/reps/alice-martin.html`, `2026/teams/paris-sud.html`, `2026/organisation.html`. */
const REPORT_PAGE = /^(\d{4})\/((?:reps|teams)\/[^/]+|organisation)\.html$/;
/** Its PDF, printed on demand: `pdf/2026/reps/alice-martin.pdf`. */
const REPORT_PDF = /^pdf\/(\d{4})\/((?:reps|teams)\/[^/]+|organisation)\.pdf$/;

export async function run(
  args: ParsedArgs<(typeof previewSpec)['args']>,
  _raw: readonly string[],
  out: Console,
): Promise<ExitCode> {
  boundHeapGrowth();
  const { t } = out;
  const year = parseYear(t, args.year);
  const port = args.port === undefined ? 4173 : parsePort(args.port, out);
  const epoch = sourceDateEpoch(t, out.io.env);
  const asOf = buildDateOf(parseDate(t, out.locale, args['as-of']), epoch);
  const { data, found } = out.workspace;
  const outDir = args.out ?? (found ? path.join(path.dirname(path.resolve(out.io.cwd, data)), 'output') : 'output');
  const root = path.join(outDir, '.preview');
  const common: BuildOptions = {
    data,
    ...(year === undefined ? {} : { year }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(epoch === undefined ? {} : { sourceDateEpoch: epoch }),
    ...(args.templates === undefined ? {} : { templates: args.templates }),
    env: out.io.env,
  };

  const stop = new AbortController();
  out.io.onInterrupt?.(() => stop.abort());
  // The browser prints the PDFs asked for, and stays open between them.
  await using session = new BrowserSession({ signal: stop.signal, env: out.io.env });
  let problem: { diagnostics: Diagnostic[] } | { message: string } | undefined;
  let printing: Promise<unknown> = Promise.resolve();
  const printPdf = (relative: string): Promise<void> | undefined => {
    const match = REPORT_PDF.exec(relative);
    if (match === null) return undefined;
    const [, pdfYear = '', file = ''] = match;
    const rep = file.startsWith('reps/') ? file.slice('reps/'.length) : undefined;
    const job = printing.then(async () => {
      const result = await build({
        ...common,
        year: Number(pdfYear),
        out: path.join(root, 'pdf'),
        ...(rep === undefined ? {} : { reps: [rep] }),
        session,
      });
      if (!result.ok) throw new Error(t.previewInvalid({ errors: errorsOf(result).length }));
      const failed = result.reports.find((r) => r.status === 'failed');
      if (failed !== undefined) throw new Error(reasonOf(out, failed.error));
    });
    printing = job.catch(() => undefined);
    return job;
  };

  await mkdirFor(root);
  let server: PreviewServer;
  try {
    server = await startPreviewServer({
      root,
      port,
      banner: (page) => bannerOf(page, problem, out),
      onDemand: printPdf,
    });
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
      throw new UsageError(t.previewPortInUse({ port }), { hint: t.previewPortHint });
    throw error;
  }
  let announced = false;
  let redirected = false;
  /** After each build: the root of the server opens the year's index (once the year is known); the URL is said once. */
  const announce = async (result: BuildResult | undefined) => {
    const shown = result?.year ?? year;
    if (!redirected && shown !== undefined && shown !== null) {
      redirected = true;
      await writeFileAtomic(
        path.join(root, 'index.html'),
        `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${shown}/index.html"><title>revue</title><body></body>`,
      );
    }
    if (announced) return;
    announced = true;
    out.print(t.previewServing({ url: server.url }));
  };

  // Each report's page reloads as soon as it is written, not at the end of the build (the index, the
  // other reports); a change of the banner (an invalid save, then a good one) reloads every page.
  const pageOf = (file: string) => `/${path.relative(root, file).split(path.sep).join('/')}`;
  const onProgress = (event: ProgressEvent) => {
    if (event.kind === 'report' && event.status === 'written' && problem === undefined)
      server.reload([pageOf(event.file)]);
  };
  try {
    await watchBuild(
      // A short quiet time: a build started on half a save is followed by another (watch.ts gathers them).
      { ...common, htmlOnly: true, out: root, signal: stop.signal, debounceMs: 30, onProgress },
      {
        onChange: (files) =>
          out.say(out.style.dim(t.changed({ files: files.map((f) => path.relative(out.io.cwd, f)) }))),
        onBuild: (result) => {
          const before = problem;
          problem = result.ok ? undefined : { diagnostics: errorsOf(result) };
          if (!result.ok)
            for (const d of errorsOf(result)) out.say(formatDiagnostic(d, { excerpt: false, style: out.style, t }));
          const index = result.index === null ? [] : [pageOf(result.index), '/'];
          void announce(result).then(() =>
            before === undefined && problem === undefined ? server.reload(index) : server.reload(),
          );
        },
        onError: (error) => {
          const message = isRevueError(error)
            ? inLocale(error, out.locale).message
            : error instanceof Error
              ? error.message
              : String(error);
          problem = { message };
          out.say(t.labelled({ label: out.style.red(t.error), text: message }));
          void announce(undefined).then(() => server.reload());
        },
      },
    );
  } finally {
    await server.close();
    await printing;
  }
  out.say(t.previewStopped);
  return EXIT.ok;
}

function errorsOf(result: BuildResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}

function parsePort(value: string, out: Console): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(out.t.expectsWholeNumber({ option: '--port', value }));
  return port;
}

async function mkdirFor(dir: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** What the top of a served page shows: the diagnostics of an invalid save, and a report's link to its PDF. */
function bannerOf(
  page: string,
  problem: { diagnostics: Diagnostic[] } | { message: string } | undefined,
  out: Console,
): string {
  const { t } = out;
  const parts: string[] = [];
  const box = 'font:13px/1.4 system-ui,sans-serif;margin:0;padding:8px 12px;';
  if (problem !== undefined) {
    const heading =
      'diagnostics' in problem ? t.previewInvalid({ errors: problem.diagnostics.length }) : t.previewBuildFailed;
    const detail =
      'diagnostics' in problem
        ? problem.diagnostics.map((d) => formatDiagnostic(d, { excerpt: true, t })).join('\n')
        : problem.message;
    parts.push(
      `<div class="revue-diagnostics" role="alert" style="${box}background:#fdecea;color:#611a15;border-bottom:2px solid #b3261e">` +
        `<strong>${escapeHtml(heading)}</strong><pre style="white-space:pre-wrap;margin:6px 0 0">${escapeHtml(detail)}</pre></div>`,
    );
  }
  const report = REPORT_PAGE.exec(page);
  if (report !== null) {
    const href = `/pdf/${report[1] ?? ''}/${report[2] ?? ''}.pdf?print`;
    parts.push(
      `<div class="revue-preview-bar" style="${box}text-align:right;background:#f3f5f8;border-bottom:1px solid #d0d7de">` +
        `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(t.previewPrint)}</a></div>`,
    );
  }
  return parts.join('');
}
