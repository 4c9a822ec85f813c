/** A scenario's own ops: diagnostics, evaluation, narration and the check of written derivatives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn, loadScenario, type Scenario } from '../../src/scenario/index.js';
import {
  createSession,
  derivativeFindings,
  narrate,
  reduce,
  stepAt,
  valueAt,
} from '../../src/session/index.js';

function load(text: string): Scenario {
  const loaded = loadScenario({ name: 'ops.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.scenario;
}

function problems(text: string): string[] {
  const source = { name: 'ops.yaml', text };
  return loadScenario(source).diagnostics.map((d) => {
    const { line, col } = lineColumn(source, d.start);
    return `${line}:${col} ${d.message}`;
  });
}

const ISSUE_EXAMPLE = `title: custom ops
ops:
  softplus:
    args: [a]
    forward: log(1 + exp(a))
    grad: { a: sigmoid(a) }
  mymul:
    args: [a, b]
    forward: a * b
    grad: { a: b, b: b }
graph: |
  x = 0.5
  w = -1.5
  y = softplus(x) * 2
  p = mymul(y, w)
  q = mymul(w, x)
  out = p + q
`;

describe('custom ops in a scenario', () => {
  it('evaluates forward as written: softplus(0.5) = log(1 + e^0.5), one node per call', () => {
    const s = load(ISSUE_EXAMPLE);
    const g = s.graph;
    const sp = g.in0[g.idOf('y')!];
    expect(g.spec(sp).name).toBe('softplus');
    const session = reduce(createSession(s), { type: 'last' });
    expect(valueAt(session, sp, 'data')).toBeCloseTo(Math.log(1 + Math.exp(0.5)), 15);
  });

  it("narrates the user's derivative, then the numbers: sigmoid(0.5) × 2 = 1.2449", () => {
    const s = load(ISSUE_EXAMPLE);
    const g = s.graph;
    const sp = g.in0[g.idOf('y')!];
    let session = createSession(s);
    session = reduce(session, { type: 'goto', step: `backward:#${sp}` });
    const [line] = narrate(session, stepAt(session, session.position), 5);
    // sigmoid(0.5) = 0.62246; y = softplus(x) * 2 hands it 2 × y.grad, and y.grad is p's 1 × w.
    expect(line).toMatch(
      /^x\.grad \+= softplus'\(x\) · \(softplus\(x\)\)\.grad = sigmoid\(0\.5\) × /,
    );
  });

  it('writes a negative value alone in a call as exp(-0.4), not exp((-0.4))', () => {
    const s = load(
      'title: t\nops:\n  scaled:\n    args: [a, b]\n    forward: a * exp(b)\n' +
        '    grad: { a: exp(b), b: out }\ngraph: |\n  a = 2\n  b = -0.4\n  g = scaled(a, b)\n',
    );
    let session = createSession(s);
    session = reduce(session, { type: 'goto', step: 'backward:g' });
    const [line] = narrate(session, stepAt(session, session.position), 5);
    // d/da = exp(-0.4) = 0.67032 by hand; g.grad is 1.
    expect(line).toBe(
      'a.grad += ∂scaled/∂a(a, b) · g.grad = exp(-0.4) × 1 = 0.67032   (0 → 0.67032)',
    );
  });

  it('flags the wrong d/db of mymul at exactly the nodes that call it, and only that argument', () => {
    const session = reduce(createSession(load(ISSUE_EXAMPLE)), { type: 'last' });
    const { failed, checks, downstream } = derivativeFindings(session);
    const g = session.timeline.graph;
    const where = failed.map((f) => `${g.nameOf(f.node)} slot ${f.slot}`);
    expect(where).toEqual(['p slot 1', 'q slot 1']);
    // p = mymul(y, w): d/db should be y = 2·softplus(0.5), the written b gives w = -1.5.
    const p = failed[0];
    expect(p.analytic).toBe(-1.5);
    expect(p.numeric).toBeCloseTo(2 * Math.log(1 + Math.exp(0.5)), 8);
    expect(checks.filter((c) => c.status === 'pass')).toHaveLength(3);
    // w receives the wrong terms of p and q; x only through q's wrong second slot.
    expect(downstream[g.idOf('w')!]).toBe(1);
    expect(downstream[g.idOf('x')!]).toBe(1);
    expect(downstream[g.idOf('y')!]).toBe(0);
  });

  it('reports every fault of the ops block at once, each at its place', () => {
    const text = `title: broken ops
ops:
  tanh:
    args: [a]
    forward: a
    grad: { a: 1 }
  f:
    args: [a, b]
    forward: a * c
    grad: { a: b }
  g:
    args: [a]
    forward: h(a)
    grad: { a: out }
  h:
    args: [a]
    forward: g(a) + exp(a, a)
    grad: { a: 1 }
graph: |
  x = 1.0
  y = f(x)
`;
    expect(problems(text)).toEqual([
      "3:3 'tanh' is a built-in function: a custom op needs a name of its own.",
      "9:18 Unknown name 'c' in op 'f'.",
      "10:5 Custom op 'f' has no derivative for its argument 'b'.",
      "13:14 Custom op 'g' calls itself (g → h → g).",
      "17:14 Custom op 'h' calls itself (h → g → h).",
      "17:21 'exp' takes 1 argument, found 2.",
    ]);
  });

  it("calls a custom op with the op's own number of arguments", () => {
    const text = `title: t\nops:\n  sq:\n    args: [a]\n    forward: a * a\n    grad: { a: 2 * a }\ngraph: |\n  x = 1.0\n  y = sq(x, x)\n`;
    expect(problems(text)).toEqual(["9:7 'sq' takes 1 argument, found 2."]);
  });
});

/** Ops whose derivatives are right, written as a person would; arguments stay where all are smooth. */
const RIGHT = `
  soft:
    args: [a]
    forward: log(1 + exp(a))
    grad: { a: sigmoid(a) }
  prod:
    args: [a, b]
    forward: a * exp(b)
    grad: { a: exp(b), b: out }
  ratio:
    args: [a, b]
    forward: tanh(a) / (2 + b * b)
    grad: { a: (1 - tanh(a) ** 2) / (2 + b * b), b: -2 * b * out / (2 + b * b) }`;

const WRONG = `
  bad:
    args: [a, b]
    forward: a * b
    grad: { a: b, b: b }`;

const calls = ['soft(v)', 'prod(v, u)', 'ratio(u, v)', 'bad(v, u)', 'v * u', 'tanh(v)'];

describe('the check of written derivatives (property)', () => {
  const program = fc.record({
    // Tenths: two inputs are equal (where bad's d/db happens to be right) or 0.1 apart at least.
    inputs: fc.array(
      fc.integer({ min: -15, max: 15 }).map((k) => k / 10),
      { minLength: 2, maxLength: 2 },
    ),
    ops: fc.array(fc.record({ call: fc.nat(calls.length - 1), v: fc.nat(), u: fc.nat() }), {
      minLength: 1,
      maxLength: 6,
    }),
  });

  it('passes right derivatives on random inputs and flags the wrong one exactly where used', () => {
    fc.assert(
      fc.property(program, ({ inputs, ops }) => {
        const lines = [`i0 = ${inputs[0]}`, `i1 = ${inputs[1]}`];
        const names = ['i0', 'i1'];
        const badAt: string[] = [];
        ops.forEach((op, k) => {
          // Operands from the inputs only, so every value stays in the smooth range above.
          const v = names[op.v % 2];
          const u = names[op.u % 2];
          lines.push(`n${k} = ${calls[op.call].replace('v', v).replace('u', u)}`);
          if (calls[op.call].startsWith('bad')) badAt.push(`n${k}`);
        });
        lines.push(`out = ${ops.map((_, k) => `n${k}`).join(' + ')} + 0`);
        const text = `title: p\nops:${RIGHT}${WRONG}\ngraph: |\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
        const session = reduce(createSession(load(text)), { type: 'last' });
        const { failed, checks } = derivativeFindings(session);
        const g = session.timeline.graph;
        // bad's d/da (= b) is right; its d/db (= b, should be a) is wrong unless a = b there.
        const expected = badAt.filter((name) => {
          const id = g.idOf(name)!;
          return g.data[g.in0[id]] !== g.data[g.in1[id]];
        });
        expect(failed.map((f) => g.nameOf(f.node))).toEqual(expected);
        expect(failed.every((f) => f.slot === 1)).toBe(true);
        const right = checks.filter((c) => !expected.includes(g.nameOf(c.node)!) || c.slot === 0);
        expect(right.every((c) => c.status !== 'fail')).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
