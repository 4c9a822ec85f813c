import { describe, expect, it } from 'vitest';
import { backward, firstNonFinite, forward, Graph, OpCode } from '../../src/engine/index.js';

describe('non-finite values are values, never exceptions', () => {
  it.each([
    ['log(-1)', (g: Graph) => g.addOp(OpCode.log, g.addInput(-1)), Number.NaN],
    ['exp(1000)', (g: Graph) => g.addOp(OpCode.exp, g.addInput(1000)), Number.POSITIVE_INFINITY],
    ['0 ** -1', (g: Graph) => g.addOp(OpCode.pow, g.addInput(0), -1, -1), Number.POSITIVE_INFINITY],
    [
      '1 / 0',
      (g: Graph) => g.addOp(OpCode.div, g.addInput(1), g.addInput(0)),
      Number.POSITIVE_INFINITY,
    ],
  ] as const)('%s', (_label, build, expected) => {
    const g = new Graph();
    const bad = build(g);
    const out = g.addOp(OpCode.mul, bad, g.addConstant(2));
    expect(() => {
      forward(g);
      backward(g, out);
    }).not.toThrow();
    expect(g.data[bad]).toBe(expected);
    expect(firstNonFinite(g, 'data')).toBe(bad);
  });

  it('firstNonFinite finds the first in creation order, honours the limit, and checks grads', () => {
    const g = new Graph();
    const x = g.addInput(2, 'x');
    const ok = g.addOp(OpCode.tanh, x);
    const first = g.addOp(OpCode.log, g.addOp(OpCode.neg, x));
    const second = g.addOp(OpCode.exp, g.addConstant(1000));
    const out = g.addOp(OpCode.add, first, g.addOp(OpCode.add, second, ok));
    forward(g);
    backward(g, out);
    expect(firstNonFinite(g, 'data')).toBe(first);
    expect(firstNonFinite(g, 'data', first - 1)).toBeUndefined();
    // log(-x) is NaN but its local derivative 1/(-2)·(-1) = 0.5 is finite, so x's grad is too;
    // the constant under exp(1000) receives exp(1000) = Infinity.
    expect(g.grad[x]).toBeCloseTo(0.5 + (1 - Math.tanh(2) ** 2), 12);
    expect(firstNonFinite(g, 'grad')).toBe(second - 1);
  });

  it('reports nothing on a finite graph', () => {
    const g = new Graph();
    const out = g.addOp(OpCode.sigmoid, g.addInput(-1000));
    forward(g);
    backward(g, out);
    expect(firstNonFinite(g, 'data')).toBeUndefined();
    expect(firstNonFinite(g, 'grad')).toBeUndefined();
  });
});
