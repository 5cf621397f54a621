/**
 * No connection from a template that prints the data unescaped (issue 13 §6,
 * docs/security.md §3). A user's template prints the rep's name with
 * `{{{…}}}`; each rep's name is markup that points at a server of its own on
 * 127.0.0.1. Request interception alone let `<link rel=prefetch>` fetch its
 * URL, and preconnect, iframe, object, embed and meta refresh open TCP
 * connections; a `<meta http-equiv=refresh>` printed a blank one-page PDF,
 * and the build succeeded. Now every server sees no connection at all, the
 * documents that ask to be replaced fail with their reason, and the others
 * print their own content.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { describeWithBrowser } from '../browser.js';
import { FIXTURES, tempWorkspace } from '../helpers.js';
import { pdfText } from '../pdf.js';

const MINIMAL = path.join(FIXTURES, 'minimal');

/** Each element, by rep id, given the URL of its server. */
const ELEMENTS: Record<string, (url: string) => string> = {
  prefetch: (url) => `<link rel="prefetch" href="${url}p">`,
  preconnect: (url) => `<link rel="preconnect" href="${url}">`,
  'dns-prefetch': (url) => `<link rel="dns-prefetch" href="${url}">`,
  preload: (url) => `<link rel="preload" as="image" href="${url}i.png">`,
  stylesheet: (url) => `<link rel="stylesheet" href="${url}s.css">`,
  iframe: (url) => `<iframe src="${url}f"></iframe>`,
  'iframe-localhost': (url) => `<iframe src="${url.replace('127.0.0.1', 'localhost')}f"></iframe>`,
  object: (url) => `<object data="${url}o"></object>`,
  embed: (url) => `<embed src="${url}e">`,
  img: (url) => `<img src="${url}i.png">`,
  'css-url': (url) => `<b style="background: url(${url}b.png)">b</b>`,
  video: (url) => `<video src="${url}v.mp4" poster="${url}p.png"></video>`,
  'meta-refresh': (url) => `<meta http-equiv="refresh" content="0;url=${url}r">`,
  'meta-refresh-blank': () => `<meta http-equiv="refresh" content="0">`,
};
const NAVIGATING = ['meta-refresh', 'meta-refresh-blank'];

/** A server that counts the connections made to it. */
interface Counter {
  server: Server;
  url: string;
  connections: number;
}

const counters = new Map<string, Counter>();
let result: BuildResult;
let cleanup: () => Promise<void> = () => Promise.resolve();

/** The rep's visible name, before its markup. */
const nameOf = (id: string): string => `Rep ${id.replace(/-/g, ' ')}`;

afterAll(async () => {
  for (const { server } of counters.values()) server.close();
  await cleanup();
});

describeWithBrowser('a template that prints the data as markup, pointing at 127.0.0.1', () => {
  beforeAll(async () => {
    for (const id of Object.keys(ELEMENTS)) {
      const counter: Counter = { server: createServer(), url: '', connections: 0 };
      counter.server.on('connection', (socket) => {
        counter.connections++;
        socket.destroy();
      });
      counter.server.listen(0, '127.0.0.1');
      await once(counter.server, 'listening');
      const address = counter.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      counter.url = `http://127.0.0.1:${address.port}/`;
      counters.set(id, counter);
    }
    const ann = await readFile(path.join(MINIMAL, '2026', 'ann-lee.yaml'), 'utf8');
    const header = await readFile(path.join(import.meta.dirname, '../../templates/partials/rep-header.hbs'), 'utf8');
    const files: Record<string, string> = {
      'data/framework.yaml': await readFile(path.join(MINIMAL, 'framework.yaml'), 'utf8'),
      // The user's template prints the name raw: the data becomes markup.
      'templates/partials/rep-header.hbs': header.replace('<h1>{{rep.name}}</h1>', '<h1>{{{rep.name}}}</h1>'),
    };
    for (const [id, element] of Object.entries(ELEMENTS)) {
      const name = `${nameOf(id)} ${element(counters.get(id)?.url ?? '')}`;
      files[`data/2026/${id}.yaml`] = ann.replace('name: Ann Lee', `name: ${JSON.stringify(name)}`);
    }
    const ws = await tempWorkspace(files);
    cleanup = ws.cleanup;
    result = await build({ data: path.join(ws.dir, 'data'), out: path.join(ws.dir, 'out') });
    // Anything late (a prefetch, a refresh) has time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }, 180_000);

  it('makes no connection at all, for any element', () => {
    const connections = Object.fromEntries([...counters].map(([id, counter]) => [id, counter.connections]));
    expect(connections).toEqual(Object.fromEntries(Object.keys(ELEMENTS).map((id) => [id, 0])));
  });

  it('fails the reports that ask to be replaced by another page, with the reason, instead of printing a blank one', () => {
    for (const id of NAVIGATING) {
      const report = result.reports.find((r) => r.id === id);
      expect(report?.status, id).toBe('failed');
      // Asked for, or already done (a refresh of 0 s can be quicker than the check).
      expect(report?.error?.message, id).toMatch(
        /^the document was not printed: (it asks to be replaced by another page \(<meta http-equiv="refresh">\)|the page navigated away from it)/,
      );
    }
  });

  it('prints every other report, its own content', () => {
    const others = result.reports.filter((r) => !NAVIGATING.includes(r.id));
    expect(others.map((r) => `${r.id} ${r.status}`)).toEqual(others.map((r) => `${r.id} written`));
    for (const report of others.filter((r) => r.kind === 'rep')) {
      const text = pdfText(report.file);
      expect(text, report.id).toContain(nameOf(report.id));
      expect(text, report.id).toContain('Competency profile');
    }
  });
});
