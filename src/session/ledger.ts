import { stepName } from '../scenario/index.js';
import type { Reference } from './reference.js';
import { timelineOf } from './seek.js';
import { stepAt } from './steps.js';
import type { Timeline } from './timeline.js';
import type { GradLedger, LedgerEntry, SessionState } from './types.js';

/**
 * Consumers of each node inside the output's cone, as compressed rows (built on first use: 4 bytes
 * per edge and per node): consumers of `id` are `edges[starts[id]] … edges[starts[id + 1] - 1]`,
 * in id order, one entry per edge (`x * x` lists its node twice).
 */
interface Consumers {
  readonly starts: Int32Array;
  readonly edges: Int32Array;
}

const built = new WeakMap<Timeline, Consumers>();

export function consumersOf(tl: Timeline): Consumers {
  const cached = built.get(tl);
  if (cached !== undefined) return cached;
  const g = tl.graph;
  const starts = new Int32Array(g.size + 1);
  const ids = tl.backwardIds;
  for (const c of ids) {
    starts[g.in0[c] + 1]++;
    if (g.in1[c] >= 0) starts[g.in1[c] + 1]++;
  }
  for (let id = 0; id < g.size; id++) starts[id + 1] += starts[id];
  const edges = new Int32Array(starts[g.size]);
  const fill = starts.slice(0, g.size);
  for (let j = ids.length - 1; j >= 0; j--) {
    const c = ids[j];
    edges[fill[g.in0[c]]++] = c;
    if (g.in1[c] >= 0) edges[fill[g.in1[c]]++] = c;
  }
  const consumers = { starts, edges };
  built.set(tl, consumers);
  return consumers;
}

/**
 * The contributions a node's grad has received by the cursor, and how many it will receive (in the
 * correct algorithm: a wrong mode may deliver more, and its grad is final after the last).
 */
export function ledgerOf(state: SessionState, id: number): GradLedger {
  const tl = timelineOf(state);
  const { starts, edges } = consumersOf(tl);
  const expected = starts[id + 1] - starts[id];
  if (tl.reference !== undefined) return modeLedger(state, id, expected, tl.reference);
  const received: LedgerEntry[] = [];
  // Consumers are in ascending id order; backward runs them in descending order. The steps are
  // those of the cursor's iteration.
  const offset = state.position - tl.localOf(state.position);
  let previous = -1;
  for (let e = starts[id + 1] - 1; e >= starts[id]; e--) {
    const from = edges[e];
    if (from === previous) continue;
    previous = from;
    const position = offset + tl.backwardPosition(from);
    if (position > state.position) break;
    for (const c of stepAt(state, position).contributions) {
      if (c.to === id) received.push({ ...c, from, position, step: stepName(tl, position) });
    }
  }
  const known = tl.isGradKnown(state.position);
  return { node: id, received, expected, final: known && received.length === expected };
}

/** A wrong mode's ledger: every step up to the cursor that gave `id` a term (a scan of the steps). */
function modeLedger(
  state: SessionState,
  id: number,
  expected: number,
  reference: Reference,
): GradLedger {
  const tl = timelineOf(state);
  const g = tl.graph;
  const received: LedgerEntry[] = [];
  for (let position = tl.zeroPosition + 1; position <= state.position; position++) {
    const from = tl.nodeOf(position);
    if (tl.phaseOf(position) !== 'backward' || (g.in0[from] !== id && g.in1[from] !== id)) continue;
    for (const c of stepAt(state, position).contributions) {
      if (c.to === id) received.push({ ...c, from, position, step: stepName(tl, position) });
    }
  }
  const known = tl.isGradKnown(state.position);
  const last = id < reference.lastReceived.length ? reference.lastReceived[id] : -1;
  return { node: id, received, expected, final: known && state.position >= last };
}
