import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../src/engine/index.js';

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
