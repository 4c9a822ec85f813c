import {
  backwardOrder,
  dependencyMask,
  evaluateNode,
  forward,
  type Graph,
  localDerivative,
  OPS,
  OpCode,
} from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';

/**
 * The fixed part of a session: which node each step runs, plus the undo record of every backward
 * step. It owns the graph's data and grad while the session lives: creating it clears every op
 * node's data to NaN (unknown) and every grad to 0, so a step back can restore exact values:
 * - a forward step back sets its node's data to NaN again;
 * - B0 only sets the output's grad to 1 (the cone's grads are 0 until then), so its undo sets 0;
 * - a backward step records each input's grad before its `+=`, and its undo writes them back in
 *   reverse input order, which is exact even when both inputs are the same node (`x * x`).
 */
export class Timeline {
  readonly graph: Graph;
  readonly output: number;
  /** Op nodes in id order: forward step Fk runs `forwardIds[k - 1]`. */
  readonly forwardIds: Int32Array;
  /** Op nodes the output depends on, in backward order: Bj runs `backwardIds[j - 1]`. */
  readonly backwardIds: Int32Array;
  /** 1 for nodes the output depends on (itself included). */
  readonly cone: Uint8Array;
  /** n: the number of forward steps, also the position just before B0. */
  readonly forwardCount: number;
  /** Position of `end`: n + 1 + m. */
  readonly total: number;
  /** Where the graph's arrays are: the position of the newest state reduced. */
  cursor = 0;
  /** Grad before each backward step's `+=`, two slots per step; valid for steps that have run. */
  private readonly before: Float64Array;

  constructor(readonly scenario: Scenario) {
    const g = scenario.graph;
    this.graph = g;
    this.output = scenario.output;
    let ops = 0;
    for (let id = 0; id < g.size; id++) if (g.op[id] > OpCode.constant) ops++;
    this.forwardIds = new Int32Array(ops);
    for (let id = 0, k = 0; id < g.size; id++)
      if (g.op[id] > OpCode.constant) this.forwardIds[k++] = id;
    this.cone = dependencyMask(g, this.output);
    this.backwardIds = backwardOrder(g, this.output, this.cone);
    this.forwardCount = ops;
    this.total = ops + 1 + this.backwardIds.length;
    this.before = new Float64Array(2 * this.backwardIds.length);
    for (const id of this.forwardIds) g.data[id] = Number.NaN;
    g.grad.fill(0, 0, g.size);
  }

  /** The position just after B0. */
  get zeroPosition(): number {
    return this.forwardCount + 1;
  }

  phaseOf(position: number): 'forward' | 'zero' | 'backward' {
    if (position <= this.forwardCount) return 'forward';
    return position === this.zeroPosition ? 'zero' : 'backward';
  }

  /** The node the step ending at `position` (1..total) runs; the output for B0. */
  nodeOf(position: number): number {
    if (position <= this.forwardCount) return this.forwardIds[position - 1];
    if (position === this.zeroPosition) return this.output;
    return this.backwardIds[position - this.zeroPosition - 1];
  }

  /** Position of a node's forward step, or -1 for leaves. */
  forwardPosition(id: number): number {
    const k = search(this.forwardIds, id, true);
    return k < 0 ? -1 : k + 1;
  }

  /** Position of a node's backward step, or -1 when it has none (leaf or outside the cone). */
  backwardPosition(id: number): number {
    const j = search(this.backwardIds, id, false);
    return j < 0 ? -1 : this.zeroPosition + j + 1;
  }

  /** The grad an input held before backward step `position` added contribution `slot`. */
  gradBefore(position: number, slot: number): number {
    return this.before[2 * (position - this.zeroPosition - 1) + slot];
  }

  /** Runs the step that moves the cursor from `position - 1` to `position`. */
  run(position: number): void {
    const g = this.graph;
    if (position <= this.forwardCount) {
      evaluateNode(g, this.forwardIds[position - 1]);
      return;
    }
    if (position === this.zeroPosition) {
      g.grad[this.output] = 1;
      return;
    }
    const id = this.backwardIds[position - this.zeroPosition - 1];
    const at = 2 * (position - this.zeroPosition - 1);
    const upstream = g.grad[id];
    const a = g.in0[id];
    const term0 = localDerivative(g, id, 0) * upstream;
    this.before[at] = g.grad[a];
    g.grad[a] += term0;
    const b = g.in1[id];
    if (b < 0) return;
    const term1 = localDerivative(g, id, 1) * upstream;
    this.before[at + 1] = g.grad[b];
    g.grad[b] += term1;
  }

  /** Undoes the step that moved the cursor to `position` (the cursor goes to `position - 1`). */
  undo(position: number): void {
    const g = this.graph;
    if (position <= this.forwardCount) {
      g.data[this.forwardIds[position - 1]] = Number.NaN;
      return;
    }
    if (position === this.zeroPosition) {
      g.grad[this.output] = 0;
      return;
    }
    const id = this.backwardIds[position - this.zeroPosition - 1];
    const at = 2 * (position - this.zeroPosition - 1);
    const b = g.in1[id];
    if (b >= 0) g.grad[b] = this.before[at + 1];
    g.grad[g.in0[id]] = this.before[at];
  }

  /** Moves the arrays from `from` to `to` in one tight loop: what goto does between stops. */
  jump(from: number, to: number): void {
    if (to > from) this.runRange(from, to);
    else this.undoRange(from, to);
  }

  private runRange(from: number, to: number): void {
    const n = this.forwardCount;
    if (from < n) {
      const last = Math.min(to, n);
      // Forward steps from+1..last are exactly the op nodes between their ids.
      forward(this.graph, this.forwardIds[from], this.forwardIds[last - 1]);
      from = last;
    }
    if (from === to) return;
    if (from === n) this.run(++from);
    const g = this.graph;
    const { op, in0, in1, param, data, grad } = g;
    const zero = this.zeroPosition;
    for (let p = from + 1; p <= to; p++) {
      const j = p - zero - 1;
      const id = this.backwardIds[j];
      const code = op[id];
      const upstream = grad[id];
      const a = in0[id];
      const b = in1[id];
      const av = data[a];
      const bv = b < 0 ? 0 : data[b];
      const t0 = LOCAL0[code](av, bv, data[id], param[id]) * upstream;
      this.before[2 * j] = grad[a];
      grad[a] += t0;
      if (b < 0) continue;
      const t1 = LOCAL1[code](av, bv, data[id], param[id]) * upstream;
      this.before[2 * j + 1] = grad[b];
      grad[b] += t1;
    }
  }

  private undoRange(from: number, to: number): void {
    const { in0, in1, grad, data } = this.graph;
    const zero = this.zeroPosition;
    let p = from;
    for (; p > zero && p > to; p--) {
      const j = p - zero - 1;
      const id = this.backwardIds[j];
      const b = in1[id];
      if (b >= 0) grad[b] = this.before[2 * j + 1];
      grad[in0[id]] = this.before[2 * j];
    }
    if (p === zero && p > to) this.undo(p--);
    for (; p > to; p--) data[this.forwardIds[p - 1]] = Number.NaN;
  }

  isDataKnown(position: number, id: number): boolean {
    if (this.graph.op[id] <= OpCode.constant) return true;
    return this.forwardPosition(id) <= position;
  }

  isGradKnown(position: number): boolean {
    return position >= this.zeroPosition;
  }
}

const LOCAL0 = OPS.map((spec) => spec.local[0]);
const LOCAL1 = OPS.map((spec) => spec.local[1]);

/** Index of `id` in a sorted array (ascending or descending), or -1. */
function search(sorted: Int32Array, id: number, ascending: boolean): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === id) return mid;
    if (v < id === ascending) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
