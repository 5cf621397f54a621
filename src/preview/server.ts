/**
 * The server of `revue preview` (SPEC §7): Node's own http server, listening
 * on 127.0.0.1 only, serving the files of one folder and nothing else, and
 * telling the open pages to reload through server-sent events.
 *
 * Node's http is enough here: four routes, no body to parse, and every check
 * that matters (what may be served) is revue's own either way.
 *
 * The reload script is added to the HTML as it is served, never to the files
 * on disk (and so never to a printed PDF); each response carries a Content
 * Security Policy that allows that script alone (by its digest), the page's
 * inline styles and its data: fonts and images, and connections back to this
 * server only.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';

/** Where the pages listen for "reload". */
export const EVENTS_PATH = '/__revue/events';

/** Reloads the page when told to: every page (no data), or the pages listed (their paths, space-separated). */
const RELOAD_SCRIPT = `new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload', (e) => { if (e.data === '' || e.data.split(' ').includes(location.pathname)) location.reload(); });`;
const SCRIPT_HASH = createHash('sha256').update(RELOAD_SCRIPT).digest('base64');
const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "connect-src 'self'",
  `script-src 'sha256-${SCRIPT_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface PreviewServerOptions {
  /** The folder served: nothing outside it is ever read. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * HTML shown at the top of every page served, e.g. the diagnostics of an
   * invalid save or a link to the page's PDF (already escaped by the caller);
   * '' for none. Given the page's path, relative to the root with `/`.
   */
  banner: (page: string) => string;
  /**
   * Makes a file on demand (the PDF of a report): given the path asked for,
   * relative to the root with `/`, resolves once the file is there, or rejects
   * with a message to show. Undefined: nothing is made on demand.
   */
  onDemand?: (relative: string) => Promise<void> | undefined;
}

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /**
   * Tells the open pages to reload: every one, or only those showing one of
   * `pages` (paths from the root, `/2026/reps/ann.html`), so that a save
   * reloads the report it changed as soon as that report is written.
   */
  reload: (pages?: readonly string[]) => void;
  close: () => Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const root = await realpath(options.root);
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(request, response, root, options, clients).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `revue preview: ${String(error)}`);
      else response.end();
    });
  });
  await listen(server, options.port);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    reload: (pages) => {
      // Paths as the pages' location.pathname reads them; a space or line break in one would split the list.
      const data = pages === undefined ? '' : pages.map((page) => encodeURI(page)).join(' ');
      for (const client of clients) client.write(`event: reload\ndata: ${data}\n\n`);
    },
    close: async () => {
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the reports hold people's reviews; nothing listens on another interface.
    server.listen({ host: '127.0.0.1', port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  options: PreviewServerOptions,
  clients: Set<ServerResponse>,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only');
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === EVENTS_PATH) return subscribe(request, response, clients);
  const relative = servedPath(url.pathname);
  if (relative === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  if (options.onDemand !== undefined && url.searchParams.has('print')) {
    try {
      await options.onDemand(relative);
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      return send(response, 500, 'text/plain; charset=utf-8', `the PDF could not be printed: ${message}`);
    }
  }
  const file = await fileInside(root, relative === '' ? 'index.html' : relative);
  if (file === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) {
    const html = await readFile(file, 'utf8');
    const page = path.relative(root, file).split(path.sep).join('/');
    return send(response, 200, type, withPreview(html, options.banner(page)), request.method === 'HEAD');
  }
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

/**
 * The path asked for, relative to the root with `/` separators ('' for the
 * root), or undefined when it cannot name a file inside it: a `..` segment,
 * an encoded slash or backslash, a NUL, or a malformed escape.
 */
export function servedPath(pathname: string): string | undefined {
  if (/%2f|%5c|%00/i.test(pathname)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return undefined;
  return segments.join('/');
}

/** The real file at `relative` under `root`, if it is a regular file really inside it (symlinks resolved). */
async function fileInside(root: string, relative: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path.join(root, relative));
  } catch {
    return undefined;
  }
  if (real !== root && !real.startsWith(root + path.sep)) return undefined;
  const info = await stat(real).catch(() => undefined);
  if (info?.isDirectory() === true) return fileInside(root, path.posix.join(relative, 'index.html'));
  return info?.isFile() === true ? real : undefined;
}

function subscribe(request: IncomingMessage, response: ServerResponse, clients: Set<ServerResponse>): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': revue preview\n\n');
  clients.add(response);
  request.on('close', () => clients.delete(response));
}

/** The page as served: the reload script and the banner after <body>, nothing else changed. */
export function withPreview(html: string, banner: string): string {
  const script = `<script>${RELOAD_SCRIPT}</script>`;
  const added = `${banner}${script}`;
  const body = /<body(?:\s[^>]*)?>/i.exec(html);
  if (body === null) return `${added}${html}`;
  const end = body.index + body[0].length;
  return `${html.slice(0, end)}${added}${html.slice(end)}`;
}

function send(response: ServerResponse, status: number, type: string, body: string, headOnly = false): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CSP,
    'content-length': Buffer.byteLength(body),
  });
  response.end(headOnly ? undefined : body);
}
