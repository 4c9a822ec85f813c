/**
 * The steps of a walk through one graph, numbered and named once for scenario files and sessions.
 * Positions: 0 is `start`, k (1…n) is just after forward step Fk, n + 1 just after B0, n + 1 + j
 * just after Bj, and with training n + 1 + m + u just after update Uu; iteration i takes the
 * positions (i - 1)·L + 1 … i·L (L = iterationLength), and the last position is `end`.
 */
import {
  type BackwardMode,
  backwardOrder,
  backwardProgram,
  dependencyMask,
  type Graph,
  OpCode,
} from '../engine/index.js';

/**
 * `reseed`: double-backward's second `output.grad = 1` (B'0), which zeroes nothing; `update`: one
 * parameter's `p.data -= lr · p.grad`; `iteration`: a whole training iteration after the first.
 */
export type Phase = 'forward' | 'zero' | 'backward' | 'reseed' | 'update' | 'iteration';

/** A step name's position, or why there is none. */
export type StepLookup = { position: number } | { message: string; hint?: string };

export interface StepModelOptions {
  /** The backward algorithm whose steps are numbered (default correct). */
  readonly mode?: BackwardMode;
  /** Training: the parameters updated after each backward phase, in order (U1…Up). */
  readonly params?: Int32Array;
  /** Training iterations (default 1). */
  readonly iterations?: number;
}

export class StepModel {
  /** 1 for nodes the output depends on (itself included). */
  readonly cone: Uint8Array;
  /** Op nodes the output depends on, in (correct) backward order. */
  readonly backwardIds: Int32Array;
  readonly mode: BackwardMode;
  /** Bj runs `steps[j - 1]`: `backwardIds` itself in the correct and overwrite modes. */
  readonly steps: Int32Array;
  /** Index into `steps` of double-backward's second seeding (`B'0`), else -1. */
  readonly reseed: number;
  /** Steps assign (`=`) their contributions (overwrite). */
  readonly assign: boolean;
  /** n: the number of forward steps, also the position just before B0. */
  readonly forwardCount: number;
  readonly params: Int32Array;
  readonly iterations: number;
  /** Positions per iteration: n + 1 + m + p. */
  readonly iterationLength: number;
  /** Position of `end`. */
  readonly total: number;
  /** Position of each node's first step in a wrong mode (built on first use). */
  private firstRun?: Int32Array;
  /** See settlePositions. */
  private settles?: Int32Array;
  /** See forwardIds. */
  private opIds?: Int32Array;

  constructor(
    readonly graph: Graph,
    readonly output: number,
    options: StepModelOptions = {},
  ) {
    const g = graph;
    let ops = 0;
    for (let id = 0; id < g.size; id++) if (g.op[id] > OpCode.constant) ops++;
    this.forwardCount = ops;
    this.cone = dependencyMask(g, output);
    this.backwardIds = backwardOrder(g, output, this.cone);
    this.mode = options.mode ?? 'correct';
    const program = backwardProgram(g, output, this.backwardIds, this.mode);
    if ('message' in program) throw new RangeError(program.message);
    this.steps = program.steps;
    this.reseed = program.reseed;
    this.assign = program.assign;
    this.params = options.params ?? new Int32Array(0);
    this.iterations = options.iterations ?? 1;
    this.iterationLength = ops + 1 + this.steps.length + this.params.length;
    this.total = this.iterationLength * this.iterations;
  }

  /**
   * Op nodes in id order: forward step Fk runs `forwardIds[k - 1]`. Built on first use (4 bytes
   * an op node): `check`, which reads the final state only, never asks.
   */
  get forwardIds(): Int32Array {
    if (this.opIds === undefined) {
      const g = this.graph;
      this.opIds = new Int32Array(this.forwardCount);
      for (let id = 0, k = 0; id < g.size; id++)
        if (g.op[id] > OpCode.constant) this.opIds[k++] = id;
    }
    return this.opIds;
  }

  /** The position just after B0 (within an iteration). */
  get zeroPosition(): number {
    return this.forwardCount + 1;
  }

  /** The position of the end of the backward phase within an iteration. */
  get backwardEnd(): number {
    return this.zeroPosition + this.steps.length;
  }

  /** Iteration of a position (1-based); an iteration's last position is its end. */
  iterationOf(position: number): number {
    return position <= 0 ? 1 : Math.ceil(position / this.iterationLength);
  }

  /** A position within its iteration: 0 (start) … iterationLength (after its last update). */
  localOf(position: number): number {
    return position - (this.iterationOf(position) - 1) * this.iterationLength;
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
    return this.params[local - this.backwardEnd - 1];
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
    if (this.mode !== 'correct' && this.mode !== 'overwrite') {
      if (this.graph.op[id] <= OpCode.constant || id > this.output) return -1;
      this.firstRun ??= this.firstRuns();
      return this.firstRun[id];
    }
    const j = search(this.backwardIds, id, false);
    return j < 0 ? -1 : this.zeroPosition + j + 1;
  }

  /** The position of the first step that runs each node up to the output, -1 for none. */
  private firstRuns(): Int32Array {
    const first = new Int32Array(this.output + 1).fill(-1);
    for (let j = this.steps.length; j >= 1; j--) first[this.steps[j - 1]] = this.zeroPosition + j;
    return first;
  }

  /**
   * The position after which each node's grad is final in the correct algorithm: B0 for the
   * output, the last backward step that hands it a term for the others; 0 outside the cone.
   */
  settlePositions(): Int32Array {
    if (this.settles !== undefined) return this.settles;
    const g = this.graph;
    const settles = new Int32Array(g.size);
    settles[this.output] = this.zeroPosition;
    this.backwardIds.forEach((id, j) => {
      settles[g.in0[id]] = this.zeroPosition + j + 1;
      if (g.in1[id] >= 0) settles[g.in1[id]] = this.zeroPosition + j + 1;
    });
    this.settles = settles;
    return settles;
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
