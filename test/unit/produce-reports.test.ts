/**
 * render → print → write, as a pipeline (produce-reports.ts): the pages start
 * printing once the first reports are drawn, and a build of any size holds
 * at most two chunks of reports drawn and not yet written.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunked, produceReports, type Production, type ReportJob } from '../../src/produce-reports.js';
import type { BrowserSession } from '../../src/print/browser.js';
import type { PlannedReport } from '../../src/render/plan.js';
import type { Templates } from '../../src/render/templates.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revue-produce-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('chunked', () => {
  it('starts with a few items, then twice as many each time, up to the most', () => {
    const sizes = (n: number, first: number, most: number) =>
      chunked([...Array(n).keys()], first, most).map((chunk) => chunk.length);
    expect(sizes(100, 2, 48)).toEqual([2, 4, 8, 16, 32, 38]);
    expect(sizes(300, 2, 48)).toEqual([2, 4, 8, 16, 32, 48, 48, 48, 48, 46]);
    expect(sizes(3, 2, 48)).toEqual([2, 1]);
    expect(sizes(0, 2, 48)).toEqual([]);
    expect(chunked(['a', 'b', 'c'], 1, 1)).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('produceReports', () => {
  it('prints once the first reports are drawn, and never holds more than two chunks', async () => {
    const events: string[] = [];
    let drawnNotWritten = 0;
    let most = 0;
    const report = (i: number): PlannedReport => ({
      kind: 'rep',
      id: `rep-${i}`,
      file: `reps/rep-${i}`,
      name: `Rep ${i}`,
      sources: [],
      get charts() {
        events.push(`draw ${i}`);
        drawnNotWritten++;
        most = Math.max(most, drawnNotWritten);
        return {};
      },
      view: () => ({ title: `Rep ${i}`, author: 'Org', lang: 'en' }),
    });
    const session = {
      printPdf: async (html: string) => {
        events.push(`print ${html}`);
        // A page takes a while to print; the next reports are drawn meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 2));
        events.push(`printed ${html}`);
        drawnNotWritten--;
        return new TextEncoder().encode(`%PDF ${html}`);
      },
    } as unknown as BrowserSession;
    const templates = { render: (_kind: string, view: { title: string }) => view.title } as unknown as Templates;
    const production: Production = {
      templates,
      styles: { css: '', logo: null },
      format: 'pdf',
      paper: 'A4',
      session,
      date: new Date(0),
      reproducible: false,
      yearDir: dir,
      concurrency: 2,
      timings: { charts: 0, html: 0, write: 0, launch: 0, print: 0 },
    };
    const todo: ReportJob[] = Array.from({ length: 300 }, (_, i) => ({ report: report(i), file: `rep-${i}.pdf` }));
    const written: string[] = [];
    for await (const produced of produceReports(todo, production)) {
      if ('error' in produced) throw produced.error;
      written.push(produced.job.file);
    }
    expect(written.sort()).toEqual(todo.map((job) => job.file).sort());
    expect((await readdir(dir)).length).toBe(300);
    // The first page prints after two reports are drawn (the first chunk), not after a whole chunk of 48,
    // and the next chunk (reports 2 to 5) is drawn while it prints.
    expect(events.slice(0, 8)).toEqual([
      'draw 0',
      'draw 1',
      'print Rep 0',
      'print Rep 1',
      'draw 2',
      'draw 3',
      'draw 4',
      'draw 5',
    ]);
    expect(events.indexOf('draw 5')).toBeLessThan(events.findIndex((event) => event.startsWith('printed')));
    // At most the chunk printing and the next one (48 each) are drawn and not yet written.
    expect(most).toBeLessThanOrEqual(96);
  });
});
