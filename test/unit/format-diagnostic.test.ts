import { describe, expect, it } from 'vitest';
import { formatDiagnostic, summarizeDiagnostics } from '../../src/cli/format-diagnostic.js';
import type { Diagnostic } from '../../src/model/dataset.js';

const typo: Diagnostic = {
  severity: 'error',
  file: 'data/2026/alice-martin.yaml',
  line: 24,
  column: 7,
  code: 'unknown-id',
  message: 'unknown competency "discovry"',
  hint: 'did you mean "discovery"?',
  excerpt: '      discovry: 2.5',
};

describe('how a diagnostic reads', () => {
  it('on a terminal: the place, the line quoted with a caret under the column, the hint', () => {
    expect(formatDiagnostic(typo, { excerpt: true })).toBe(
      [
        'data/2026/alice-martin.yaml:24:7: error: unknown competency "discovry"',
        '24 |       discovry: 2.5',
        '   |       ^',
        '  hint: did you mean "discovery"?',
      ].join('\n'),
    );
  });

  it('in a log: one line per problem and its hint, no quoting', () => {
    expect(formatDiagnostic(typo, { excerpt: false })).toBe(
      'data/2026/alice-martin.yaml:24:7: error: unknown competency "discovry"\n  hint: did you mean "discovery"?',
    );
  });

  it('keeps tabs in the caret line so that the caret stays under the column', () => {
    const tabbed = { ...typo, column: 3, excerpt: '\t\tdiscovry: 2' };
    expect(formatDiagnostic(tabbed, { excerpt: true }).split('\n')[2]).toBe('   | \t\t^');
  });

  it('names a whole file without a line', () => {
    expect(
      formatDiagnostic(
        {
          severity: 'warning',
          file: 'data/2026/notes.txt',
          line: 0,
          column: 0,
          code: 'ignored-file',
          message: 'ignored',
        },
        { excerpt: true },
      ),
    ).toBe('data/2026/notes.txt: warning: ignored');
  });

  it('sums up', () => {
    expect(summarizeDiagnostics([typo, typo, { ...typo, severity: 'warning', file: 'other.yaml' }])).toBe(
      '2 errors in 1 file, 1 warning',
    );
    expect(summarizeDiagnostics([])).toBe('no error, 0 warnings');
  });
});
