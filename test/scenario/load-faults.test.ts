/** Loading: several faults at once, numbers out of range, and very large inputs. */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, diagnosticToJson, formatDiagnostic } from '../../src/scenario/index.js';
import { GRAPH, loadText as load, OK, problems } from './load-helpers.js';

describe('loadScenario: one fault hides no other', () => {
  it('reports a syntax error, a compile error on another line and an unknown output, sorted', () => {
    const text = 'title: t\ngraph: |\n  x = 2.0\n  y = (x +\n  z = tahn(x)\noutput: nope\n';
    expect(problems(text)).toEqual([
      '4:11 Expected an expression, found end of line.',
      "5:7 Unknown function 'tahn'. | Did you mean 'tanh'?",
      "6:9 Unknown output node 'nope'.",
    ]);
  });

  it('does not report the uses of a name whose statement has a syntax error', () => {
    const text = 'title: t\ngraph: |\n  x = 2.0\n  y = x +* 2\n  z = y * q\noutput: y\n';
    expect(problems(text)).toEqual([
      "4:10 Expected an expression, found '*'.",
      "5:11 Undefined name 'q'.",
    ]);
    // Nor as the default output, nor in an expect.
    const implicit = `title: t\ngraph: |\n  x = 2.0\n  y = (x\nwalkthrough:\n  - at: end\n    expect: {node: y, grad: 1}\n`;
    expect(problems(implicit)).toEqual(["4:7 Expected ')' to close '(', found end of line."]);
  });

  it('still reports a redefinition whose first statement had a syntax error', () => {
    expect(problems('title: t\ngraph: |\n  x = (\n  x = 2.0\n')).toEqual([
      '3:8 Expected an expression, found end of line.',
      "4:3 Name 'x' is already defined. | Each name is assigned once; give the new value a new name, such as 'x1'.",
    ]);
  });

  it('checks the walkthrough names of a graph with errors, but not its step numbers or ids', () => {
    const text = `title: t\ngraph: |\n  x = 2.0\n  y = tahn(x)\nwalkthrough:\n  - at: F9\n    expect: {node: q, grad: 1}\n  - at: 'forward:#7'\n    expect: {node: y, data: 1}\n  - at: backward:xx\n    say: s\n`;
    expect(problems(text)).toEqual([
      "4:7 Unknown function 'tahn'. | Did you mean 'tanh'?",
      "7:20 Unknown node 'q'.",
      "10:9 Unknown node 'xx'. | Did you mean 'x'?",
    ]);
  });

  it('checks the walkthrough items that pass the schema when another item or field fails', () => {
    const text = `title: 3\n${GRAPH}walkthrough:\n  - at: F1\n    sya: s\n  - at: B9\n    say: s\n  - at: forward:zz\n    say: s\n`;
    expect(problems(text)).toEqual([
      "1:8 'title' must be a string, found a number (3).",
      "8:5 Unknown field 'sya' in walkthrough item 1. | Did you mean 'say'?",
      '9:9 There is no step B9. | Steps go from B0 to B1.',
      "11:9 Unknown node 'zz'. | Did you mean 'z'?",
    ]);
  });

  it('checks walkthrough names when the output is unknown', () => {
    const text = `${OK}output: zz\nwalkthrough:\n  - at: end\n    expect: {node: q, grad: 1}\n`;
    expect(problems(text)).toEqual([
      "6:9 Unknown output node 'zz'. | Did you mean 'z'?",
      "9:20 Unknown node 'q'.",
    ]);
  });
});

describe('loadScenario: numbers out of range', () => {
  it('refuses a literal that overflows to Infinity, without reporting its uses', () => {
    expect(problems('title: t\ngraph: |\n  x = 1e400\n  y = x * 2\n')).toEqual([
      "3:7 Number '1e400' is too large (it would be Infinity). | The largest number is about 1.8e308.",
    ]);
  });

  it('warns about a literal that underflows to 0, and loads the file', () => {
    const result = load('title: t\ngraph: |\n  x = 2.0\n  y = x * 2.5e-400\n');
    expect(result.ok).toBe(true);
    expect(problems('title: t\ngraph: |\n  x = 2.0\n  y = x * 2.5e-400\n')).toEqual([
      "4:11 warning: Number '2.5e-400' is too small: it becomes 0. | The smallest positive number is about 5e-324.",
    ]);
    // Zero written as zero is no slip.
    expect(problems('title: t\ngraph: |\n  x = 0.0e-999\n  y = x * 1e-300\n')).toEqual([]);
  });
});

describe('large inputs', () => {
  it('loads a 100,000-line scenario', () => {
    const lines = ['x0 = 1.0'];
    for (let i = 1; i < 100_000; i++) lines.push(`x${i} = x${i - 1} + 1`);
    const result = load(`title: long\ngraph: |\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) throw new Error('not loaded');
    const last = result.scenario.graph.idOf('x99999')!;
    expect(result.scenario.lineOf(last)).toBe(100_002);
  });

  it('answers 20,000 nested parentheses with a result or a clear error, not a crash', () => {
    const depth = 20_000;
    const text = `title: deep\ngraph: |\n  x = 1.0\n  y = ${'('.repeat(depth)}x${')'.repeat(depth)}\n`;
    const result = load(text);
    if (!result.ok) {
      const d: Diagnostic = result.diagnostics[0];
      expect(diagnosticToJson(d).line).toBe(4);
      expect(formatDiagnostic(d)).toMatch(/^t\.yaml:4:\d+: error: /);
    } else {
      expect(result.scenario.graph.size).toBeGreaterThan(1);
    }
  });
});
