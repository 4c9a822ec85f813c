/**
 * This run's grads against the correct algorithm's at the same point. In a wrong mode, "the same
 * point" is the correct run having run the same nodes: a node's correct grad at a position is the
 * sum, in the order the mode first ran them, of the correct term (local derivative × the
 * consumer's correct final grad) of each consumer the mode has run by then. In the correct mode
 * that is the run itself, term for term, so nothing ever differs.
 */
import { localDerivative } from '../engine/index.js';
import { consumersOf } from './ledger.js';
import { timelineOf } from './seek.js';
import { valueAt } from './steps.js';
import type { Position, SessionState } from './types.js';

/** The correct run's grad of `id` at the cursor; undefined while grads are unknown (before B0). */
export function correctGrad(state: SessionState, id: number): number | undefined {
  const tl = timelineOf(state);
  if (!tl.isGradKnown(state.position)) return undefined;
  const ref = tl.reference;
  if (ref === undefined) return tl.graph.grad[id];
  if (id > tl.output || tl.cone[id] !== 1) return 0;
  const g = tl.graph;
  const { starts, edges } = consumersOf(tl);
  const terms: { at: Position; slot: number; value: number }[] = [];
  for (let e = starts[id]; e < starts[id + 1]; e++) {
    const c = edges[e];
    if (e > starts[id] && edges[e - 1] === c) continue;
    const at = ref.firstRun[c];
    if (at < 0 || at > state.position) continue;
    for (let slot = 0; slot < 2; slot++) {
      if ((slot === 0 ? g.in0[c] : g.in1[c]) !== id) continue;
      terms.push({ at, slot, value: localDerivative(g, c, slot) * ref.correct[c] });
    }
  }
  terms.sort((x, y) => x.at - y.at || x.slot - y.slot);
  let sum = id === tl.output ? 1 : 0;
  for (const t of terms) sum += t.value;
  return sum;
}

/** Two grads differ unless they are the same number (NaN matches NaN, an unknown matches only one). */
export function gradsDiffer(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a !== b;
  return !(a === b || (Number.isNaN(a) && Number.isNaN(b)));
}

/** Whether `id`'s grad at the cursor departs from the correct run's (never in the correct mode). */
export function gradMismatch(state: SessionState, id: number): boolean {
  if (timelineOf(state).reference === undefined) return false;
  return gradsDiffer(valueAt(state, id, 'grad'), correctGrad(state, id));
}

/** Every node whose grad at the cursor departs from the correct run's, in id order. */
export function gradMismatches(state: SessionState): number[] {
  const tl = timelineOf(state);
  const found: number[] = [];
  if (tl.reference === undefined || !tl.isGradKnown(state.position)) return found;
  for (let id = 0; id <= tl.output; id++) if (gradMismatch(state, id)) found.push(id);
  return found;
}
