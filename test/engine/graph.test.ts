import { describe, expect, it } from 'vitest';
import { backward, forward, Graph, OpCode } from '../../src/engine/index.js';

describe('Graph', () => {
  it('gives ids in creation order, keeps ordered inputs, names and kinds, and grows', () => {
    const g = new Graph(1);
    const x = g.addInput(2, 'x');
    const c = g.addConstant(3);
    const p = g.addOp(OpCode.pow, x, -1, -1);
    const m = g.addOp(OpCode.sub, c, x);
    expect([x, c, p, m]).toEqual([0, 1, 2, 3]);
    expect(g.size).toBe(4);
    expect(g.inputsOf(m)).toEqual([c, x]);
    expect(g.inputsOf(p)).toEqual([x]);
    expect(g.param[p]).toBe(-1);
    expect([g.isLeaf(x), g.isLeaf(c), g.isLeaf(p)]).toEqual([true, true, false]);
    expect(g.opOf(m)).toBe(OpCode.sub);
    expect(g.arity(m)).toBe(2);
    expect(g.idOf('x')).toBe(x);
    expect(g.nameOf(x)).toBe('x');
    expect(g.nameOf(c)).toBeUndefined();
    expect([g.data[x], g.data[c]]).toEqual([2, 3]);
  });

  it('rejects malformed op nodes with a message', () => {
    const g = new Graph();
    const x = g.addInput(1);
    expect(() => g.addOp(OpCode.add, x)).toThrow('add takes 2 input(s), got 1');
    expect(() => g.addOp(OpCode.tanh, x, x)).toThrow('tanh takes 1 input(s), got 2');
    expect(() => g.addOp(OpCode.input, x)).toThrow('input is a leaf, not an op');
    expect(() => g.addOp(99 as OpCode, x)).toThrow('unknown op code 99');
    expect(() => g.addOp(OpCode.mul, x, 1)).toThrow('input #1 is not an earlier node');
    expect(() => g.addOp(OpCode.neg, 0.5)).toThrow('input #0.5 is not an earlier node');
    expect(() => g.addOp(OpCode.neg, -2)).toThrow('input #-2 is not an earlier node');
    expect(g.size).toBe(1);
  });
});

describe('Graph reuse: truncate and reset', () => {
  it('rebuilds a step on kept parameters in the same arrays, with the same results as a new graph', () => {
    const g = new Graph(16);
    const w = g.addInput(0.5, 'w');
    const b = g.addInput(-1, 'b');
    const arrays = [g.op, g.in0, g.data, g.grad];
    for (const x of [2, 3, -4]) {
      g.truncate(2);
      const xi = g.addInput(x, 'x');
      const out = g.addOp(OpCode.add, g.addOp(OpCode.mul, w, xi), b);
      g.setName(out, 'out');
      forward(g);
      backward(g, out);
      // out = w·x + b: d/dw = x, d/db = 1, by hand.
      expect(g.size).toBe(5);
      expect(g.data[out]).toBe(0.5 * x - 1);
      expect([g.grad[w], g.grad[b], g.grad[xi]]).toEqual([x, 1, 0.5]);
      expect(g.idOf('out')).toBe(out);
    }
    // Nothing grew: the step reused the parameters' arrays.
    expect([g.op, g.in0, g.data, g.grad].every((a, i) => a === arrays[i])).toBe(true);
  });

  it('forgets the names of dropped nodes, and an earlier node of that name is found again', () => {
    const g = new Graph();
    const first = g.addInput(1, 'x');
    g.addInput(2, 'y');
    expect(g.idOf('x')).toBe(first);
    g.setName(g.addOp(OpCode.neg, first), 'x');
    expect(g.idOf('x')).toBe(2);
    g.truncate(2);
    expect(g.nameOf(2)).toBeUndefined();
    expect(g.idOf('x')).toBe(first);
    g.reset();
    expect(g.size).toBe(0);
    expect(g.idOf('y')).toBeUndefined();
    expect(g.addInput(7)).toBe(0);
  });

  it('refuses sizes it cannot truncate to', () => {
    const g = new Graph();
    g.addInput(1);
    for (const size of [-1, 2, 0.5, Number.NaN]) expect(() => g.truncate(size)).toThrow(RangeError);
  });
});

describe('Graph name source', () => {
  /** Five nodes; the source names the even ids n0, n2, n4 and counts how often it is asked. */
  function sourced() {
    const g = new Graph();
    const x = g.addInput(1);
    for (let i = 1; i < 5; i++) g.addOp(OpCode.neg, i === 1 ? x : i - 1);
    const asked: number[] = [];
    g.setNameSource((id) => {
      asked.push(id);
      return id % 2 === 0 ? `n${id}` : undefined;
    });
    return { g, asked };
  }

  it('names the nodes made so far on demand, and an explicit name wins', () => {
    const { g, asked } = sourced();
    expect(asked).toEqual([]);
    expect([0, 1, 2, 3, 4].map((id) => g.nameOf(id))).toEqual([
      'n0',
      undefined,
      'n2',
      undefined,
      'n4',
    ]);
    g.setName(2, 'two');
    g.setName(3, 'three');
    expect([g.nameOf(2), g.nameOf(3)]).toEqual(['two', 'three']);
    expect([g.idOf('n4'), g.idOf('two'), g.idOf('three'), g.idOf('n2')]).toEqual([
      4,
      2,
      3,
      undefined,
    ]);
  });

  it('renames a sourced node in the index built before', () => {
    const { g } = sourced();
    expect(g.idOf('n2')).toBe(2);
    g.setName(2, 'n4');
    // The latest name given wins, as setName does for names it holds.
    expect([g.idOf('n2'), g.idOf('n4')]).toEqual([undefined, 2]);
  });

  it('does not name nodes made after it, nor those made again after truncate', () => {
    const { g } = sourced();
    const later = g.addOp(OpCode.neg, 4);
    expect(g.nameOf(later)).toBeUndefined();
    expect(g.idOf('n4')).toBe(4);
    g.truncate(3);
    g.addInput(5);
    g.addInput(6);
    expect([g.nameOf(3), g.nameOf(4)]).toEqual([undefined, undefined]);
    expect([g.idOf('n2'), g.idOf('n4')]).toEqual([2, undefined]);
  });
});
