/**
 * The grad check at the extremes: a right derivative is never reported as failed, a wrong one is
 * never reported as passed, on every op at extreme and random values (the differential test's
 * values, test/engine/extremes.test.ts, shows the engine's grads are the right ones there).
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  forward,
  Graph,
  gradCheck,
  type NodeCheck,
  OPS,
  OpCode,
  type OpSpec,
} from '../../src/engine/index.js';
import { EXPONENTS, EXTREMES, random, randomValues } from './numeric.js';

/** One op node over two inputs, run forward and backward; the node is the output. */
function single(op: OpSpec, a: number, b: number, k: number) {
  const g = new Graph();
  const ia = g.addInput(a, 'a');
  const ib = g.addInput(b, 'b');
  const out = op.arity === 2 ? g.addOp(op.code, ia, ib) : g.addOp(op.code, ia, -1, k);
  forward(g);
  backward(g, out);
  return { g, out, inputs: op.arity === 2 ? [ia, ib] : [ia] };
}

function verdict(g: Graph, out: number, id: number): NodeCheck {
  const found = gradCheck(g, out, 'all').results.find((r) => r.id === id);
  if (found === undefined) throw new Error(`node ${id} was not checked`);
  return found;
}

/** Ordinary values too, where most checks can tell: uniform in ±10 and log-uniform in 1e±3. */
function ordinary(count: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? 20 * next() - 10 : (next() < 0.5 ? -1 : 1) * 10 ** (6 * next() - 3),
  );
}

const VALUES = [...EXTREMES, ...randomValues(24, 7), ...ordinary(24, 8)];

function* cases() {
  for (const op of OPS.filter((o) => o.arity > 0)) {
    if (op.arity === 2) {
      for (const a of VALUES) for (const b of VALUES) yield { op, a, b, k: 0 };
    } else {
      const ks = op.code === OpCode.pow ? EXPONENTS : [0];
      for (const a of VALUES) for (const k of ks) yield { op, a, b: 0, k };
    }
  }
}

describe('grad check at the extremes', () => {
  it('never fails a right derivative, never passes a wrong one', () => {
    const wrongPassed: string[] = [];
    const rightFailed: string[] = [];
    let passed = 0;
    let total = 0;
    for (const { op, a, b, k } of cases()) {
      const { g, out, inputs } = single(op, a, b, k);
      for (const id of inputs) {
        const where = `${op.name}(${a}, ${b}, k=${k}) input ${id}`;
        const right = g.grad[id];
        total++;
        const status = verdict(g, out, id).status;
        if (status === 'fail') rightFailed.push(where);
        if (status === 'pass') passed++;
        for (const wrong of [right === 0 ? 1 : right * 1.001, -right, right * 0.5]) {
          // No difference can resolve less than the smallest normal double (rounding level).
          if (!Number.isFinite(wrong) || Math.abs(wrong - right) < 2 ** -1022) continue;
          g.grad[id] = wrong;
          if (verdict(g, out, id).status === 'pass') wrongPassed.push(`${where}: ${wrong}`);
          g.grad[id] = right;
        }
      }
    }
    expect(rightFailed.slice(0, 20)).toEqual([]);
    expect(wrongPassed.slice(0, 20)).toEqual([]);
    // Most are compared, not skipped: the check still checks.
    expect(passed / total).toBeGreaterThan(0.5);
  });

  it.each([2e-6, 3e-6, 5e-6, 1e-5, 3e-5, 1e-4])('passes log(x) at x = %s (grad 1/x)', (x) => {
    const { g, out, inputs } = single(OPS[OpCode.log], x, 0, 0);
    expect(g.grad[inputs[0]]).toBe(1 / x);
    expect(verdict(g, out, inputs[0]).status).toBe('pass');
    g.grad[inputs[0]] = 1.001 / x;
    expect(verdict(g, out, inputs[0]).status).toBe('fail');
  });

  it('fails b.grad = 0 for a / b at a = 1e300, b = 1e200 (exact -1e-100), passes the right one', () => {
    const { g, out, inputs } = single(OPS[OpCode.div], 1e300, 1e200, 0);
    expect(verdict(g, out, inputs[1]).status).toBe('pass');
    g.grad[inputs[1]] = 0;
    expect(verdict(g, out, inputs[1]).status).toBe('fail');
  });
});
