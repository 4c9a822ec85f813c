/**
 * Differential test at the extremes: every op's data and local derivatives, computed by the engine
 * (forward and backward through a graph), against exact fractions and 60-digit decimals computed by
 * python3 (test/engine/reference_ops.py), on extreme values (1e±300, 1e-160, subnormals, 0, the
 * largest double) and on random values over the whole exponent range.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backward, forward, Graph, OPS, OpCode, type OpSpec } from '../../src/engine/index.js';
import { EXPONENTS, EXTREMES, randomValues, ulpDistance } from './numeric.js';

const SCRIPT = fileURLToPath(new URL('./reference_ops.py', import.meta.url));

interface Case {
  readonly op: OpSpec;
  readonly a: number;
  readonly b: number;
  readonly k: number;
}

function cases(): Case[] {
  const out: Case[] = [];
  const values = [...EXTREMES, ...randomValues(60, 15)];
  for (const op of OPS.filter((o) => o.arity > 0)) {
    if (op.arity === 2) {
      for (const a of values) for (const b of values) out.push({ op, a, b, k: 0 });
    } else {
      const ks = op.code === OpCode.pow ? EXPONENTS : [0];
      for (const a of values) for (const k of ks) out.push({ op, a, b: 0, k });
    }
  }
  return out;
}

type Triple = [string | null, string | null, string | null];

function reference(all: readonly Case[]): Triple[] {
  const input = JSON.stringify(
    all.map((c) => ({ op: c.op.name, a: signed(c.a), b: signed(c.b), k: String(c.k) })),
  );
  const run = spawnSync('python3', [SCRIPT], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`reference_ops.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Triple[];
}

const signed = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

function parse(text: string): number {
  if (text === 'inf') return Number.POSITIVE_INFINITY;
  if (text === '-inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** The engine's data and input grads for one op node that is the output. */
function engine(c: Case): number[] {
  const g = new Graph();
  const ia = g.addInput(c.a);
  const ib = g.addInput(c.b);
  const node = c.op.arity === 2 ? g.addOp(c.op.code, ia, ib) : g.addOp(c.op.code, ia, -1, c.k);
  forward(g);
  backward(g, node);
  return [g.data[node], g.grad[ia], g.grad[ib]];
}

/** Rational ops round once or twice; exp, log, tanh, pow and sigmoid are within a few ulps. */
const ULPS: Record<string, number> = { add: 0, sub: 0, mul: 0, neg: 0, relu: 0, div: 2 };

describe('every op at the extremes, against exact and 60-digit references', () => {
  const all = cases();
  const expected = reference(all);

  it('data and every local derivative are within a few ulps wherever the true value is defined', () => {
    const failures: string[] = [];
    for (const [i, c] of all.entries()) {
      const got = engine(c);
      const tolerance = ULPS[c.op.name] ?? 4;
      for (let slot = 0; slot <= c.op.arity; slot++) {
        const want = expected[i][slot];
        if (want === null) continue;
        const distance = ulpDistance(got[slot], parse(want));
        if (distance > tolerance) {
          const what = slot === 0 ? 'data' : `d/d${slot === 1 ? 'a' : 'b'}`;
          failures.push(`${c.op.name}(${c.a}, ${c.b}, k=${c.k}) ${what}: ${got[slot]} vs ${want}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(all.length).toBeGreaterThan(10_000);
  });

  it.each([
    // a / b wrt b: -a/b², where b·b overflows (1e400) or underflows (9e-400).
    [1e300, 1e200, -1e-100],
    [1e-200, 3e-200, -1.1111111111111111e199],
  ])('d(%s / %s)/db = %s, not 0 or -Infinity', (a, b, want) => {
    const [, , db] = engine({ op: OPS[OpCode.div], a, b, k: 0 });
    expect(ulpDistance(db, want)).toBeLessThanOrEqual(1);
  });

  it.each([1e-200, 5.794077388685309e-13, 1e300, 1e-300])('x / x at %s has grad exactly 0', (x) => {
    const g = new Graph();
    const id = g.addInput(x);
    const out = g.addOp(OpCode.div, id, id);
    forward(g);
    backward(g, out);
    expect(g.grad[id]).toBe(0);
  });
});
