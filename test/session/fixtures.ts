import fc from 'fast-check';
import { Graph, OpCode } from '../../src/engine/index.js';
import type { Scenario, WalkthroughItem } from '../../src/scenario/index.js';
import { loadScenario, makeScenario } from '../../src/scenario/index.js';
import type { Action } from '../../src/session/index.js';
import { seedNotebook } from '../engine/reference-graphs.js';

const source = (name: string) => ({ name, text: '' });

/** The seed notebook (reference values §1): z = x*x*y + tanh(x*y) at x = 2, y = 3. */
export function seed(walkthrough: WalkthroughItem[] = []): Scenario {
  const { graph, output } = seedNotebook();
  return makeScenario({ source: source('seed'), title: 'seed', graph, output, walkthrough });
}

/**
 * Every kind of step value: a NaN (log of a negative), a constant, pow, neg, div, relu, a node
 * used twice, and a node outside the output's cone.
 */
export function mixed(): Scenario {
  const g = new Graph();
  const a = g.addInput(-1.5, 'a');
  const b = g.addInput(0.5, 'b');
  const two = g.addConstant(2);
  const lg = g.addOp(OpCode.log, a);
  g.setName(lg, 'lg');
  const p = g.addOp(OpCode.pow, a, -1, 3);
  g.setName(p, 'p');
  const n = g.addOp(OpCode.neg, p);
  g.setName(n, 'n');
  const d = g.addOp(OpCode.div, n, b);
  g.setName(d, 'd');
  const r = g.addOp(OpCode.relu, d);
  g.setName(r, 'r');
  const sq = g.addOp(OpCode.mul, r, r);
  g.setName(sq, 'sq');
  const s = g.addOp(OpCode.mul, two, sq);
  g.setName(s, 's');
  const out = g.addOp(OpCode.add, s, lg);
  g.setName(out, 'out');
  const unused = g.addOp(OpCode.exp, b);
  g.setName(unused, 'unused');
  return makeScenario({ source: source('mixed'), title: 'mixed', graph: g, output: out });
}

/** v0 = x, v_i = v_{i-1} + x: `length` op nodes, x receives length + 1 contributions. */
export function chain(length: number): Scenario {
  const g = new Graph(length + 2);
  const x = g.addInput(0.5, 'x');
  let v = x;
  for (let i = 0; i < length; i++) v = g.addOp(OpCode.add, v, x);
  return makeScenario({ source: source('chain'), title: 'chain', graph: g, output: v });
}

/**
 * `size` nodes where each op reads the node before it and, for binary ops, another of the 16
 * before that (fan-out: most nodes receive several contributions), cycling through add, tanh,
 * mul, sub, pow and sigmoid; a few nodes off the output's path. Deterministic.
 */
export function fanOut(size: number): Scenario {
  const g = new Graph(size);
  g.addInput(0.7, 'x');
  g.addInput(-0.4, 'y');
  let state = 12345;
  // Never `last` itself: `v - v` would make the rest of the chain 0.
  const pick = (last: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return last - 1 - (state % Math.min(last, 16));
  };
  const ops = [OpCode.add, OpCode.tanh, OpCode.mul, OpCode.sub, OpCode.pow, OpCode.sigmoid];
  let v = 1;
  for (let i = 2; i < size; i++) {
    const code = ops[i % ops.length];
    const id =
      code === OpCode.tanh || code === OpCode.sigmoid
        ? g.addOp(code, v)
        : code === OpCode.pow
          ? g.addOp(code, v, -1, 2)
          : g.addOp(code, v, pick(v));
    // Every 50th node is a side branch the output does not depend on.
    if (i % 50 !== 0) v = id;
  }
  return makeScenario({ source: source('fan-out'), title: 'fan-out', graph: g, output: v });
}

/**
 * One neuron without activation, trained three iterations: n = w·x + b, loss = (n − y)², x = 2,
 * y = 1, w = −3, b = 1, lr = 0.01.
 */
export const NEURON = `title: t
graph: |
  x = 2.0
  y = 1.0
  w = -3.0
  b = 1.0
  n = w * x + b
  loss = (n - y) ** 2
train: { params: [w, b], lr: 0.01, steps: 3 }
`;

/** A scenario file's text, loaded; its diagnostics thrown. */
export function load(text: string): Scenario {
  const result = loadScenario({ name: 't.yaml', text });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.scenario;
}

const SIMPLE = [
  'next',
  'prev',
  'first',
  'last',
  'finish',
  'reverseFinish',
  'continue',
  'reverseContinue',
] as const;

/** One step of a random walk: an action without arguments, or a goto to any position. */
export const walkAction = (total: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.constantFrom(...SIMPLE).map((type) => ({ type })),
    fc.integer({ min: 0, max: total }).map((step) => ({ type: 'goto' as const, step })),
  );
