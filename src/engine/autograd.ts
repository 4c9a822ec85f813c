import { chainRule } from './chain-rule.js';
import type { Graph } from './graph.js';
import { OpCode } from './ops.js';

/*
 * forward, like the backward step (chain-rule.ts), inlines the op table's formulas in a switch: a
 * call through a table of functions costs more than the arithmetic. The table stays the one
 * definition: every case must compute bit for bit what the table's entry computes
 * (test/engine/hot-loops.test.ts runs both on every op), and an op without a case uses the table.
 */

/** Evaluates every op node in creation order (a topological order). */
export function forward(g: Graph, from = 0, to = g.size - 1): void {
  const { op, in0, in1, param, data, ops } = g;
  for (let id = from; id <= to; id++) {
    const code = op[id];
    if (code <= OpCode.constant) continue;
    const a = data[in0[id]];
    const b = in1[id];
    switch (code) {
      case OpCode.add:
        data[id] = a + data[b];
        break;
      case OpCode.sub:
        data[id] = a - data[b];
        break;
      case OpCode.mul:
        data[id] = a * data[b];
        break;
      case OpCode.div:
        data[id] = a / data[b];
        break;
      case OpCode.neg:
        data[id] = -a;
        break;
      case OpCode.pow:
        data[id] = a ** param[id];
        break;
      case OpCode.tanh:
        data[id] = Math.tanh(a);
        break;
      case OpCode.relu:
        data[id] = Math.max(a, 0);
        break;
      case OpCode.exp:
        data[id] = Math.exp(a);
        break;
      case OpCode.log:
        data[id] = Math.log(a);
        break;
      default:
        data[id] = ops[code].forward(a, b < 0 ? 0 : data[b], param[id]);
    }
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
 * each op node, in reverse creation order, runs its backward step (chain-rule.ts). Nodes outside
 * the cone keep grad 0. Without a `mask`, the cone is marked during the same sweep: every consumer
 * of a node has a larger id, so a node's mark is final by the time the sweep reaches it.
 */
export function backward(g: Graph, output: number, mask?: Uint8Array): void {
  const { op, in0, in1, data, grad } = g;
  const cone = mask ?? new Uint8Array(output + 1);
  const marking = mask === undefined;
  grad.fill(0, 0, g.size);
  grad[output] = 1;
  cone[output] = 1;
  for (let id = output; id >= 0; id--) {
    if (op[id] <= OpCode.constant || cone[id] === 0) continue;
    const a = in0[id];
    const b = in1[id];
    if (marking) {
      cone[a] = 1;
      if (b >= 0) cone[b] = 1;
    }
    chainRule(g, data, grad, a, b, id);
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
