/**
 * The tests' one browser policy. A test that prints needs Chrome or Chromium,
 * found the way revue finds one (src/print/find-browser.ts: REVUE_BROWSER,
 * PUPPETEER_EXECUTABLE_PATH, puppeteer's browsers, the usual places). Without
 * one, each suite that prints is skipped and says why on stderr; with
 * REVUE_REQUIRE_BROWSER=1 (CI sets it, .ci/run) it fails instead, so that a
 * machine without a browser cannot pass by skipping.
 *
 * Every test file that prints declares its suites with describeWithBrowser().
 */
import { describe, it } from 'vitest';
import { findBrowser, type FoundBrowser } from '../src/print/find-browser.js';

/** Set by CI: a missing browser fails the suites that print instead of skipping them. */
export const REQUIRE_BROWSER = process.env.REVUE_REQUIRE_BROWSER === '1';

type Search = { found: FoundBrowser; missing?: undefined } | { found?: undefined; missing: string };

const search: Search = await findBrowser().then(
  (found): Search => ({ found }),
  (error: unknown): Search => ({ missing: whyMissing(error) }),
);

/** The browser the tests print with; undefined when there is none (the suites that print do not run then). */
export const browser: FoundBrowser | undefined = search.found;

/**
 * describe() for tests that print. With a browser, the suite runs. Without
 * one, it is skipped (its tests are still collected, so the run counts them as
 * skipped) and the reason is printed; under REVUE_REQUIRE_BROWSER=1 it is one
 * failing test that says what was looked for and how to install a browser.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (search.found !== undefined) {
    describe(name, body);
    return;
  }
  const { missing } = search;
  if (REQUIRE_BROWSER) {
    describe(name, () => {
      it('has a browser to print with (REVUE_REQUIRE_BROWSER=1)', () => {
        throw new Error(
          `REVUE_REQUIRE_BROWSER=1, and ${missing}\n` +
            'Install one (`npm run browser`, or apt-get install chromium), or point REVUE_BROWSER at one.',
        );
      });
    });
    return;
  }
  console.warn(
    `skipped "${name}": it prints, and ${missing}\n` +
      '(install one with `npm run browser`; REVUE_REQUIRE_BROWSER=1 makes this a failure)',
  );
  describe.skip(name, body);
}

/** The browser found, inside a describeWithBrowser() suite (which runs only when there is one). */
export function foundBrowser(): FoundBrowser {
  if (search.found === undefined) throw new Error(`no browser (${search.missing}): use describeWithBrowser()`);
  return search.found;
}

/** What findBrowser() said: where it looked (its BrowserNotFoundError lists it), or its error. */
function whyMissing(error: unknown): string {
  const lookedFor: unknown = error instanceof Error && 'lookedFor' in error ? error.lookedFor : undefined;
  if (Array.isArray(lookedFor)) return `no browser to print with was found. Looked for: ${lookedFor.join('; ')}`;
  return `finding a browser failed: ${error instanceof Error ? error.message : String(error)}`;
}
