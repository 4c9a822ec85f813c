import { describe, expect, it } from 'vitest';
import { backward, forward, Graph, gradCheck, OpCode } from '../../src/engine/index.js';
import { REFERENCE_CASES } from './reference-graphs.js';

function run(g: Graph, output: number): void {
  forward(g);
  backward(g, output);
}

describe('gradCheck', () => {
  it('fails exactly the node whose grad is wrong', () => {
    const { graph: g, output } = REFERENCE_CASES[2]();
    run(g, output);
    const victim = g.idOf('c1')!;
    g.grad[victim] *= 1.001;
    const report = gradCheck(g, output, 'all');
    expect(report.failed.map((r) => r.id)).toEqual([victim]);
    expect(report.failed[0].relError).toBeGreaterThan(1e-5);
  });

  it('fails a grad that should be non-zero but is 0', () => {
    const { graph: g, output } = REFERENCE_CASES[0]();
    run(g, output);
    const xy = g.idOf('xy')!;
    g.grad[xy] = 0;
    expect(gradCheck(g, output, 'all').failed.map((r) => r.id)).toEqual([xy]);
  });

  it('leaves the graph data exactly as it found it', () => {
    const { graph: g, output } = REFERENCE_CASES[1]();
    run(g, output);
    const before = g.data.slice(0, g.size);
    gradCheck(g, output, 'all');
    expect(g.data.slice(0, g.size)).toEqual(before);
  });

  it('skips a node whose perturbation crosses the relu kink (relu at exactly 0)', () => {
    const g = new Graph();
    const x = g.addInput(1, 'x');
    const shifted = g.addOp(OpCode.sub, x, g.addConstant(1));
    const r = g.addOp(OpCode.relu, shifted);
    const out = g.addOp(OpCode.mul, r, g.addConstant(3));
    run(g, out);
    const report = gradCheck(g, out, 'all');
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([x, shifted]);
    // Three examined, two skipped: only r was compared.
    expect(report).toMatchObject({ checked: 1, total: 3 });
    expect(report.results).toHaveLength(3);
    expect(report.results.find((res) => res.id === x)?.reason).toBe('kink');
    // r itself is after the kink: its perturbation does not cross it.
    expect(report.results.find((res) => res.id === r)?.status).toBe('pass');
  });

  it('does not skip nodes when a relu sits at 0 on a path they do not reach', () => {
    const g = new Graph();
    const zero = g.addInput(0, 'zero');
    const w = g.addInput(2, 'w');
    const dead = g.addOp(OpCode.relu, zero);
    const out = g.addOp(OpCode.add, dead, g.addOp(OpCode.mul, w, w));
    run(g, out);
    const report = gradCheck(g, out, 'all');
    expect(report.results.find((res) => res.id === w)?.status).toBe('pass');
    expect(report.skipped).toEqual([zero]);
  });

  it('skips, not fails, a non-finite value (log of a negative)', () => {
    const g = new Graph();
    const x = g.addInput(-1, 'x');
    const out = g.addOp(OpCode.log, x);
    run(g, out);
    const report = gradCheck(g, out, 'all');
    expect(report.failed).toEqual([]);
    expect(report.results[0]).toMatchObject({ id: x, status: 'skipped', reason: 'nonfinite' });
    // Nothing was compared: no count of checked nodes, no error to report.
    expect(report).toMatchObject({ checked: 0, total: 1, skipped: [x] });
    expect(report.maxRelError).toBeUndefined();
  });

  it('takes the max relative error over the compared nodes only', () => {
    const { graph: g, output } = REFERENCE_CASES[0]();
    run(g, output);
    const report = gradCheck(g, output, 'all');
    const compared = report.results.filter((r) => r.status !== 'skipped');
    expect(report.checked).toBe(compared.length);
    expect(report.maxRelError).toBe(Math.max(...compared.map((r) => r.relError)));
  });

  it("'none' checks nothing and 'all' checks every input and intermediate node", () => {
    const { graph: g, output } = REFERENCE_CASES[2]();
    run(g, output);
    const none = gradCheck(g, output, 'none');
    expect(none).toMatchObject({ checked: 0, results: [], failed: [], skipped: [] });
    expect(none.maxRelError).toBeUndefined();
    const all = gradCheck(g, output, 'all');
    // Every non-constant node the output depends on, except the output itself.
    let expected = 0;
    for (let id = 0; id < output; id++) if (g.op[id] !== OpCode.constant) expected++;
    expect(none.total).toBe(expected);
    expect(all.checked).toBe(expected);
    expect(all.results.map((r) => r.id)).toEqual(
      [...Array(output).keys()].filter((id) => g.op[id] !== OpCode.constant),
    );
  });

  describe('budget', () => {
    // Three inputs feeding a 2,000-node chain: checking everything costs ~3·2·2000 + Σ 2·(2000-i).
    function chain(): { g: Graph; out: number; inputs: number[] } {
      const g = new Graph();
      const inputs = [0.3, -0.2, 0.5].map((v, i) => g.addInput(v, `x${i}`));
      let v = g.addOp(OpCode.add, g.addOp(OpCode.add, inputs[0], inputs[1]), inputs[2]);
      for (let i = 0; i < 1000; i++) {
        v = g.addOp(OpCode.tanh, v);
        v = g.addOp(OpCode.mul, v, g.addConstant(1.5));
      }
      run(g, v);
      return { g, out: v, inputs };
    }

    it('samples deterministically past the budget: inputs first, and says checked < total', () => {
      const { g, out, inputs } = chain();
      const report = gradCheck(g, out, 40_000);
      expect(report.results.length).toBeLessThan(report.total);
      expect(report.results.length).toBeGreaterThan(inputs.length);
      expect(report.checked + report.skipped.length).toBe(report.results.length);
      const ids = report.results.map((r) => r.id);
      expect(ids.slice(0, 3)).toEqual(inputs);
      expect(report.failed).toEqual([]);
      expect(gradCheck(g, out, 40_000).results.map((r) => r.id)).toEqual(ids);
    });

    it('checks everything when the budget covers it', () => {
      const { g, out } = chain();
      const report = gradCheck(g, out, 1e9);
      expect(report.results).toHaveLength(report.total);
      expect(report.total).toBe(3 + 2 + 2000 - 1);
    });
  });

  it('marks disagreements within rounding noise (tiny grads deep in a chain) as precision, not fail', () => {
    // tanh then doubling: each pair multiplies the grad by ~0.17, so 30 levels up it is ~1e-12 and
    // the output moves by less than one ulp when that node is nudged by h.
    const g = new Graph();
    let v = g.addInput(0.5, 'x');
    for (let i = 0; i < 20; i++) {
      v = g.addOp(OpCode.tanh, v);
      v = g.addOp(OpCode.add, v, v);
    }
    run(g, v);
    const report = gradCheck(g, v, 'all');
    expect(report.failed).toEqual([]);
    const roundoff = report.results.filter((r) => r.reason === 'precision');
    expect(roundoff.length).toBeGreaterThan(0);
    for (const r of roundoff) expect(Math.abs(r.analytic)).toBeLessThan(1e-5);
  });

  it('does not fail a zero grad at a flat point where the difference has truncation error (x**3 at 0)', () => {
    const g = new Graph();
    const x = g.addInput(0, 'x');
    const out = g.addOp(OpCode.pow, x, -1, 3);
    run(g, out);
    // The central difference is h² = 1e-12, which the relative criterion alone would call a failure.
    expect(gradCheck(g, out, 'all').results[0]).toMatchObject({
      id: x,
      status: 'skipped',
      reason: 'precision',
    });
    g.grad[x] = 1e-3;
    expect(gradCheck(g, out, 'all').results[0].status).toBe('fail');
  });
});
