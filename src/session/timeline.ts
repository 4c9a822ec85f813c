import {
  type BackwardMode,
  backwardOrder,
  backwardProgram,
  dependencyMask,
  forward,
  type Graph,
  OpCode,
} from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import { GradWalk } from './grad-walk.js';
import { type Reference, referenceOf } from './reference.js';
import { TrainingRun } from './training.js';
import type { Phase } from './types.js';

/**
 * The fixed part of a session: which node each step runs, and where the graph's arrays are. It
 * owns the graph's data and grad while the session lives.
 * - Data: an op node's data is a pure function of the inputs, so creating the timeline computes
 *   every value once and never changes it within an iteration; what is known is derived from the
 *   position (`isDataKnown`). Forward steps, and gotos within the forward phase, move no values.
 * - Grads: moved exactly between backward positions by a GradWalk (grad-walk.ts).
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
  /** The backward phase's grads (see grad-walk.ts). */
  private readonly grads: GradWalk;

  constructor(
    readonly scenario: Scenario,
    mode: BackwardMode = 'correct',
  ) {
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
    this.grads = new GradWalk(g, this.output, this.steps, this.reseed, this.assign);
    this.training?.setParams(g, 1, 0);
    forward(g);
    if (mode !== 'correct') this.reference = referenceOf(this);
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
    this.grads.forgetCheckpoints();
    this.loaded = iteration;
  }

  /** The position of the end of the backward phase within an iteration. */
  private get backwardEnd(): number {
    return this.zeroPosition + this.steps.length;
  }

  /** Bytes of the typed arrays the timeline holds besides the graph's (checkpoints saved so far). */
  get byteLength(): number {
    const fixed = [this.forwardIds, this.backwardIds, this.cone];
    return fixed.reduce((sum, a) => sum + a.byteLength, this.grads.byteLength);
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
    return this.grads.gradBefore(this.localOf(position) - this.zeroPosition, slot);
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
    this.grads.move(from < zero ? -1 : from - zero, to < zero ? -1 : to - zero);
  }

  isDataKnown(position: number, id: number): boolean {
    if (this.graph.op[id] <= OpCode.constant) return true;
    return this.forwardPosition(id) <= this.localOf(position);
  }

  isGradKnown(position: number): boolean {
    return this.localOf(position) >= this.zeroPosition;
  }
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
