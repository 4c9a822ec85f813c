/**
 * Checks the derivatives a user wrote for their own ops (`ops:`): at each node that calls such an
 * op, each written local derivative against a central difference of the op's own forward in that
 * argument, the other held still. A wrong one is the root cause of every grad it feeds.
 */

import { GRADCHECK_TOLERANCE } from './gradcheck.js';
import type { Graph } from './graph.js';

export interface DerivativeCheck {
  readonly node: number;
  /** The argument (input slot) whose derivative was checked. */
  readonly slot: number;
  readonly analytic: number;
  readonly numeric: number;
  readonly relError: number;
  /**
   * `skipped`: a value is not finite, or the difference changes with the step (a kink or a flat
   * point), so it cannot tell right from wrong.
   */
  readonly status: 'pass' | 'fail' | 'skipped';
}

/** Every written derivative at every node in `cone` (all nodes without one) that uses it. */
export function checkWrittenDerivatives(g: Graph, cone?: Uint8Array): DerivativeCheck[] {
  const checks: DerivativeCheck[] = [];
  for (let id = 0; id < g.size; id++) {
    const spec = g.spec(id);
    if (spec.written === undefined || (cone !== undefined && cone[id] !== 1)) continue;
    for (let slot = 0; slot < spec.arity; slot++) checks.push(checkSlot(g, id, slot));
  }
  return checks;
}

function checkSlot(g: Graph, id: number, slot: number): DerivativeCheck {
  const spec = g.spec(id);
  const a = g.data[g.in0[id]];
  const b = g.in1[id] < 0 ? 0 : g.data[g.in1[id]];
  const k = g.param[id];
  const analytic = spec.local[slot](a, b, g.data[id], k);
  const x = slot === 0 ? a : b;
  const slope = (h: number) => {
    const at = (v: number) => (slot === 0 ? spec.forward(v, b, k) : spec.forward(a, v, k));
    return (at(x + h) - at(x - h)) / (2 * h);
  };
  const h = 1e-6 * Math.max(1, Math.abs(x));
  const numeric = slope(h);
  const error = Math.abs(analytic - numeric);
  const relError = error / Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
  const result = { node: id, slot, analytic, numeric, relError };
  if (!Number.isFinite(analytic) || !Number.isFinite(numeric))
    return { ...result, status: 'skipped' };
  if (relError < GRADCHECK_TOLERANCE) return { ...result, status: 'pass' };
  // A difference that moves by as much as the disagreement when the step doubles resolves nothing.
  const wide = slope(2 * h);
  if (Math.abs(wide - numeric) * 2 >= error) return { ...result, status: 'skipped' };
  return { ...result, status: 'fail' };
}

/**
 * Nodes whose grads are wrong only because a written derivative is: the input at each failed slot
 * and everything it depends on (their grads flow through the wrong term).
 */
export function downstreamOfWrong(g: Graph, failed: readonly DerivativeCheck[]): Uint8Array {
  const marked = new Uint8Array(g.size);
  let top = -1;
  for (const f of failed) {
    const input = f.slot === 0 ? g.in0[f.node] : g.in1[f.node];
    marked[input] = 1;
    top = Math.max(top, input);
  }
  for (let id = top; id >= 0; id--) {
    if (marked[id] === 0 || g.isLeaf(id)) continue;
    marked[g.in0[id]] = 1;
    if (g.in1[id] >= 0) marked[g.in1[id]] = 1;
  }
  return marked;
}
