import { describe, expect, it } from 'vitest';
import {
  diagnosticToJson,
  GIVEN_DATA,
  GIVEN_GRAD,
  loadScenario,
} from '../../src/scenario/index.js';

const load = (text: string) => loadScenario({ name: 't.yaml', text });

function problems(text: string): string[] {
  return load(text).diagnostics.map((d) => {
    const { line, col, hint } = diagnosticToJson(d);
    return `${line}:${col} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}${hint ? ` | ${hint}` : ''}`;
  });
}

const HEAD = 'title: t\ngraph: |\n  x = 2.0\n  y = 3.0\n  xy = x * y\noutput: xy\n';

describe('the observed: block', () => {
  it('resolves names and #IDs to node ids; nan and inf are written as strings', () => {
    const result = load(
      `${HEAD}observed:\n  tol: 1e-6\n  nodes:\n    x: {data: 2.0, grad: 3.0}\n    '#2': {grad: nan}\n    y: {data: '-inf'}\n`,
    );
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) throw new Error('not ok');
    const observed = result.scenario.observed!;
    expect(observed.tol).toBe(1e-6);
    expect([...observed.given]).toEqual([GIVEN_DATA | GIVEN_GRAD, GIVEN_DATA, GIVEN_GRAD]);
    expect(observed.grad[0]).toBe(3);
    expect(observed.grad[2]).toBeNaN();
    expect(observed.data[1]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('defaults tol to 1e-9 and leaves scenarios without the block unchanged', () => {
    const result = load(`${HEAD}observed:\n  nodes: {}\n`);
    expect(result.ok && result.scenario.observed?.tol).toBe(1e-9);
    const plain = load(HEAD);
    expect(plain.ok && plain.scenario.observed).toBeUndefined();
  });

  it('an unknown node is an error at its key, with a did-you-mean', () => {
    expect(
      problems(`${HEAD}observed:\n  nodes:\n    xz: {grad: 1}\n    '#9': {grad: 1}\n`),
    ).toEqual([
      "9:5 Unknown node 'xz'. | Did you mean 'x'?",
      '10:5 There is no node #9. | Node ids run from #0 to #2.',
    ]);
  });

  it('bad values and fields are errors at their place', () => {
    expect(
      problems(`${HEAD}observed:\n  nodes:\n    x: {data: two, gard: 1}\n  tol: -1\n`),
    ).toEqual([
      "9:15 'data' of observed node 'x' must be a number, 'nan', 'inf' or '-inf', found a string ('two').",
      "9:20 Unknown field 'gard' of observed node 'x'. | Did you mean 'grad'?",
      "10:8 'tol' must be at least 0, found a number (-1).",
    ]);
  });

  it('an op the exporter did not know is a warning at that op', () => {
    expect(problems(`${HEAD}observed:\n  nodes:\n    x: {data: 2, op: softplus}\n`)).toEqual([
      "9:22 warning: 'x' stands in for the op 'softplus', which gradstep does not know. | It is an input holding your data: its own grad is checked, nothing below it is.",
    ]);
  });
});
