import {
  backwardStep,
  type Graph,
  OpCode,
  type UndoRecord,
  undoBackwardStep,
} from '../engine/index.js';

/**
 * How many grad checkpoints the backward phase keeps: 8 bytes per node up to the output each,
 * saved the first time a step reaches them. At 2i·m / (2·CHECKPOINTS + 1) (m backward steps),
 * every backward position is at most m / (2·CHECKPOINTS + 1) steps from B0 or a checkpoint, the
 * end included (a goto can also step back from a checkpoint).
 */
const CHECKPOINTS = 3;

/**
 * The grads of one iteration's backward phase, moved exactly between its states: -1 before B0
 * (all zeros), j after Bj (0 after B0). Every grad is 0 until B0 sets the output's to 1; each
 * step's record holds its inputs' grads before it changed them, and undoing writes them back.
 * Steps are deterministic, so a record once written stays valid, and a move starts from the
 * cheapest exact state: where the arrays are, all zeros, or a checkpoint.
 *
 * A walk made `once` (`check`: start to end, its final state read) keeps no checkpoints and only
 * the last step's record (16 bytes a step less): a move back replays from all zeros, and the grad
 * before an earlier step is found by replaying up to that step. Both are exact, so every query
 * answers as in a walk that keeps its records; only their cost differs.
 */
export class GradWalk {
  /**
   * Grad before each step's change, two slots per step (once: the last step run's, in slots 0-1).
   * The steps written are always a prefix B1…Bk: every run starts at a state no further than the
   * furthest step that has run.
   */
  private readonly record: UndoRecord;
  /** Step numbers j (of Bj) whose grads are saved, ascending. */
  private readonly checkpointAt: number[] = [];
  /** The grads of ids 0…output after Bj for the first `checkpoints.length` of `checkpointAt`. */
  private readonly checkpoints: Float64Array[] = [];
  /** Steps that restoring a saved state costs, about: a copy of output + 1 doubles. */
  private readonly restoreCost: number;
  /** The state the grads are in. */
  private at = -1;
  /** Once: the step whose record slots 0-1 hold (it ran last, from the state before it), or -1. */
  private recorded = -1;

  /**
   * Bj runs `steps[j - 1]`; the step at index `reseed` sets the output's grad to 1 again
   * (double-backward's B'0), -1 for none; `assign` makes steps assign instead of add (overwrite).
   */
  constructor(
    private readonly graph: Graph,
    private readonly output: number,
    private readonly steps: Int32Array,
    private readonly reseed: number,
    private readonly assign: boolean,
    /** Walked once, start to end (`check`): no checkpoints, and only the last step's record. */
    private readonly once = false,
  ) {
    const m = steps.length;
    this.record = { before: new Float64Array(once ? 2 : 2 * m), at: 0 };
    const count = once ? 0 : CHECKPOINTS;
    for (let i = 1; i <= count; i++) {
      const j = Math.round((2 * i * m) / (2 * count + 1));
      if (j > (this.checkpointAt.at(-1) ?? 0)) this.checkpointAt.push(j);
    }
    this.restoreCost = 16 + (output + 1) / 16;
  }

  /** Bytes of the records and of the checkpoints saved so far. */
  get byteLength(): number {
    return this.checkpoints.reduce((sum, a) => sum + a.byteLength, this.record.before.byteLength);
  }

  /** Whether the grad before step Bj is read without moving the grads (see `gradBefore`). */
  holds(j: number): boolean {
    return !this.once || j === this.recorded;
  }

  /**
   * The grad an input held before step Bj changed it (input `slot`), for a step up to the grads'
   * state. Once, an earlier step than the last is replayed (the grads end where they were).
   */
  gradBefore(j: number, slot: number): number {
    if (!this.once) return this.record.before[2 * (j - 1) + slot];
    if (j === this.recorded) return this.record.before[slot];
    const back = this.at;
    this.move(back, j - 1);
    this.move(j - 1, j);
    const before = this.record.before[slot];
    this.move(j, back);
    return before;
  }

  /** Forgets the checkpoints: the graph now holds another iteration's values. */
  forgetCheckpoints(): void {
    this.checkpoints.length = 0;
  }

  /** Moves the grads from state `at` to state `target` (see the class comment). */
  move(at: number, target: number): void {
    this.at = target;
    if (at === target) return;
    this.recorded = -1;
    const grad = this.graph.grad;
    let start = at;
    let cost = Math.abs(target - at);
    let copy: Float64Array | undefined;
    const fromZeros = this.restoreCost + Math.max(target, 0);
    // Once, no record of the steps before the last: back means again from zeros.
    if (fromZeros < cost || (this.once && target < at)) [start, cost] = [-1, fromZeros];
    for (let i = 0; i < this.checkpoints.length && target >= 0; i++) {
      const c = this.restoreCost + Math.abs(target - this.checkpointAt[i]);
      if (c < cost) [start, cost, copy] = [this.checkpointAt[i], c, this.checkpoints[i]];
    }
    if (copy !== undefined) grad.set(copy);
    else if (start !== at) grad.fill(0, 0, this.output + 1);
    if (target > start) {
      if (start < 0) grad[this.output] = 1;
      this.run(Math.max(start, 0), target);
    } else if (target < start) {
      this.undo(start, Math.max(target, 0));
      if (target < 0) grad[this.output] = 0;
    }
  }

  /** Runs B(from + 1)…B`to`, recording each input's grad before its change. */
  private run(from: number, to: number): void {
    const { graph: g, record, steps, reseed, assign, once } = this;
    let save = this.checkpointAt[this.checkpoints.length] ?? -1;
    for (let j = from + 1; j <= to; j++) {
      const k = j - 1;
      const id = steps[k];
      record.at = once ? 0 : 2 * k;
      if (k === reseed) {
        record.before[record.at] = g.grad[id];
        g.grad[id] = 1;
      } else if (g.op[id] > OpCode.constant) backwardStep(g, id, record, assign);
      if (j === save) {
        this.checkpoints.push(g.grad.slice(0, this.output + 1));
        save = this.checkpointAt[this.checkpoints.length] ?? -1;
      }
    }
    if (once && to > from) this.recorded = to;
  }

  /** Undoes B`from`…B(to + 1) from their records, last step first. */
  private undo(from: number, to: number): void {
    const { graph: g, record, steps, reseed } = this;
    for (let k = from - 1; k >= to; k--) {
      const id = steps[k];
      record.at = 2 * k;
      if (k === reseed) g.grad[id] = record.before[2 * k];
      else if (g.op[id] > OpCode.constant) undoBackwardStep(g, id, record);
    }
  }
}
