import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backward, forward, Graph, gradCheck, OPS, OpCode } from '../../src/engine/index.js';

const BINARY = [OpCode.add, OpCode.sub, OpCode.mul, OpCode.div] as const;
const UNARY = [
  OpCode.neg,
  OpCode.tanh,
  OpCode.relu,
  OpCode.exp,
  OpCode.log,
  OpCode.sigmoid,
] as const;
const EXPONENTS = [2, 3, -1, 0.5, -2] as const;
/** Keep every kinked input (relu, log, a divisor, a fractional power's base) this far from its kink. */
const MARGIN = 1e-2;

const step = fc.record({
  op: fc.constantFrom<number>(...BINARY, ...UNARY, OpCode.pow),
  a: fc.nat(),
  b: fc.nat(),
  k: fc.constantFrom(...EXPONENTS),
});
const program = fc.record({
  inputs: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(step, { minLength: 1, maxLength: 25 }),
});

type Program = typeof program extends fc.Arbitrary<infer P> ? P : never;

function build({ inputs, steps }: Program): { g: Graph; out: number } {
  const g = new Graph();
  for (const [i, v] of inputs.entries()) g.addInput(v, `x${i}`);
  for (const s of steps) {
    const a = s.a % g.size;
    if (OPS[s.op].arity === 2) g.addOp(s.op as OpCode, a, s.b % g.size);
    else g.addOp(s.op as OpCode, a, -1, s.op === OpCode.pow ? s.k : 0);
  }
  return { g, out: g.size - 1 };
}

/** Whether every value is finite and moderate and every kinked input is clear of its kink. */
function wellConditioned(g: Graph, out: number): boolean {
  for (let id = 0; id <= out; id++) {
    if (!Number.isFinite(g.data[id]) || Math.abs(g.data[id]) > 1e6) return false;
    if (!Number.isFinite(g.grad[id]) || Math.abs(g.grad[id]) > 1e4) return false;
    const kink = OPS[g.op[id]].kink;
    if (kink === undefined || (kink.when !== undefined && !kink.when(g.param[id]))) continue;
    const input = kink.input === 0 ? g.in0[id] : g.in1[id];
    if (Math.abs(g.data[input] - kink.at) < MARGIN) return false;
  }
  return true;
}

describe('random graphs', () => {
  it('analytic grads agree with gradCheck and with finite differences of a full forward', () => {
    fc.assert(
      fc.property(program, (p) => {
        const { g, out } = build(p);
        forward(g);
        backward(g, out);
        fc.pre(wellConditioned(g, out));

        const report = gradCheck(g, out, 'all');
        expect(report.failed).toEqual([]);

        // Independently of gradCheck: nudge each input and re-run the whole forward pass.
        const grads = g.grad.slice(0, g.size);
        for (let x = 0; x < p.inputs.length; x++) {
          const v = g.data[x];
          const h = 1e-6 * Math.max(1, Math.abs(v));
          g.data[x] = v + h;
          forward(g);
          const up = g.data[out];
          g.data[x] = v - h;
          forward(g);
          const down = g.data[out];
          g.data[x] = v;
          const numeric = (up - down) / (2 * h);
          const scale = Math.max(1, Math.abs(g.data[out]));
          expect(Math.abs(grads[x] - numeric)).toBeLessThanOrEqual(
            1e-5 * (Math.abs(numeric) + scale),
          );
        }
      }),
      { numRuns: 300, seed: 20251127 },
    );
  });
});
