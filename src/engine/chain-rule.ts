/**
 * The chain rule, once: one node's backward step. Every backward pass runs through here: the
 * engine's backward() (and so the grad check, which compares its grads), and the session's
 * timeline, one step at a time in every backward mode, recording what each step overwrites.
 */
import type { Graph } from './graph.js';
import { OpCode, tanhSlope } from './ops.js';

/** The local derivative d(node)/d(input number `slot`) at the current data, from the op table. */
export function localDerivative(g: Graph, id: number, slot: number): number {
  const fn = g.spec(id).local[slot];
  if (fn === undefined) throw new RangeError(`node #${id} has no input ${slot}`);
  const b = g.in1[id];
  return fn(g.data[g.in0[id]], b < 0 ? 0 : g.data[b], g.data[id], g.param[id]);
}

/** Where a step writes each input's grad before changing it: `before[at]`, `before[at + 1]`. */
export interface UndoRecord {
  readonly before: Float64Array;
  at: number;
}

/**
 * Runs op node `id`'s backward step: each input's grad receives local derivative × `id`'s grad,
 * added (or with `assign`, the overwrite mode's bug, assigned). A node used twice (`x * x`)
 * receives both terms, slot 0 first. With a `record`, each input's grad is written down before
 * its change; restoring them last slot first undoes the step exactly.
 */
export function backwardStep(g: Graph, id: number, record?: UndoRecord, assign = false): void {
  chainRule(g, g.data, g.grad, g.in0[id], g.in1[id], id, record, assign);
}

/**
 * backwardStep with node `id`'s inputs `a`, `b` (-1 for none) and the graph's data and grad in
 * hand: backward()'s loop holds them in locals, so the inlined step reloads nothing per node.
 *
 * The switch inlines the formulas of the ops that make up large graphs (+, -, *, tanh, relu): a
 * call through the op table costs more than the arithmetic. The other ops, a scenario's own among
 * them, use the table, which stays the one definition: each case computes bit for bit what its
 * entry computes (test/engine/hot-loops.test.ts). Keep this function under V8's inlining limit
 * (460 bytes of bytecode, `node --print-bytecode`), or backward()'s loop pays a call per node.
 */
export function chainRule(
  g: Graph,
  data: Float64Array,
  grad: Float64Array,
  a: number,
  b: number,
  id: number,
  record?: UndoRecord,
  assign = false,
): void {
  const av = data[a];
  let l0: number;
  let l1 = 0;
  switch (g.op[id]) {
    case OpCode.add:
      l0 = 1;
      l1 = 1;
      break;
    case OpCode.sub:
      l0 = 1;
      l1 = -1;
      break;
    case OpCode.mul:
      l0 = data[b];
      l1 = av;
      break;
    case OpCode.tanh:
      l0 = tanhSlope(av);
      break;
    case OpCode.relu:
      l0 = av > 0 ? 1 : 0;
      break;
    default:
      l0 = localDerivative(g, id, 0);
      if (b >= 0) l1 = localDerivative(g, id, 1);
  }
  const upstream = grad[id];
  const t0 = l0 * upstream;
  if (record !== undefined) record.before[record.at] = grad[a];
  grad[a] = assign ? t0 : grad[a] + t0;
  if (b < 0) return;
  const t1 = l1 * upstream;
  if (record !== undefined) record.before[record.at + 1] = grad[b];
  grad[b] = assign ? t1 : grad[b] + t1;
}

/** Undoes op node `id`'s backward step from its record, last slot first (exact for `x * x`). */
export function undoBackwardStep(g: Graph, id: number, record: UndoRecord): void {
  const b = g.in1[id];
  if (b >= 0) g.grad[b] = record.before[record.at + 1];
  g.grad[g.in0[id]] = record.before[record.at];
}
