import { describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  diagnosticToJson,
  formatDiagnostic,
  formatDiagnostics,
  loadScenario,
  printable,
  type Source,
} from '../../src/scenario/index.js';

const diagnostic = (
  source: Source,
  start: number,
  end: number,
  more: Partial<Diagnostic> = {},
): Diagnostic => ({
  severity: 'error',
  source,
  start,
  end,
  message: 'Something is wrong.',
  ...more,
});

const ESC = String.fromCharCode(27);

describe('formatDiagnostic', () => {
  it('prints location, line, caret, hint and related notes (through loadScenario)', () => {
    const text = 'title: t\ngraph: |\n  x = 2.0\n  x = 3.0\n  y = tahn(x)\n';
    const result = loadScenario({ name: 'seed.yaml', text });
    expect(result.diagnostics.map((d) => formatDiagnostic(d)).join('\n')).toBe(
      [
        "seed.yaml:4:3: error: Name 'x' is already defined.",
        ' 4 |   x = 3.0',
        '   |   ^',
        "  hint: Each name is assigned once; give the new value a new name, such as 'x1'.",
        "seed.yaml:3:3: note: 'x' is first defined here.",
        ' 3 |   x = 2.0',
        '   |   ^',
        "seed.yaml:5:7: error: Unknown function 'tahn'.",
        ' 5 |   y = tahn(x)',
        '   |       ^~~~',
        "  hint: Did you mean 'tanh'?",
      ].join('\n'),
    );
  });

  it('lines the caret up under a fault after tabs', () => {
    const source = { name: 'f', text: 'a:\t\tbad value\n' };
    expect(formatDiagnostic(diagnostic(source, 4, 7))).toBe(
      ['f:1:5: error: Something is wrong.', ' 1 | a:      bad value', '   |         ^~~'].join(
        '\n',
      ),
    );
  });

  it('lines the caret up under a fault after wide characters, as wide as what it marks', () => {
    const source = { name: 'f', text: 'y = 名前 + q\n' };
    expect(formatDiagnostic(diagnostic(source, 9, 10))).toBe(
      ['f:1:10: error: Something is wrong.', ' 1 | y = 名前 + q', '   |            ^'].join('\n'),
    );
    expect(formatDiagnostic(diagnostic(source, 4, 6))).toBe(
      ['f:1:5: error: Something is wrong.', ' 1 | y = 名前 + q', '   |     ^~~~'].join('\n'),
    );
  });

  it('cuts a long line of wide characters by columns, never through a character', () => {
    const source = { name: 'f', text: `${'あ'.repeat(100)}BAD` };
    const [, excerpt, caret] = formatDiagnostic(diagnostic(source, 100, 103)).split('\n');
    expect(excerpt).toBe(` 1 | …${'あ'.repeat(48)}BAD`);
    expect(caret).toBe(`   | ${' '.repeat(97)}^~~`);
  });

  it('limits the caret to the first line of a span and shows control characters as ?', () => {
    const source = { name: 'f', text: 'ab\x1b[2Jcd\nnext line\n' };
    expect(formatDiagnostic(diagnostic(source, 1, 15))).toBe(
      ['f:1:2: error: Something is wrong.', ' 1 | ab?[2Jcd', '   |  ^~~~~~~'].join('\n'),
    );
  });

  it('cuts a very long line around the fault', () => {
    const source = { name: 'f', text: `${'a'.repeat(500)}BAD${'b'.repeat(500)}` };
    const [, excerpt, caret] = formatDiagnostic(diagnostic(source, 500, 503)).split('\n');
    expect(excerpt).toBe(` 1 | …${'a'.repeat(20)}BAD${'b'.repeat(77)}…`);
    expect(caret).toBe(`   | ${' '.repeat(21)}^~~`);
  });

  it('colours the labels when asked', () => {
    const source = { name: 'f', text: 'x\n' };
    // Styles become escape sequences where text is written (printable), as on the terminal.
    const coloured = printable(
      formatDiagnostic(diagnostic(source, 0, 1, { hint: 'h' }), { color: true }),
    );
    expect(coloured).toContain('\x1b[1;31merror:\x1b[22;39m');
    expect(coloured.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '')).toBe(
      formatDiagnostic(diagnostic(source, 0, 1, { hint: 'h' })),
    );
  });
});

describe('formatDiagnostics', () => {
  it('sorts by position and stops after the cap with a count', () => {
    const source = { name: 'f', text: 'abcdefghijklmnopqrstuvwxyz' };
    const many = Array.from({ length: 25 }, (_, i) => diagnostic(source, 24 - i, 25 - i));
    const lines = formatDiagnostics(many).split('\n');
    expect(lines[0]).toBe('f:1:1: error: Something is wrong.');
    expect(lines.filter((l) => l.startsWith('f:'))).toHaveLength(20);
    expect(lines.at(-1)).toBe('5 more errors not shown');
    expect(formatDiagnostics(many.slice(0, 3), { max: 2 }).split('\n').at(-1)).toBe(
      '1 more error not shown',
    );
  });
});

describe('diagnosticToJson', () => {
  it('gives the check --json shape, with the end column just past the fault', () => {
    const source = { name: 'f.yaml', text: 'title: t\ngraph: |\n  y = tahn(x)\n' };
    expect(diagnosticToJson(diagnostic(source, 24, 28, { hint: 'Did you mean?' }))).toEqual({
      file: 'f.yaml',
      line: 3,
      col: 7,
      endLine: 3,
      endCol: 11,
      severity: 'error',
      message: 'Something is wrong.',
      hint: 'Did you mean?',
    });
    expect(diagnosticToJson(diagnostic(source, 0, 0)).hint).toBeNull();
  });
});
