import {
  type BackwardMode,
  backward,
  backwardOrder,
  backwardProgram,
  dependencyMask,
  forward,
  type Graph,
  type LocalDerivative,
  OpCode,
} from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import { TrainingRun } from './training.js';
import type { Phase } from './types.js';

/**
 * How many grad checkpoints the backward phase keeps: 8 bytes per node up to the output each,
 * saved the first time a step reaches them. At 2i·m / (2·CHECKPOINTS + 1) (m backward steps),
 * every backward position is at most m / (2·CHECKPOINTS + 1) steps from B0 or a checkpoint, the
 * end included (a goto can also step back from a checkpoint).
 */
const CHECKPOINTS = 3;

/**
 * The fixed part of a session: which node each step runs, plus the undo record of every backward
 * step. It owns the graph's data and grad while the session lives.
 * - Data: an op node's data is a pure function of the inputs, so creating the timeline computes
 *   every value once and never changes it; what is known is derived from the position
 *   (`isDataKnown`). Forward steps, and gotos within the forward phase, move no values.
 * - Grads: every grad is 0 until B0, which sets the output's to 1. A backward step records each
 *   input's grad before its `+=`; its undo writes them back in reverse input order, which is exact
 *   even when both inputs are the same node (`x * x`). Steps are deterministic, so a record once
 *   written stays valid, and a goto starts from the cheapest exact state: where the arrays are,
 *   all zeros (start, B0), or a checkpoint.
 */
export class Timeline {
  readonly graph: Graph;
  readonly output: number;
  /** Op nodes in id order: forward step Fk runs `forwardIds[k - 1]`. */
  readonly forwardIds: Int32Array;
  /** Op nodes the output depends on, in (correct) backward order. */
  readonly backwardIds: Int32Array;
  /** The backward algorithm this timeline runs (see engine/modes.ts). */
  readonly mode: BackwardMode;
  /** Bj runs `steps[j - 1]`: `backwardIds` itself in the correct and overwrite modes. */
  readonly steps: Int32Array;
  /** Index into `steps` of double-backward's second seeding (`B'0`), else -1. */
  readonly reseed: number;
  /** Steps assign (`=`) their contributions (overwrite). */
  readonly assign: boolean;
  /** A wrong mode's reference: the correct run's final grads and where each step first ran. */
  readonly reference?: Reference;
  /** 1 for nodes the output depends on (itself included). */
  readonly cone: Uint8Array;
  /** n: the number of forward steps, also the position just before B0. */
  readonly forwardCount: number;
  /** Position of `end`: n + 1 + m, times the iterations when training. */
  readonly total: number;
  /** The gradient-descent run of a scenario with `train:`. */
  readonly training?: TrainingRun;
  /** Positions per iteration: n + 1 + m + p (p updates); without training, all of them. */
  readonly iterationLength: number;
  /** The iteration whose forward values the graph holds. */
  private loaded = 1;
  /** Where the graph's arrays are: every move (run, undo, jump) keeps it. */
  cursor = 0;
  /**
   * Grad before each backward step's `+=`, two slots per step. The steps written are always a
   * prefix B1…Bk: every run starts at a state no further than the furthest step that has run.
   */
  private readonly before: Float64Array;
  /** Backward step numbers j (of Bj) whose grads are saved, ascending. */
  private readonly checkpointAt: number[] = [];
  /** The grads of ids 0…output after Bj for the first `checkpoints.length` of `checkpointAt`. */
  private readonly checkpoints: Float64Array[] = [];
  /** Steps that restoring a saved state costs, about: a copy of output + 1 doubles. */
  private readonly restoreCost: number;
  /** The graph's local derivatives by op code, for the backward loop. */
  private readonly local0: LocalDerivative[];
  private readonly local1: (LocalDerivative | undefined)[];

  constructor(
    readonly scenario: Scenario,
    mode: BackwardMode = 'correct',
  ) {
    const g = scenario.graph;
    this.graph = g;
    this.output = scenario.output;
    this.local0 = g.ops.map((spec) => spec.local[0]);
    this.local1 = g.ops.map((spec) => spec.local[1]);
    let ops = 0;
    for (let id = 0; id < g.size; id++) if (g.op[id] > OpCode.constant) ops++;
    this.forwardIds = new Int32Array(ops);
    for (let id = 0, k = 0; id < g.size; id++)
      if (g.op[id] > OpCode.constant) this.forwardIds[k++] = id;
    this.cone = dependencyMask(g, this.output);
    this.backwardIds = backwardOrder(g, this.output, this.cone);
    const program = backwardProgram(g, this.output, this.backwardIds, mode);
    if ('message' in program) throw new RangeError(program.message);
    this.mode = mode;
    this.steps = program.steps;
    this.reseed = program.reseed;
    this.assign = program.assign;
    this.forwardCount = ops;
    const m = this.steps.length;
    const training = scenario.training;
    if (training !== undefined)
      this.training = new TrainingRun(g, this.output, this.cone, training);
    this.iterationLength = ops + 1 + m + (training?.params.length ?? 0);
    this.total = this.iterationLength * (training?.steps ?? 1);
    this.before = new Float64Array(2 * m);
    for (let i = 1; i <= CHECKPOINTS; i++) {
      const j = Math.round((2 * i * m) / (2 * CHECKPOINTS + 1));
      if (j > (this.checkpointAt.at(-1) ?? 0)) this.checkpointAt.push(j);
    }
    this.restoreCost = 16 + (this.output + 1) / 16;
    this.training?.setParams(g, 1, 0);
    forward(g);
    if (mode !== 'correct') this.reference = this.referenceOf();
    g.grad.fill(0, 0, g.size);
  }

  /** Iteration of a position (1-based); an iteration's last position is its end. */
  iterationOf(position: number): number {
    return position <= 0 ? 1 : Math.ceil(position / this.iterationLength);
  }

  /** A position within its iteration: 0 (start) … iterationLength (after its last update). */
  localOf(position: number): number {
    return position - (this.iterationOf(position) - 1) * this.iterationLength;
  }

  /** The graph at the start of `iteration`: its parameters, every value computed, grads 0. */
  private load(iteration: number): void {
    const g = this.graph;
    this.training?.setParams(g, iteration, 0);
    forward(g);
    g.grad.fill(0, 0, g.size);
    this.checkpoints.length = 0;
    this.loaded = iteration;
  }

  /** The position of the end of the backward phase within an iteration. */
  private get backwardEnd(): number {
    return this.zeroPosition + this.steps.length;
  }

  /** The correct run's final grads, and the first and last step that runs each node. */
  private referenceOf(): Reference {
    const g = this.graph;
    backward(g, this.output, this.cone);
    const correct = g.grad.slice(0, this.output + 1);
    const firstRun = new Int32Array(this.output + 1).fill(-1);
    const lastReceived = new Int32Array(this.output + 1).fill(-1);
    for (let j = this.steps.length; j >= 1; j--)
      firstRun[this.steps[j - 1]] = this.zeroPosition + j;
    for (let j = 1; j <= this.steps.length; j++) {
      const id = this.steps[j - 1];
      if (j - 1 === this.reseed || g.op[id] <= OpCode.constant) continue;
      lastReceived[g.in0[id]] = this.zeroPosition + j;
      if (g.in1[id] >= 0) lastReceived[g.in1[id]] = this.zeroPosition + j;
    }
    return { correct, firstRun, lastReceived };
  }

  /** Bytes of the typed arrays the timeline holds besides the graph's (checkpoints saved so far). */
  get byteLength(): number {
    const fixed = [this.forwardIds, this.backwardIds, this.cone, this.before];
    return [...fixed, ...this.checkpoints].reduce((sum, a) => sum + a.byteLength, 0);
  }

  /** The position just after B0. */
  get zeroPosition(): number {
    return this.forwardCount + 1;
  }

  /** What the step ending at `position` does; `iteration` is a whole one after the first (I2…). */
  phaseOf(position: number): Phase {
    const local = this.localOf(position);
    if (this.iterationOf(position) > 1 && local === this.iterationLength) return 'iteration';
    if (local <= this.forwardCount) return 'forward';
    if (local === this.zeroPosition) return 'zero';
    if (local > this.backwardEnd) return 'update';
    return local - this.zeroPosition - 1 === this.reseed ? 'reseed' : 'backward';
  }

  /** The node the step ending at `position` (1..total) runs; the output for B0 and iterations. */
  nodeOf(position: number): number {
    const local = this.localOf(position);
    if (this.phaseOf(position) === 'iteration') return this.output;
    if (local <= this.forwardCount) return this.forwardIds[local - 1];
    if (local === this.zeroPosition) return this.output;
    if (local <= this.backwardEnd) return this.steps[local - this.zeroPosition - 1];
    return this.training!.params[local - this.backwardEnd - 1];
  }

  /** The position after the next step: one step, or in iterations after the first, a whole one. */
  nextPosition(position: number): number {
    const L = this.iterationLength;
    const whole = position >= L && position % L === 0;
    return Math.min(position + (whole ? L : 1), this.total);
  }

  /** The position before the step that ends at `position` (see nextPosition). */
  previousPosition(position: number): number {
    const L = this.iterationLength;
    return position > L && position % L === 0 ? position - L : Math.max(position - 1, 0);
  }

  /** Position of a node's forward step, or -1 for leaves. */
  forwardPosition(id: number): number {
    const k = search(this.forwardIds, id, true);
    return k < 0 ? -1 : k + 1;
  }

  /**
   * Position of a node's (first) backward step, or -1 when it has none (leaf or outside the cone).
   * In no-topo a leaf's visit is a step too, but not a backward step of its own.
   */
  backwardPosition(id: number): number {
    if (this.reference !== undefined) {
      const p = this.graph.op[id] <= OpCode.constant ? -1 : this.reference.firstRun[id];
      return p === undefined ? -1 : p;
    }
    const j = search(this.backwardIds, id, false);
    return j < 0 ? -1 : this.zeroPosition + j + 1;
  }

  /** The grad an input held before backward step `position` added contribution `slot`. */
  gradBefore(position: number, slot: number): number {
    return this.before[2 * (this.localOf(position) - this.zeroPosition - 1) + slot];
  }

  /**
   * Moves the arrays from the cursor to `to` exactly. Within an iteration the cost depends on grads
   * only (see above); another iteration is loaded first (its parameters, then forward).
   */
  moveTo(to: number): void {
    const from = this.cursor;
    if (from === to) return;
    const iteration = this.iterationOf(to);
    let start = this.localOf(from);
    if (iteration !== this.loaded || this.iterationOf(from) !== iteration) {
      this.load(iteration);
      start = 0;
    }
    const updates = this.training === undefined ? 0 : this.localOf(to) - this.backwardEnd;
    // Backward reads the parameters as they were before this iteration's updates.
    if (this.training !== undefined) this.training.setParams(this.graph, iteration, 0);
    this.jumpGrads(Math.min(start, this.backwardEnd), Math.min(this.localOf(to), this.backwardEnd));
    if (updates > 0) this.training!.setParams(this.graph, iteration, updates);
    this.cursor = to;
  }

  /** Moves the grads between two positions of the loaded iteration. */
  private jumpGrads(from: number, to: number): void {
    const zero = this.zeroPosition;
    // Grad states: -1 before B0 (all zeros), j after Bj (0 for B0).
    const target = to < zero ? -1 : to - zero;
    let at = from < zero ? -1 : from - zero;
    if (at === target) return;
    const grad = this.graph.grad;
    // Start from the cheapest exact state: where the arrays are, all zeros, or a checkpoint.
    let start = at;
    let cost = Math.abs(target - at);
    let copy: Float64Array | undefined;
    const fromZeros = this.restoreCost + Math.max(target, 0);
    if (fromZeros < cost) [start, cost] = [-1, fromZeros];
    for (let i = 0; i < this.checkpoints.length && target >= 0; i++) {
      const c = this.restoreCost + Math.abs(target - this.checkpointAt[i]);
      if (c < cost) [start, cost, copy] = [this.checkpointAt[i], c, this.checkpoints[i]];
    }
    if (copy !== undefined) grad.set(copy);
    else if (start !== at) grad.fill(0, 0, this.output + 1);
    at = start;
    if (target > at) {
      if (at < 0) grad[this.output] = 1;
      this.runBackward(Math.max(at, 0), target);
    } else if (target < at) {
      this.undoBackward(at, Math.max(target, 0));
      if (target < 0) grad[this.output] = 0;
    }
  }

  /** Runs B(from + 1)…B`to`, recording each input's grad before its `+=`. */
  private runBackward(from: number, to: number): void {
    const { op, in0, in1, param, data, grad } = this.graph;
    const { before, steps: ids, assign, reseed } = this;
    const { local0, local1 } = this;
    let save = this.checkpointAt[this.checkpoints.length] ?? -1;
    for (let j = from + 1; j <= to; j++) {
      const k = j - 1;
      const id = ids[k];
      const code = op[id];
      if (k === reseed) {
        before[2 * k] = grad[id];
        grad[id] = 1;
      } else if (code > OpCode.constant) {
        const upstream = grad[id];
        const a = in0[id];
        const b = in1[id];
        const av = data[a];
        const bv = b < 0 ? 0 : data[b];
        const t0 = local0[code](av, bv, data[id], param[id]) * upstream;
        before[2 * k] = grad[a];
        grad[a] = assign ? t0 : grad[a] + t0;
        if (b >= 0) {
          const t1 = local1[code]!(av, bv, data[id], param[id]) * upstream;
          before[2 * k + 1] = grad[b];
          grad[b] = assign ? t1 : grad[b] + t1;
        }
      }
      if (j === save) {
        this.checkpoints.push(grad.slice(0, this.output + 1));
        save = this.checkpointAt[this.checkpoints.length] ?? -1;
      }
    }
  }

  /** Undoes B`from`…B(to + 1) from their records, last input first. */
  private undoBackward(from: number, to: number): void {
    const { op, in0, in1, grad } = this.graph;
    const { before, steps: ids, reseed } = this;
    for (let k = from - 1; k >= to; k--) {
      const id = ids[k];
      if (k === reseed) grad[id] = before[2 * k];
      if (k === reseed || op[id] <= OpCode.constant) continue;
      const b = in1[id];
      if (b >= 0) grad[b] = before[2 * k + 1];
      grad[in0[id]] = before[2 * k];
    }
  }

  isDataKnown(position: number, id: number): boolean {
    if (this.graph.op[id] <= OpCode.constant) return true;
    return this.forwardPosition(id) <= this.localOf(position);
  }

  isGradKnown(position: number): boolean {
    return this.localOf(position) >= this.zeroPosition;
  }
}

/** What a wrong mode is compared with (see compare.ts). */
export interface Reference {
  /** The correct run's final grad of each node up to the output. */
  readonly correct: Float64Array;
  /** The position of the first step that runs each node, -1 for none. */
  readonly firstRun: Int32Array;
  /** The position of the last step that adds to (or assigns) each node's grad, -1 for none. */
  readonly lastReceived: Int32Array;
}

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
