/**
 * A user's own templates (docs/templates.md): a file of the same name in the
 * workspace's templates/ folder, or in --templates DIR, replaces the
 * package's; a broken one is a TemplateError at its file and line, and
 * nothing is written.
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { TemplateError } from '../../src/errors.js';
import { FIXTURES } from '../helpers.js';

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'revue-templates-'));
  await cp(path.join(FIXTURES, 'minimal'), path.join(ws, 'data'), { recursive: true });
  await appendFile(path.join(ws, 'data', '2026', 'ann-lee.yaml'), 'review:\n  manager: "A <b>great</b> year & more"\n');
});
afterAll(async () => rm(ws, { recursive: true, force: true }));

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe('user templates', () => {
  it("uses a partial and the stylesheet from the workspace's templates/ folder, and still escapes free text", async () => {
    await write(
      path.join(ws, 'templates', 'partials', 'rep-words.hbs'),
      '<section class="section words"><h2>Our own closing words for {{rep.name}}</h2>\n<p class="free-text">{{words.manager}}</p></section>\n',
    );
    await write(
      path.join(ws, 'templates', 'report.css'),
      '/* the house style */\nh2 { color: var(--accent); letter-spacing: 0.02em; }\n',
    );
    const out = path.join(ws, 'output');
    const result = await build({ data: path.join(ws, 'data'), out, htmlOnly: true, reps: ['ann-lee'] });
    expect(result.ok).toBe(true);
    const html = await readFile(path.join(out, '2026', 'reps', 'ann-lee.html'), 'utf8');
    expect(html).toContain('<h2>Our own closing words for Ann Lee</h2>');
    expect(html).not.toContain('Year-end words');
    expect(html).toContain('A &lt;b&gt;great&lt;/b&gt; year &amp; more');
    expect(html).toContain('/* the house style */');
    // the other partials are still the package's
    expect(html).toContain('Competency profile');
  });

  it('reports a syntax error in a user template at its file and line, before writing anything', async () => {
    const dir = path.join(ws, 'broken-templates');
    const file = path.join(dir, 'partials', 'rep-goals.hbs');
    await write(
      file,
      '<section class="section goals">\n  <h2>{{labels.goals}}</h2>\n  {{#if goals.length}\n  <p>…</p>\n  {{/if}}\n</section>\n',
    );
    const out = path.join(ws, 'never');
    const failure = build({ data: path.join(ws, 'data'), out, htmlOnly: true, reps: ['ann-lee'], templates: dir });
    await expect(failure).rejects.toThrow(TemplateError);
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    if (!(error instanceof TemplateError)) return;
    expect(error.message).toContain(`${file}:3: the template cannot be compiled`);
    expect(error.position).toEqual({ file, line: 3, column: 1 });
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
