import { describe, expect, it } from 'vitest';
import {
  backward,
  FUNCTIONS,
  forward,
  Graph,
  localDerivative,
  OPS,
  OpCode,
  type OpSpec,
} from '../../src/engine/index.js';

/** Points away from every op's kink and inside every op's domain (log needs a > 0, b != 0). */
const POINTS: readonly (readonly [number, number])[] = [
  [0.7, 1.3],
  [2.5, -0.4],
  [0.05, 3],
  [1.9, 0.6],
];
const EXPONENTS = [3, 2, 0.5, -1, -2.5];

const ops = OPS.filter((op) => op.arity > 0);

function centralDifference(op: OpSpec, slot: number, a: number, b: number, k: number): number {
  const x = slot === 0 ? a : b;
  const h = 1e-6 * Math.max(1, Math.abs(x));
  const at = (v: number) => (slot === 0 ? op.forward(v, b, k) : op.forward(a, v, k));
  return (at(x + h) - at(x - h)) / (2 * h);
}

describe('op table', () => {
  it('has one entry per op code, at its code, with a local derivative, rule and formula per input', () => {
    for (const [name, code] of Object.entries(OpCode)) {
      const spec = OPS[code];
      expect(spec.name).toBe(name);
      expect(spec.code).toBe(code);
      expect(spec.local).toHaveLength(spec.arity);
      expect(spec.rule).toHaveLength(spec.arity);
      expect(spec.formula).toHaveLength(spec.arity);
    }
    expect(OPS).toHaveLength(Object.keys(OpCode).length);
    expect([...FUNCTIONS.keys()].sort()).toEqual(['exp', 'log', 'relu', 'sigmoid', 'tanh']);
  });

  describe.each(ops.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    const exponents = op.code === OpCode.pow ? EXPONENTS : [0];
    it('local derivatives match central finite differences', () => {
      for (const [a, b] of POINTS) {
        for (const k of exponents) {
          const out = op.forward(a, b, k);
          for (let slot = 0; slot < op.arity; slot++) {
            const analytic = op.local[slot](a, b, out, k);
            const numeric = centralDifference(op, slot, a, b, k);
            const rel =
              Math.abs(analytic - numeric) / Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
            expect(rel, `${op.name} slot ${slot} at (${a}, ${b}, k=${k})`).toBeLessThan(1e-6);
          }
        }
      }
    });

    it('is what the graph computes for a node of this op', () => {
      const [a, b] = POINTS[0];
      const k = op.code === OpCode.pow ? 3 : 0;
      const g = new Graph();
      const ia = g.addInput(a);
      const ib = g.addInput(b);
      const id = op.arity === 2 ? g.addOp(op.code, ia, ib) : g.addOp(op.code, ia, -1, k);
      forward(g);
      expect(g.data[id]).toBe(op.forward(a, b, k));
      for (let slot = 0; slot < op.arity; slot++) {
        expect(localDerivative(g, id, slot)).toBe(op.local[slot](a, b, g.data[id], k));
      }
    });
  });
});

describe('conventions', () => {
  it('x * x receives both contributions (2x), and lists x twice', () => {
    const g = new Graph();
    const x = g.addInput(3, 'x');
    const sq = g.addOp(OpCode.mul, x, x);
    forward(g);
    backward(g, sq);
    expect(g.inputsOf(sq)).toEqual([x, x]);
    expect(g.data[sq]).toBe(9);
    expect(g.grad[x]).toBe(6);
  });

  it("relu'(0) = 0, and relu' is 1 only for positive inputs", () => {
    const g = new Graph();
    const x = g.addInput(0);
    const r = g.addOp(OpCode.relu, x);
    forward(g);
    backward(g, r);
    expect(g.data[r]).toBe(0);
    expect(g.grad[x]).toBe(0);
    const relu = OPS[OpCode.relu];
    expect(relu.local[0](1e-300, 0, 1e-300, 0)).toBe(1);
    expect(relu.local[0](-1e-300, 0, 0, 0)).toBe(0);
  });

  it('x ** 0 is constant: its grad is 0, also at x = 0 where k·x**(k-1) would be 0·∞', () => {
    for (const at of [0, 2]) {
      const g = new Graph();
      const x = g.addInput(at);
      const p = g.addOp(OpCode.pow, x, -1, 0);
      forward(g);
      backward(g, p);
      expect(g.data[p]).toBe(1);
      expect(g.grad[x]).toBe(0);
      expect(localDerivative(g, p, 0)).toBe(0);
    }
  });

  it('relu keeps NaN visible instead of turning it into 0', () => {
    expect(OPS[OpCode.relu].forward(Number.NaN, 0, 0)).toBeNaN();
  });

  it('sigmoid does not overflow at ±1000 and its derivative stays finite', () => {
    const sigmoid = OPS[OpCode.sigmoid];
    expect(sigmoid.forward(1000, 0, 0)).toBe(1);
    expect(sigmoid.forward(-1000, 0, 0)).toBe(0);
    for (const x of [1000, -1000]) {
      const out = sigmoid.forward(x, 0, 0);
      expect(sigmoid.local[0](x, 0, out, 0)).toBe(0);
    }
  });

  it('sigmoid is accurate, including its tail where 1/(1+exp(-x)) loses digits', () => {
    const sigmoid = (x: number) => OPS[OpCode.sigmoid].forward(x, 0, 0);
    // Independent values: σ(0) = 1/2, σ(ln 3) = 3/4, σ(-ln 3) = 1/4, and σ(x) = e^x/(1+e^x) ≈ e^x
    // to 1e-13 relative for x <= -30.
    expect(sigmoid(0)).toBe(0.5);
    expect(Math.abs(sigmoid(Math.log(3)) - 0.75)).toBeLessThan(1e-15);
    expect(Math.abs(sigmoid(-Math.log(3)) - 0.25)).toBeLessThan(1e-15);
    for (const x of [-30, -100, -700]) {
      expect(Math.abs(sigmoid(x) / Math.exp(x) - 1)).toBeLessThan(1e-12);
    }
    for (const x of [0.3, 2, 17])
      expect(Math.abs(sigmoid(x) + sigmoid(-x) - 1)).toBeLessThan(1e-15);
  });
});
