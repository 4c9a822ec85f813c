import { type BackwardMode, forward, OpCode } from '../engine/index.js';
import { type Scenario, StepModel } from '../scenario/index.js';
import { GradWalk } from './grad-walk.js';
import { type Reference, referenceOf } from './reference.js';
import { TrainingRun } from './training.js';

/**
 * A session's walk through the scenario's steps (numbered by the StepModel it extends), and where
 * the graph's arrays are. It owns the graph's data and grad while the session lives.
 * - Data: an op node's data is a pure function of the inputs, so creating the timeline computes
 *   every value once and never changes it within an iteration; what is known is derived from the
 *   position (`isDataKnown`). Forward steps, and gotos within the forward phase, move no values.
 * - Grads: moved exactly between backward positions by a GradWalk (grad-walk.ts).
 */
export class Timeline extends StepModel {
  /** A wrong mode's reference: the correct run's final grads and where each step first ran. */
  readonly reference?: Reference;
  /** The gradient-descent run of a scenario with `train:`. */
  readonly training?: TrainingRun;
  /** The iteration whose forward values the graph holds. */
  private loaded = 1;
  /** Where the graph's arrays are: every move keeps it. */
  cursor = 0;
  /** The backward phase's grads (see grad-walk.ts). */
  private readonly grads: GradWalk;

  constructor(
    readonly scenario: Scenario,
    mode: BackwardMode = 'correct',
    /** Walked once from start to end (`check`): keep no checkpoints or records for moving back. */
    once = false,
  ) {
    const g = scenario.graph;
    const training = scenario.training;
    super(g, scenario.output, {
      mode,
      params: training === undefined ? undefined : Int32Array.from(training.params),
      iterations: training?.steps,
    });
    if (training !== undefined)
      this.training = new TrainingRun(
        g,
        this.output,
        this.cone,
        training,
        mode === 'correct' ? undefined : this,
      );
    this.grads = new GradWalk(g, this.output, this.steps, this.reseed, this.assign, once);
    this.training?.setParams(g, 1, 0);
    forward(g);
    if (mode !== 'correct') this.reference = referenceOf(this);
    g.grad.fill(0, 0, g.size);
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

  /** Bytes of the typed arrays the timeline holds besides the graph's (checkpoints saved so far). */
  get byteLength(): number {
    const fixed = [this.forwardIds, this.backwardIds, this.cone];
    return fixed.reduce((sum, a) => sum + a.byteLength, this.grads.byteLength);
  }

  /** The grad an input held before backward step `position` added contribution `slot`. */
  gradBefore(position: number, slot: number): number {
    const j = this.localOf(position) - this.zeroPosition;
    const updates = this.training === undefined ? 0 : this.localOf(this.cursor) - this.backwardEnd;
    if (updates <= 0 || this.grads.holds(j)) return this.grads.gradBefore(j, slot);
    // Replaying steps (a walk made once) reads the parameters as before this iteration's updates.
    const iteration = this.iterationOf(this.cursor);
    this.training!.setParams(this.graph, iteration, 0);
    const before = this.grads.gradBefore(j, slot);
    this.training!.setParams(this.graph, iteration, updates);
    return before;
  }

  /**
   * Moves the arrays from the cursor to `to` exactly. Within an iteration the cost depends on grads
   * only (see grad-walk.ts); another iteration is loaded first (its parameters, then forward).
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
    const zero = this.zeroPosition;
    const state = (local: number) => (local < zero ? -1 : Math.min(local, this.backwardEnd) - zero);
    this.grads.move(state(start), state(this.localOf(to)));
    if (updates > 0) this.training!.setParams(this.graph, iteration, updates);
    this.cursor = to;
  }

  isDataKnown(position: number, id: number): boolean {
    if (this.graph.op[id] <= OpCode.constant) return true;
    // Past the forward phase every value is known (without looking up the node's step).
    const local = this.localOf(position);
    return local >= this.forwardCount || this.forwardPosition(id) <= local;
  }

  isGradKnown(position: number): boolean {
    return this.localOf(position) >= this.zeroPosition;
  }
}
