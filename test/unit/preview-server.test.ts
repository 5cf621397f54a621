/**
 * revue preview's server (issue 14): 127.0.0.1 only, nothing outside its
 * folder, the reload script in served pages only, reload by server-sent events.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_PATH, servedPath, startPreviewServer, type PreviewServer } from '../../src/preview/server.js';

let base: string;
let root: string;
let server: PreviewServer;
let banner = '';

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'revue-preview-'));
  root = path.join(base, 'served');
  await mkdir(path.join(root, '2026', 'reps'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><html><body><h1>Index</h1></body></html>');
  await writeFile(
    path.join(root, '2026', 'reps', 'ann.html'),
    '<!doctype html><html><body class="r"><p>Ann</p></body></html>',
  );
  await writeFile(path.join(base, 'secret.txt'), 'not yours');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'link.html'));
  server = await startPreviewServer({ root, port: 0, banner: () => banner });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** A raw request, so that the path reaches the server exactly as written (fetch would normalise `..`). */
function get(rawPath: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: server.port }, () => {
      socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

describe('the preview server', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const refused = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.on('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(true));
      });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i?.address ?? '');
    for (const host of ['::1', ...others]) expect(await refused(host), host).toBe(true);
  });

  it('serves the folder’s pages with the reload script and a CSP, the files on disk unchanged', async () => {
    const page = await get('/2026/reps/ann.html');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^<!doctype html><html><body class="r"><script>new EventSource\("\/__revue\/events"\)/);
    expect(page.headers).toMatch(/content-security-policy: default-src 'none'.*script-src 'sha256-/i);
    expect(await readFile(path.join(root, '2026', 'reps', 'ann.html'), 'utf8')).not.toContain('EventSource');
    expect((await get('/')).body).toContain('<h1>Index</h1>');
  });

  it.each([
    '/../secret.txt',
    '/2026/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/2026%2F..%2F..%2Fsecret.txt',
    '/2026/..%5c..%5csecret.txt',
    '/link.html',
    '/nothing.html',
    '/%E0%A4%A',
  ])('refuses %s', async (raw) => {
    const response = await get(raw);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('not yours');
  });

  it('shows the banner (an invalid save’s diagnostics) above the last good report', async () => {
    banner = '<div class="revue-diagnostics">1 error</div>';
    expect((await get('/2026/reps/ann.html')).body).toContain(
      '<body class="r"><div class="revue-diagnostics">1 error</div><script>',
    );
    banner = '';
  });

  it('tells the open pages to reload', async () => {
    const events = await fetch(new URL(EVENTS_PATH, server.url));
    const reader = events.body?.getReader();
    if (reader === undefined) throw new Error('no event stream');
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    server.reload();
    while (!text.includes('event: reload')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: reload\ndata: \n\n');
    await reader.cancel();
  });
});

describe('servedPath', () => {
  it('keeps plain paths and refuses what could leave the folder', () => {
    expect(servedPath('/2026/reps/ann.html')).toBe('2026/reps/ann.html');
    expect(servedPath('/caf%C3%A9.html')).toBe('café.html');
    expect(servedPath('/')).toBe('');
    expect(servedPath('/a/../b')).toBeUndefined();
    expect(servedPath('/a%00.html')).toBeUndefined();
  });
});
