import type { Graph } from './graph.js';
import { OPS, OpCode } from './ops.js';

const FORWARD = OPS.map((op) => op.forward);
const LOCAL0 = OPS.map((op) => op.local[0]);
const LOCAL1 = OPS.map((op) => op.local[1]);

/** Computes one op node's data from its inputs; leaves keep theirs. */
export function evaluateNode(g: Graph, id: number): number {
  const code = g.op[id];
  if (code <= OpCode.constant) return g.data[id];
  const b = g.in1[id];
  const value = FORWARD[code](g.data[g.in0[id]], b < 0 ? 0 : g.data[b], g.param[id]);
  g.data[id] = value;
  return value;
}

/** The local derivative d(node)/d(input number `slot`) at the current data. */
export function localDerivative(g: Graph, id: number, slot: number): number {
  const code = g.op[id];
  const fn = slot === 0 ? LOCAL0[code] : LOCAL1[code];
  if (fn === undefined) throw new RangeError(`node #${id} has no input ${slot}`);
  const b = g.in1[id];
  return fn(g.data[g.in0[id]], b < 0 ? 0 : g.data[b], g.data[id], g.param[id]);
}

/** Evaluates every op node in creation order (a topological order). */
export function forward(g: Graph, from = 0, to = g.size - 1): void {
  const { op, in0, in1, param, data } = g;
  for (let id = from; id <= to; id++) {
    const code = op[id];
    if (code <= OpCode.constant) continue;
    const b = in1[id];
    data[id] = FORWARD[code](data[in0[id]], b < 0 ? 0 : data[b], param[id]);
  }
}

/** Marks the nodes `output` depends on (itself included); one reverse sweep, no recursion. */
export function dependencyMask(g: Graph, output: number): Uint8Array {
  const { op, in0, in1 } = g;
  const mask = new Uint8Array(g.size);
  mask[output] = 1;
  for (let id = output; id >= 0; id--) {
    if (mask[id] === 0 || op[id] <= OpCode.constant) continue;
    mask[in0[id]] = 1;
    const b = in1[id];
    if (b >= 0) mask[b] = 1;
  }
  return mask;
}

/** The op nodes `output` depends on, in backward order (the reverse of creation order). */
export function backwardOrder(
  g: Graph,
  output: number,
  mask = dependencyMask(g, output),
): Int32Array {
  let count = 0;
  for (let id = output; id >= 0; id--) if (mask[id] === 1 && g.op[id] > OpCode.constant) count++;
  const order = new Int32Array(count);
  let i = 0;
  for (let id = output; id >= 0; id--)
    if (mask[id] === 1 && g.op[id] > OpCode.constant) order[i++] = id;
  return order;
}

/**
 * Backpropagates from `output`: grads of the nodes it depends on start at 0 and its own at 1, then
 * each op node, in reverse creation order, adds local derivative × its grad into each input's grad.
 * A node used twice (`x * x`) receives both contributions. Nodes outside the cone keep grad 0.
 */
export function backward(g: Graph, output: number, mask = dependencyMask(g, output)): void {
  const { op, in0, in1, param, data, grad } = g;
  grad.fill(0, 0, g.size);
  grad[output] = 1;
  for (let id = output; id >= 0; id--) {
    const code = op[id];
    if (code <= OpCode.constant || mask[id] === 0) continue;
    const upstream = grad[id];
    const a = in0[id];
    const b = in1[id];
    const av = data[a];
    const bv = b < 0 ? 0 : data[b];
    grad[a] += LOCAL0[code](av, bv, data[id], param[id]) * upstream;
    if (b >= 0) grad[b] += LOCAL1[code](av, bv, data[id], param[id]) * upstream;
  }
}

/** The first node (in creation order) whose data or grad is NaN or infinite, if any. */
export function firstNonFinite(
  g: Graph,
  field: 'data' | 'grad',
  limit = g.size - 1,
): number | undefined {
  const values = field === 'data' ? g.data : g.grad;
  for (let id = 0; id <= limit; id++) if (!Number.isFinite(values[id])) return id;
  return undefined;
}
