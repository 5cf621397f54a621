/**
 * `revue preview` through the binary (issue 14): it listens on 127.0.0.1 only,
 * serves the HTML reports with a link to each one's PDF, reloads the open
 * pages after a save, shows an invalid save's diagnostics above the last
 * good report, prints a PDF on demand, and ends cleanly on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { pdfText } from '../pdf.js';
import { BIN } from './spawn.js';

let dir: string;
let child: ChildProcess | undefined;
let stderr = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-preview-'));
  await cp(path.join(FIXTURES, 'minimal'), path.join(dir, 'data'), { recursive: true });
  stderr = '';
});
afterEach(async () => {
  if (child !== undefined && child.exitCode === null) {
    const ended = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await ended;
  }
  child = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Starts `revue preview --port 0` and resolves with the URL it prints. */
function startPreview(): Promise<string> {
  const started = spawn(process.execPath, [BIN, 'preview', '--port', '0', '--as-of', '2026-11-20'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  started.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    started.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /http:\/\/\S+\//.exec(stdout)?.[0];
      if (url !== undefined) resolve(url);
    });
    started.once('exit', (code) => reject(new Error(`preview ended (${code}): ${stderr}`)));
  });
}

function get(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Resolves with the first `reload` event the server sends. */
function nextReload(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/__revue/events', url), (response) => {
      response.setEncoding('utf8').on('data', (chunk: string) => {
        if (chunk.includes('event: reload')) {
          req.destroy();
          resolve();
        }
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

/** Whether something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never came: ${stderr}`);
}

describe('revue preview', () => {
  it('listens on 127.0.0.1 only, on the free port it prints', async () => {
    const url = await startPreview();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts('::1', port)).toBe(false);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a?.address ?? '');
    for (const address of others) expect(await accepts(address, port), address).toBe(false);
  });

  it('serves the reports with a link to their PDF, and an invalid save’s diagnostics above the last good one', async () => {
    const url = await startPreview();
    const page = new URL('2026/reps/ann-lee.html', url).href;
    const first = await get(page);
    expect(first.status).toBe(200);
    const html = first.body.toString('utf8');
    expect(html).toContain('Ann Lee');
    expect(html).toContain('href="/pdf/2026/reps/ann-lee.pdf?print"');
    expect(html).toContain('new EventSource("/__revue/events")');
    // The files on disk have no script: only the page served does.
    expect(await readFile(path.join(dir, 'output', '.preview', '2026', 'reps', 'ann-lee.html'), 'utf8')).not.toContain(
      'EventSource',
    );

    const file = path.join(dir, 'data', '2026', 'ann-lee.yaml');
    const good = await readFile(file, 'utf8');
    let reloaded = nextReload(url);
    await writeFile(file, good.replace('discovery: 3', 'discovry: 3'));
    await reloaded;
    await until(async () => (await get(page)).body.toString('utf8').includes('revue-diagnostics'));
    const broken = (await get(page)).body.toString('utf8');
    expect(broken).toContain('data/2026/ann-lee.yaml:');
    expect(broken).toContain('unknown competency &quot;discovry&quot;');
    expect(broken).toContain('Ann Lee');

    reloaded = nextReload(url);
    await writeFile(file, good.replace('name: Ann Lee', 'name: Ann Lee-Wong'));
    await reloaded;
    await until(async () => (await get(page)).body.toString('utf8').includes('Ann Lee-Wong'));
    expect((await get(page)).body.toString('utf8')).not.toContain('revue-diagnostics');
  });

  it('ends cleanly on Ctrl-C', async () => {
    await startPreview();
    const ended = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child?.kill('SIGINT');
    expect(await ended).toBe(0);
    expect(stderr).toContain('preview stopped');
  });
});

describeWithBrowser('revue preview, PDF on demand', () => {
  it('prints the PDF of the report asked for', async () => {
    const url = await startPreview();
    const pdf = await get(new URL('pdf/2026/reps/ann-lee.pdf?print', url).href);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const file = path.join(dir, 'ann-lee.pdf');
    await writeFile(file, pdf.body);
    expect(pdfText(file)).toContain('Ann Lee');
    // Asked again after a save: printed again, from the new data.
    const yaml = path.join(dir, 'data', '2026', 'ann-lee.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('name: Ann Lee', 'name: Ann Lee-Wong'));
    await until(async () => (await get(new URL('2026/reps/ann-lee.html', url).href)).body.includes('Ann Lee-Wong'));
    const again = await get(new URL('pdf/2026/reps/ann-lee.pdf?print', url).href);
    await writeFile(file, again.body);
    expect(pdfText(file)).toContain('Ann Lee-Wong');
  });
});
