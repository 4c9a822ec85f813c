import { backward, OpCode } from '../engine/index.js';
import type { Timeline } from './timeline.js';

/** What a wrong mode is compared with (see compare.ts). */
export interface Reference {
  /** The correct run's final grad of each node up to the output. */
  readonly correct: Float64Array;
  /** The position of the first step that runs each node, -1 for none. */
  readonly firstRun: Int32Array;
  /** The position of the last step that adds to (or assigns) each node's grad, -1 for none. */
  readonly lastReceived: Int32Array;
}

/**
 * The correct run's final grads, and the first and last step of `tl`'s mode that runs each node.
 * Runs backward on the graph: its grads are left as the correct run's.
 */
export function referenceOf(tl: Timeline): Reference {
  const g = tl.graph;
  const { output, steps, reseed, zeroPosition } = tl;
  backward(g, output, tl.cone);
  const correct = g.grad.slice(0, output + 1);
  const firstRun = new Int32Array(output + 1).fill(-1);
  const lastReceived = new Int32Array(output + 1).fill(-1);
  for (let j = steps.length; j >= 1; j--) firstRun[steps[j - 1]] = zeroPosition + j;
  for (let j = 1; j <= steps.length; j++) {
    const id = steps[j - 1];
    if (j - 1 === reseed || g.op[id] <= OpCode.constant) continue;
    lastReceived[g.in0[id]] = zeroPosition + j;
    if (g.in1[id] >= 0) lastReceived[g.in1[id]] = zeroPosition + j;
  }
  return { correct, firstRun, lastReceived };
}
