/**
 * The backward algorithm's classic bugs as data: each mode is the sequence of nodes its backward
 * pass runs after B0, and whether a step assigns or adds. The session steps through the sequence
 * exactly as it steps through the correct one.
 */
import { backwardStep } from './chain-rule.js';
import type { Graph } from './graph.js';
import { OpCode } from './ops.js';

export const BACKWARD_MODES = ['correct', 'overwrite', 'no-topo', 'double-backward'] as const;
export type BackwardMode = (typeof BACKWARD_MODES)[number];

/** What each mode does differently, in one line (help, README, the header's tooltip). */
export const MODE_SUMMARY: Readonly<Record<BackwardMode, string>> = {
  correct: 'reverse topological order, each input grad += local · grad',
  overwrite: 'each step assigns (=) instead of adding (+=)',
  'no-topo': 'recursion without a topological sort: a node runs once per path to it',
  'double-backward': 'two backward passes without zeroing the grads in between',
};

/** no-topo's visits grow with the number of paths; past this many the mode is refused. */
export const MAX_MODE_STEPS = 1_000_000;

export interface BackwardProgram {
  /** The node each backward step B1…BM runs (a leaf's visit runs nothing). */
  readonly steps: Int32Array;
  /** Index into `steps` of the second pass's `output.grad = 1` (double-backward), else -1. */
  readonly reseed: number;
  /** Steps assign their contributions instead of adding them (overwrite). */
  readonly assign: boolean;
}

/**
 * The program of `mode`, given the correct backward order; or a message when no-topo would visit
 * more than MAX_MODE_STEPS nodes (the count doubles with each level of a reused node).
 */
export function backwardProgram(
  g: Graph,
  output: number,
  order: Int32Array,
  mode: BackwardMode,
): BackwardProgram | { readonly message: string } {
  switch (mode) {
    case 'correct':
      return { steps: order, reseed: -1, assign: false };
    case 'overwrite':
      return { steps: order, reseed: -1, assign: true };
    case 'double-backward': {
      const steps = new Int32Array(2 * order.length + 1);
      steps.set(order);
      steps[order.length] = output;
      steps.set(order, order.length + 1);
      return { steps, reseed: order.length, assign: false };
    }
    case 'no-topo': {
      const message = modeProblem(g, output, mode);
      if (message !== undefined) return { message };
      return { steps: noTopoOrder(g, output, noTopoVisits(g, output)), reseed: -1, assign: false };
    }
  }
}

/**
 * A whole backward pass of a program at once, as stepping B0…BM would leave the grads: every grad
 * 0, the output's 1, then each step (a training run in a wrong mode trains on these grads).
 */
export function runBackwardProgram(g: Graph, output: number, program: BackwardProgram): void {
  const { steps, reseed, assign } = program;
  g.grad.fill(0, 0, g.size);
  g.grad[output] = 1;
  for (let k = 0; k < steps.length; k++) {
    const id = steps[k];
    if (k === reseed) g.grad[id] = 1;
    else if (g.op[id] > OpCode.constant) backwardStep(g, id, undefined, assign);
  }
}

/** Why a graph cannot run in `mode` (no-topo on a graph with too many paths), if it cannot. */
export function modeProblem(g: Graph, output: number, mode: BackwardMode): string | undefined {
  if (mode !== 'no-topo') return undefined;
  const visits = noTopoVisits(g, output);
  return visits > MAX_MODE_STEPS
    ? `no-topo would run ${visits.toPrecision(3)} steps (at most ${MAX_MODE_STEPS}): this graph reuses nodes along too many paths.`
    : undefined;
}

/** How many visits no-topo makes: a node's own, plus its operands' for each operand slot. */
export function noTopoVisits(g: Graph, output: number): number {
  const count = new Float64Array(output + 1);
  for (let id = 0; id <= output; id++) {
    count[id] = 1;
    if (g.op[id] <= OpCode.constant) continue;
    count[id] += count[g.in0[id]];
    if (g.in1[id] >= 0) count[id] += count[g.in1[id]];
  }
  return count[output];
}

/**
 * micrograd PR #64's recursion in visit order, from the output (B0 only seeds its grad): run a
 * node's backward, then recurse into its operands left to right, once per slot. An explicit stack
 * keeps deep graphs off the JS stack.
 */
function noTopoOrder(g: Graph, output: number, visits: number): Int32Array {
  const steps = new Int32Array(visits);
  const stack = [output];
  let i = 0;
  while (stack.length > 0) {
    const id = stack.pop()!;
    steps[i++] = id;
    if (g.op[id] <= OpCode.constant) continue;
    if (g.in1[id] >= 0) stack.push(g.in1[id]);
    stack.push(g.in0[id]);
  }
  return steps;
}
