/**
 * Hostile text in every field (issue 6, SPEC §3 "free text is plain text",
 * SPEC §8 "nothing in the data can run script, load a file, or reach the
 * network"). The workspace test/fixtures/hostile puts the injection corpus in
 * every free-text field, in the rep's name, the manager's name, the team name
 * (`../../etc`), the organisation and a competency label. It is built once to
 * PDF and read back:
 * - the PDF shows every text as written (pdftotext), its metadata and
 *   bookmarks hold the names as written (pdfinfo, qpdf);
 * - the HTML given to the browser (the same as --html-only writes) holds the
 *   text escaped, and no element or attribute from the data;
 * - the browser pages made no request at all (every request is aborted and
 *   counted; the count is read off the session when it closes);
 * - every file lands inside the output folder; a rep's report names no other rep.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { BrowserSession, type BrowserSessionStats } from '../../src/print/browser.js';
import type { PrintResult } from '../../src/print/print-page.js';
import { validate } from '../../src/validate/index.js';
import { browser, describeWithBrowser } from '../browser.js';
import { FIXTURES } from '../helpers.js';
import { pdfFonts, pdfInfo, pdfOutline, pdfText } from '../pdf.js';
import { filesUnder, recordSessionStats } from './helpers.js';

const HOSTILE = path.join(FIXTURES, 'hostile');

// The corpus, as test/fixtures/hostile/2026/hostile.yaml writes it.
const SHORT = [
  '<script>alert(1)</script>',
  '<img src=file:///etc/passwd onerror=alert(2)>',
  '<iframe src=http://127.0.0.1:9/>',
  '<link rel=stylesheet href=http://127.0.0.1:9/x.css>',
  '<style>body{background:url(http://127.0.0.1:9/x)}</style>',
  '<svg onload=alert(3)><script>alert(4)</script></svg>',
  '<a href="javascript:alert(5)">click</a>',
  '{{handlebars}}',
  '{{{triple}}}',
  '${process.exit()}',
];
const NAME = 'Ève Injecta <script>alert(1)</script> {{{name}}} 🙂';
const MANAGER = '<iframe src=http://127.0.0.1:9/> Jeanne ${process.exit()}';
const TEAM = '../../etc';
const NOTE = '<a href="javascript:alert(5)">click</a> {{handlebars}}';
const KIND = '{{handlebars}} {{{triple}}}';
const LONG_WORD = `Rechts${'schutzversicherungsgesellschaften'.repeat(151)}Schlusswort`;
const ZERO_WIDTH = 'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFend';
const ARABIC = 'مرحبا بالعالم';
const HEBREW = 'שלום עולם';
const EMOJI = '👍🚀 👩\u200D💻 🇫🇷';
const MIXED = 'شكرا Merci תודה 🙏';
const ORGANISATION = `Acme <script>alert('org')</script> & "Co"`;
const COMPETENCY = 'Discovery <svg onload=alert(7)>';
const OTHER_REP = 'Quentin Otherrep';

/**
 * The text of a PDF as a reader sees it: the bidi marks pdftotext puts around
 * right-to-left runs removed, line breaks and runs of spaces as one space
 * (not \s: it would take the zero-width no-break space of the corpus too).
 */
function readable(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '').replace(/[ \t\r\n\f]+/g, ' ');
}

interface Element {
  name: string;
  attributes: Array<[string, string]>;
}

/**
 * The elements an HTML document really contains, as a browser's tokenizer
 * sees them: a `<` followed by a letter starts a tag; text that only looks
 * like markup is escaped (`&lt;`) and is not one. The content of <style> and
 * <title> is raw text and skipped.
 */
function elementsOf(html: string): Element[] {
  const body = html.replace(/(<(style|title)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  const tag = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const found = [...body.matchAll(tag)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    attributes: [...(match[2] ?? '').matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)].map(
      (a): [string, string] => [(a[1] ?? '').toLowerCase(), (a[2] ?? '').replace(/^["']|["']$/g, '')],
    ),
  }));
  // Every tag opening was understood: none is malformed in a way a browser might still read as a tag.
  expect(found.length).toBe((body.match(/<[a-zA-Z]/g) ?? []).length);
  return found;
}

/** Elements that load, embed or run something. A report has none of them (it has no logo here). */
const ACTIVE = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'image',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'link',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'foreignobject',
  'use',
  'animate',
  'set',
  'portal',
];

function expectInert(html: string, file: string): void {
  const elements = elementsOf(html);
  for (const element of elements) {
    expect(ACTIVE, `${file}: <${element.name}>`).not.toContain(element.name);
    for (const [name, value] of element.attributes.filter(([n]) => !n.startsWith('xmlns'))) {
      expect(name, `${file}: <${element.name} ${name}>`).not.toMatch(/^on/);
      if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name))
        expect(value, `${file}: <${element.name} ${name}="${value}">`).toMatch(/^(#|[\w./-]+\.(html|pdf)$)/);
      if (name === 'http-equiv') expect.fail(`${file}: <meta http-equiv="${value}">`);
      expect(value.replace(/url\(#[^)]*\)/g, ''), `${file}: <${element.name} ${name}>`).not.toMatch(
        /url\(|javascript:|file:|https?:/i,
      );
    }
  }
  // One stylesheet, the package's; every SVG is a chart drawn by revue.
  expect(
    elements.filter((e) => e.name === 'style'),
    file,
  ).toHaveLength(1);
  for (const svg of elements.filter((e) => e.name === 'svg'))
    expect(Object.fromEntries(svg.attributes)).toMatchObject({ role: 'img' });
}

let root: string;
let pdfOut: string;
let pdfBuild: BuildResult;
let sessions: BrowserSessionStats[] = [];
/** Every document the build printed: its title, the HTML the browser was given, and what came back. */
let prints: Array<{ title: string; html: string; result: PrintResult }> = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'revue-injection-'));
  pdfOut = path.join(root, 'pdf', 'out');
  if (browser === undefined) return;
  // Read each session's counters as it closes, and each print's blocked requests.
  const closed = recordSessionStats();
  const print = vi.spyOn(BrowserSession.prototype, 'print');
  pdfBuild = await build({ data: HOSTILE, out: pdfOut, sourceDateEpoch: 1_767_225_600 });
  sessions = closed();
  prints = print.mock.calls.flatMap(([html, options], i) => {
    const settled = print.mock.settledResults[i];
    return settled?.type === 'fulfilled' ? [{ title: options.title, html, result: settled.value }] : [];
  });
}, 180_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('the hostile fixture', () => {
  it('holds the corpus where this test expects it', async () => {
    const { dataset, diagnostics } = await validate({ data: HOSTILE });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rep = dataset?.reps.find((r) => r.id === 'hostile')?.data;
    expect(rep).toMatchObject({
      name: NAME,
      team: TEAM,
      manager: MANAGER,
      goals: [{ note: NOTE }],
      review: { manager: SHORT.join('\n'), rep: MIXED },
    });
    expect(rep?.assessments[0]).toMatchObject({
      kind: SHORT[3],
      strengths: SHORT.join('\n'),
      improvements: `${SHORT[4]} ${SHORT[5]}`,
      actions: SHORT,
    });
    expect(rep?.assessments[1]).toMatchObject({
      kind: KIND,
      strengths: LONG_WORD,
      improvements: ZERO_WIDTH,
      actions: [ARABIC, HEBREW, EMOJI],
    });
    expect(LONG_WORD).toHaveLength(5_000);
    expect(dataset?.framework.organisation).toBe(ORGANISATION);
    expect(dataset?.framework.competencies[1]?.label).toBe(COMPETENCY);
  });
});

describeWithBrowser('a build of hostile data', () => {
  const pdf = (file: string) => path.join(pdfOut, '2026', file);
  /** The HTML printed for the report whose title ends with `name`. */
  const html = (name: string): string => {
    const printed = prints.find((p) => p.title.endsWith(` – ${name}`));
    if (printed === undefined) throw new Error(`nothing printed for ${name}`);
    return printed.html;
  };

  it('writes every report inside the output folder: the team "../../etc" is teams/etc', async () => {
    expect(pdfBuild.ok).toBe(true);
    expect(pdfBuild.reports.map((r) => r.status)).toEqual(['written', 'written', 'written', 'written']);
    const documents = (await filesUnder(pdfOut)).filter((file) => /\.(pdf|html)$/.test(file));
    expect(documents).toEqual([
      '2026/index.html',
      '2026/organisation.pdf',
      '2026/reps/hostile.pdf',
      '2026/reps/other-rep.pdf',
      '2026/teams/etc.pdf',
    ]);
    // Nothing beside the output folder: ../../etc went nowhere.
    expect(await readdir(root)).toEqual(['pdf']);
    expect(await readdir(path.join(root, 'pdf'))).toEqual(['out']);
  });

  it('makes no request from any page: nothing is loaded, fetched or framed', () => {
    // One session (charts and prints), four reports printed.
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.blockedRequests).toBe(0);
    expect(prints).toHaveLength(4);
    for (const printed of prints) expect(printed.result.blockedRequests, printed.title).toEqual([]);
  });

  it("shows every text of the rep's report as written", () => {
    const text = pdfText(pdf('reps/hostile.pdf'));
    const shown = readable(text);
    for (const item of [
      ...SHORT,
      MANAGER,
      TEAM,
      NOTE,
      KIND,
      ZERO_WIDTH,
      ARABIC,
      HEBREW,
      EMOJI,
      COMPETENCY,
      ORGANISATION.toUpperCase(),
    ]) {
      expect(shown).toContain(item);
    }
    // The name's emoji has no glyph in any installed font at the heading's weight: it is drawn as an empty box and not extracted (docs/security.md).
    expect(shown).toContain(NAME.replace(' 🙂', ''));
    // The 5,000-letter word wraps anywhere (CSS overflow-wrap), and is all there.
    expect(text.replace(/[ \t\r\n\f]+/g, '')).toContain(LONG_WORD);
    // Right-to-left runs keep their letters in order; the paragraph runs right to left.
    for (const word of MIXED.split(' ')) expect(shown).toContain(word.replace('🙏', ''));
  });

  it('escapes the text in the HTML, and lets no element or attribute of the data in', async () => {
    const rep = html(NAME);
    for (const item of [
      ...SHORT,
      MANAGER,
      NOTE,
      KIND,
      LONG_WORD,
      ZERO_WIDTH,
      ARABIC,
      HEBREW,
      EMOJI,
      MIXED,
      NAME,
      SHORT.join('\n'),
    ]) {
      expect(rep).toContain(Handlebars.escapeExpression(item));
    }
    expect(rep).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const printed of prints) expectInert(printed.html, printed.title);
    expectInert(await readFile(pdf('index.html'), 'utf8'), 'index.html');
  });

  it('puts the names as written in the metadata, the bookmarks and the footer', () => {
    const info = pdfInfo(pdf('reps/hostile.pdf'));
    expect(info['Title']).toBe(`Annual review 2026 – ${NAME}`);
    expect(info['Author']).toBe(ORGANISATION);
    expect(info['JavaScript']).toBe('no');
    expect(pdfOutline(pdf('reps/hostile.pdf'))).toContain(NAME);
    expect(pdfOutline(pdf('reps/hostile.pdf'))).toContain(`ABOVE THE EXPECTED LEVEL ${COMPETENCY}`);
    expect(readable(pdfText(pdf('reps/hostile.pdf')))).toContain(`Annual review 2026 – ${NAME.replace(' 🙂', '')}`);

    const team = pdfInfo(pdf('teams/etc.pdf'));
    expect(team['Title']).toBe(`Team report 2026 – ${TEAM}`);
    expect(pdfOutline(pdf('teams/etc.pdf'))).toContain(TEAM);
    expect(readable(pdfText(pdf('teams/etc.pdf')))).toContain(MANAGER);
    expect(pdfInfo(pdf('organisation.pdf'))['Title']).toBe(`Organisation report 2026 – ${ORGANISATION}`);
  });

  it("names no other rep in a rep's report", () => {
    const hostile = pdfText(pdf('reps/hostile.pdf'));
    const other = pdfText(pdf('reps/other-rep.pdf'));
    expect(hostile).not.toContain('Otherrep');
    expect(hostile).not.toContain('Quentin');
    expect(other).not.toContain('Injecta');
    expect(other).toContain(OTHER_REP);
    expect(html(NAME)).not.toContain('Otherrep');
    expect(html(OTHER_REP)).not.toContain('Injecta');
    // Both are in the team's report, for its director.
    expect(readable(pdfText(pdf('teams/etc.pdf')))).toContain(OTHER_REP);
  });

  it('embeds every font; letters the packaged font lacks come from the system fonts', () => {
    const fonts = pdfFonts(pdf('reps/hostile.pdf'));
    for (const font of fonts) expect(font.embedded, font.name).toBe(true);
    expect(fonts.some((f) => /\+SourceSans3/.test(f.name))).toBe(true);
    // Arabic, Hebrew and emoji are not in Source Sans 3: Chromium takes them from fontconfig's sans-serif.
    expect(fonts.filter((f) => !/\+SourceSans3/.test(f.name)).length).toBeGreaterThan(0);
    // A report in Latin letters only holds the packaged font alone.
    for (const font of pdfFonts(pdf('reps/other-rep.pdf'))) expect(font.name).toMatch(/^[A-Z]{6}\+SourceSans3/);
  });
});

describeWithBrowser('a template that prints the data raw (user templates are trusted code)', () => {
  it('still runs nothing and reaches nothing: every request is aborted and counted', async () => {
    // The rep's report as a template with `{{{…}}}` for an entry's kind and improvements and the year-end words would make it.
    const rep = prints.find((p) => p.title.endsWith(NAME))?.html ?? '';
    const unescape = (html: string, text: string, from: 'first' | 'last'): string => {
      const escaped = Handlebars.escapeExpression(text);
      const at = from === 'first' ? html.indexOf(escaped) : html.lastIndexOf(escaped);
      expect(at).toBeGreaterThan(0);
      return html.slice(0, at) + text + html.slice(at + escaped.length);
    };
    // The first entry's kind and improvements, then the year-end words (the same text as that entry's strengths, further down).
    const raw = unescape(
      unescape(unescape(rep, SHORT[3] ?? '', 'first'), `${SHORT[4]} ${SHORT[5]}`, 'first'),
      SHORT.join('\n'),
      'last',
    );
    await using session = new BrowserSession();
    const printed = await session.print(raw, { paper: 'Letter', title: 'raw' });
    // The stylesheet, the CSS background and the iframe (whose unclosed tag swallows what follows it);
    // the file: URL of the image is refused by Chromium before any request, and no script ran to add more.
    expect([...printed.blockedRequests].sort()).toEqual([
      'http://127.0.0.1:9/',
      'http://127.0.0.1:9/x',
      'http://127.0.0.1:9/x.css',
    ]);
    expect(printed.pdf.length).toBeGreaterThan(1_000);
  }, 120_000);
});
