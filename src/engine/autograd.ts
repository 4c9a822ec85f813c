import type { Graph } from './graph.js';
import { divSlopeB, OpCode, tanhSlope } from './ops.js';

/** The local derivative d(node)/d(input number `slot`) at the current data. */
export function localDerivative(g: Graph, id: number, slot: number): number {
  const fn = g.spec(id).local[slot];
  if (fn === undefined) throw new RangeError(`node #${id} has no input ${slot}`);
  const b = g.in1[id];
  return fn(g.data[g.in0[id]], b < 0 ? 0 : g.data[b], g.data[id], g.param[id]);
}

/*
 * The two hot loops below inline the op table's formulas in a switch: a call through a table of
 * functions costs more than the arithmetic. The table stays the one definition: every case must
 * compute bit for bit what the table's entry computes (test/engine/hot-loops.test.ts runs both on
 * every op), and an op without a case falls back to the table.
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
 * each op node, in reverse creation order, adds local derivative × its grad into each input's grad.
 * A node used twice (`x * x`) receives both contributions. Nodes outside the cone keep grad 0.
 * Without a `mask`, the cone is marked during the same sweep: every consumer of a node has a
 * larger id, so a node's mark is final by the time the sweep reaches it.
 */
export function backward(g: Graph, output: number, mask?: Uint8Array): void {
  const { op, in0, in1, param, data, grad, ops } = g;
  const cone = mask ?? new Uint8Array(output + 1);
  const marking = mask === undefined;
  grad.fill(0, 0, g.size);
  grad[output] = 1;
  cone[output] = 1;
  for (let id = output; id >= 0; id--) {
    const code = op[id];
    if (code <= OpCode.constant || cone[id] === 0) continue;
    const upstream = grad[id];
    const a = in0[id];
    const b = in1[id];
    if (marking) {
      cone[a] = 1;
      if (b >= 0) cone[b] = 1;
    }
    const av = data[a];
    switch (code) {
      case OpCode.add:
        grad[a] += upstream;
        grad[b] += upstream;
        break;
      case OpCode.sub:
        grad[a] += upstream;
        grad[b] += -1 * upstream;
        break;
      case OpCode.mul:
        grad[a] += data[b] * upstream;
        grad[b] += av * upstream;
        break;
      case OpCode.div: {
        const bv = data[b];
        grad[a] += (1 / bv) * upstream;
        grad[b] += divSlopeB(av, bv, data[id]) * upstream;
        break;
      }
      case OpCode.neg:
        grad[a] += -1 * upstream;
        break;
      case OpCode.pow: {
        const k = param[id];
        grad[a] += (k === 0 ? 0 : k * av ** (k - 1)) * upstream;
        break;
      }
      case OpCode.tanh:
        grad[a] += tanhSlope(av) * upstream;
        break;
      case OpCode.relu:
        grad[a] += (av > 0 ? 1 : 0) * upstream;
        break;
      case OpCode.exp:
        grad[a] += data[id] * upstream;
        break;
      case OpCode.log:
        grad[a] += (1 / av) * upstream;
        break;
      default: {
        const bv = b < 0 ? 0 : data[b];
        const { local } = ops[code];
        grad[a] += local[0](av, bv, data[id], param[id]) * upstream;
        if (b >= 0) grad[b] += local[1](av, bv, data[id], param[id]) * upstream;
      }
    }
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
