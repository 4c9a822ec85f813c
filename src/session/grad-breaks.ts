/**
 * The breakpoints a bug hunt needs: `final:NODE` (the step after which the node's grad changes no
 * more in its backward pass) and `mismatch` (the step where a grad first parts from the one it
 * should be: the user's `observed:` value, the correct run's under a wrong backward mode, or the
 * grads a wrongly written derivative hands on).
 */
import { correctGrad, gradsDiffer } from './compare.js';
import { derivativeFindings } from './derivatives.js';
import { mismatchAt } from './observed-marks.js';
import { valueAt } from './steps.js';
import type { Timeline } from './timeline.js';
import type { Position, SessionState } from './types.js';

/** Per position: bit s set when the step's input in slot s receives its last term of the pass. */
const settling = new WeakMap<Timeline, Uint8Array>();

function settlingBits(tl: Timeline): Uint8Array {
  let bits = settling.get(tl);
  if (bits !== undefined) return bits;
  bits = new Uint8Array(tl.total + 1);
  const g = tl.graph;
  // Walking back, the first time a node is met in a run of backward steps is its last term.
  let seen = new Set<number>();
  for (let p = tl.total; p > 0; p--) {
    if (tl.phaseOf(p) !== 'backward') {
      seen = new Set();
      continue;
    }
    const node = tl.nodeOf(p);
    for (let slot = 1; slot >= 0; slot--) {
      const input = slot === 0 ? g.in0[node] : g.in1[node];
      if (input < 0 || seen.has(input)) continue;
      seen.add(input);
      bits[p] |= 1 << slot;
    }
  }
  settling.set(tl, bits);
  return bits;
}

/** The node whose grad becomes final at the step ending at `position`, if it is `node`. */
export function finalAt(tl: Timeline, position: Position, node: number): number | undefined {
  const phase = tl.phaseOf(position);
  if (phase === 'zero' || phase === 'reseed') return node === tl.output ? node : undefined;
  if (phase !== 'backward') return undefined;
  const step = tl.nodeOf(position);
  const bits = settlingBits(tl)[position];
  const g = tl.graph;
  if (bits & 1 && g.in0[step] === node) return node;
  return bits & 2 && g.in1[step] === node ? node : undefined;
}

/**
 * The first node whose grad parts from the one it should be at the step ending at the state's
 * position (the graph is at that position).
 */
export function gradMismatchAt(state: SessionState): number | undefined {
  const tl = state.timeline;
  const p = state.position;
  const observed = mismatchAt(tl, p);
  if (observed !== undefined) return observed;
  if (tl.phaseOf(p) !== 'backward') return undefined;
  const step = tl.nodeOf(p);
  const wrong = derivativeFindings(state).failed.find((c) => c.node === step);
  const g = tl.graph;
  if (wrong !== undefined) return wrong.slot === 0 ? g.in0[step] : g.in1[step];
  if (tl.reference === undefined) return undefined;
  const before = { ...state, position: p - 1 };
  for (let slot = 0; slot < 2; slot++) {
    const id = slot === 0 ? g.in0[step] : g.in1[step];
    if (id < 0 || (slot === 1 && id === g.in0[step])) continue;
    const now = gradsDiffer(valueAt(state, id, 'grad'), correctGrad(state, id));
    if (now && !gradsDiffer(tl.gradBefore(p, slot), correctGrad(before, id))) return id;
  }
  return undefined;
}
