/**
 * GradCheckRun, the grad check in pieces: however its steps are cut, and whatever happens to the
 * graph's arrays between them, its report is exactly the one-shot gradCheck's (same verdicts,
 * same numbers to the bit: toEqual compares numbers with Object.is).
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  forward,
  type GradCheckBudget,
  GradCheckRun,
  Graph,
  gradCheck,
  OpCode,
} from '../../src/engine/index.js';
import { REFERENCE_CASES } from './reference-graphs.js';

/** A deterministic generator in [0, 1) (an LCG), so a failing graph can be rebuilt. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * n nodes: 6 inputs, then ops over one or two earlier nodes (mostly near, some far), cycling
 * through add, mul, tanh, sub, relu and pow 2; a relu sits at exactly 0 now and then (a kink).
 */
function randomDag(n: number, seed: number): { graph: Graph; output: number } {
  const random = seeded(seed);
  const g = new Graph();
  for (let i = 0; i < 6; i++) g.addInput(random() - 0.5, `w${i}`);
  const pick = (k: number) =>
    random() < 0.8 ? k - 1 - Math.floor(random() * Math.min(8, k)) : Math.floor(random() * k);
  for (let k = 6; k < n; k++) {
    const a = pick(k);
    const b = pick(k);
    switch (k % 6) {
      case 0:
        g.addOp(OpCode.add, a, b);
        break;
      case 1:
        g.addOp(OpCode.mul, a, b);
        break;
      case 2:
        g.addOp(OpCode.tanh, a);
        break;
      case 3:
        g.addOp(OpCode.sub, a, b);
        break;
      case 4:
        g.addOp(OpCode.relu, k % 30 === 4 ? g.addOp(OpCode.sub, a, a) : a);
        break;
      default:
        g.addOp(OpCode.pow, a, -1, 2);
    }
  }
  return { graph: g, output: g.size - 1 };
}

function ready(graph: Graph, output: number): void {
  forward(graph);
  backward(graph, output);
}

/** The run one node per step (its clock is always past the deadline); how many steps it took. */
function oneNodeAtATime(g: Graph, output: number, budget: GradCheckBudget, scribble = false) {
  const run = new GradCheckRun(g, output, budget);
  const random = seeded(7);
  let steps = 0;
  while (!run.done) {
    run.step(0, () => 1);
    steps++;
    // The session moves the graph's arrays between steps: the run must not read them again.
    if (scribble) {
      for (let id = 0; id < g.size; id++) {
        g.data[id] = random();
        g.grad[id] = random();
      }
    }
  }
  return { report: run.report(), steps };
}

const GRAPHS = [
  ...REFERENCE_CASES.map((make, i) => ({ name: `reference case ${i}`, make })),
  { name: 'random DAG of 400 nodes', make: () => randomDag(400, 1) },
  { name: 'random DAG of 1,000 nodes', make: () => randomDag(1_000, 2) },
];

describe('GradCheckRun', () => {
  for (const { name, make } of GRAPHS) {
    for (const budget of ['all', 2_000] as const) {
      it(`${name}, budget ${budget}: one node per step reports what gradCheck does`, () => {
        const { graph, output } = make();
        ready(graph, output);
        const once = gradCheck(graph, output, budget);
        const sliced = oneNodeAtATime(graph, output, budget, true);
        expect(sliced.report).toEqual(once);
        // One step per examined node: the steps were really that small.
        expect(sliced.steps).toBe(once.results.length);
      });
    }
  }

  it('the random DAG exercises every verdict, and a wrong grad fails in pieces too', () => {
    const { graph, output } = randomDag(1_000, 2);
    ready(graph, output);
    const passed = gradCheck(graph, output, 'all').results.filter((r) => r.status === 'pass');
    const victims = [passed[10].id, passed[100].id];
    for (const id of victims) graph.grad[id] = graph.grad[id] * 1.5 + 0.1;
    const once = gradCheck(graph, output, 'all');
    expect(once.failed.map((r) => r.id)).toEqual(victims);
    expect(once.skipped.length).toBeGreaterThan(0);
    expect(once.checked).toBeGreaterThan(150);
    expect(oneNodeAtATime(graph, output, 'all', true).report).toEqual(once);
  });

  it('a step stops at the deadline its caller gives, and says whether the run is over', () => {
    const { graph, output } = randomDag(400, 1);
    ready(graph, output);
    const run = new GradCheckRun(graph, output, 'all');
    // A clock that passes the deadline at its third reading: three nodes are probed.
    let reads = 0;
    expect(run.step(3, () => ++reads)).toBe(false);
    expect(reads).toBe(3);
    expect(() => run.report()).toThrow(/nodes left/);
    expect(run.step(Number.POSITIVE_INFINITY, () => 0)).toBe(true);
    expect(run.report()).toEqual(gradCheck(graph, output, 'all'));
  });

  it('never writes the graph: values and grads are as they were after every step', () => {
    const { graph, output } = randomDag(400, 3);
    ready(graph, output);
    const data = graph.data.slice(0, graph.size);
    const grad = graph.grad.slice(0, graph.size);
    const run = new GradCheckRun(graph, output, 'all');
    while (!run.step(0, () => 1)) {
      expect(graph.data.slice(0, graph.size)).toEqual(data);
      expect(graph.grad.slice(0, graph.size)).toEqual(grad);
    }
  });

  it('with the budget none it is done at once and probes nothing', () => {
    const { graph, output } = randomDag(100, 4);
    ready(graph, output);
    const run = new GradCheckRun(graph, output, 'none');
    expect(run.done).toBe(true);
    expect(run.step(0, () => 1)).toBe(true);
    expect(run.report()).toMatchObject({ checked: 0, results: [] });
    expect(run.report().total).toBeGreaterThan(50);
  });
});
