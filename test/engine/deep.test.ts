import { describe, expect, it } from 'vitest';
import {
  backward,
  backwardOrder,
  dependencyMask,
  forward,
  Graph,
  gradCheck,
  OpCode,
} from '../../src/engine/index.js';

const N = 1_000_000;

describe('a 1e6-deep chain', () => {
  it('runs forward and backward without a stack overflow, with exact values', () => {
    // v <- v + x, N times: data (N+1)·x; x receives one contribution per level, grad N+1.
    const g = new Graph();
    const x = g.addInput(0.5, 'x');
    let v = x;
    for (let i = 0; i < N; i++) v = g.addOp(OpCode.add, v, x);
    forward(g);
    backward(g, v);
    expect(g.size).toBe(N + 1);
    expect(g.data[v]).toBe((N + 1) * 0.5);
    expect(g.grad[x]).toBe(N + 1);
    expect(backwardOrder(g, v, dependencyMask(g, v))).toHaveLength(N);
  });

  it('grad-checks a 1e6 tanh chain within the default budget, sampling and failing nothing', () => {
    const g = new Graph(N);
    let v = g.addInput(0.5, 'x');
    for (let i = 1; i < N; i++) v = i % 2 ? g.addOp(OpCode.tanh, v) : g.addOp(OpCode.add, v, v);
    forward(g);
    backward(g, v);
    const report = gradCheck(g, v);
    expect(report.total).toBe(N - 1);
    expect(report.checked).toBeLessThan(report.total);
    expect(report.results[0].id).toBe(0);
    expect(report.failed).toEqual([]);
  });
});
