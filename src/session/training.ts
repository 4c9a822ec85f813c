import {
  type BackwardProgram,
  backward,
  forward,
  type Graph,
  runBackwardProgram,
} from '../engine/index.js';
import type { Training } from '../scenario/index.js';

/**
 * A whole gradient-descent run, computed once when the session starts: each iteration's starting
 * parameters, its loss (the output after its forward pass) and its parameters' grads. Steps are
 * deterministic, so the timeline can put the graph at any iteration by writing that iteration's
 * parameters and running forward: the values it gets are these, bit for bit. In a wrong backward
 * mode it trains on that mode's grads, as the buggy code would.
 */
export class TrainingRun {
  readonly params: Int32Array;
  readonly lr: number;
  readonly iterations: number;
  /** Parameters at the start of iteration i (row i - 1); row `iterations` holds the last update's. */
  private readonly values: Float64Array;
  /** Parameters' grads in iteration i (row i - 1). */
  private readonly grads: Float64Array;
  /** Loss of iteration i (index i - 1). */
  readonly losses: Float64Array;

  constructor(
    g: Graph,
    output: number,
    cone: Uint8Array,
    training: Training,
    /** The mode's backward pass; undefined for the correct one (backward(), the fast loop). */
    program?: BackwardProgram,
  ) {
    const params = Int32Array.from(training.params);
    const p = params.length;
    const n = training.steps;
    this.params = params;
    this.lr = training.lr;
    this.iterations = n;
    this.values = new Float64Array((n + 1) * p);
    this.grads = new Float64Array(n * p);
    this.losses = new Float64Array(n);
    const { data, grad } = g;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < p; k++) this.values[i * p + k] = data[params[k]];
      forward(g);
      this.losses[i] = data[output];
      if (program === undefined) backward(g, output, cone);
      else runBackwardProgram(g, output, program);
      for (let k = 0; k < p; k++) {
        this.grads[i * p + k] = grad[params[k]];
        data[params[k]] = data[params[k]] - this.lr * grad[params[k]];
      }
    }
    for (let k = 0; k < p; k++) this.values[n * p + k] = data[params[k]];
  }

  /** Parameter k's value at the start of `iteration` (1-based; iterations + 1 is after the last). */
  value(iteration: number, k: number): number {
    return this.values[(iteration - 1) * this.params.length + k];
  }

  grad(iteration: number, k: number): number {
    return this.grads[(iteration - 1) * this.params.length + k];
  }

  /**
   * Writes the parameters of `iteration` after its first `updated` updates (the rest as at its
   * start) into the graph.
   */
  setParams(g: Graph, iteration: number, updated: number): void {
    const { params } = this;
    for (let k = 0; k < params.length; k++)
      g.data[params[k]] = this.value(k < updated ? iteration + 1 : iteration, k);
  }

  /** The index of a parameter node in the update order, or -1. */
  indexOf(id: number): number {
    return this.params.indexOf(id);
  }
}
