/**
 * The user's own values in a session: which differences are visible at the cursor (a node's data
 * once it is computed, its grad once it is final), and the step where each one becomes visible,
 * for the `mismatch` breakpoint. Computed once per timeline.
 */
import {
  compareObserved,
  DIFFERS_DATA,
  DIFFERS_GRAD,
  finalPositions,
  type ObservedReport,
} from './observed.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { SessionState } from './types.js';

interface ObservedFacts {
  readonly report: ObservedReport;
  /** The position after which each node's grad is final (B0 for the output; never: total + 1). */
  readonly finalAt: Int32Array;
}

const facts = new WeakMap<Timeline, ObservedFacts>();

/**
 * The comparison of the scenario's `observed:` block with gradstep's values, if it has one; its
 * texts are written at `precision` (computed afresh when one is given, else kept per session).
 */
export function observedReportOf(
  state: SessionState,
  precision?: number,
): ObservedReport | undefined {
  const tl = timelineOf(state);
  const { observed } = tl.scenario;
  if (precision !== undefined && observed !== undefined) {
    return compareObserved(tl, observed, precision);
  }
  return observedFacts(tl)?.report;
}

function observedFacts(tl: Timeline): ObservedFacts | undefined {
  const observed = tl.scenario.observed;
  if (observed === undefined) return undefined;
  let found = facts.get(tl);
  if (found === undefined) {
    found = { report: compareObserved(tl, observed), finalAt: finalPositions(tl) };
    facts.set(tl, found);
  }
  return found;
}

/** DIFFERS_DATA and DIFFERS_GRAD of a node, as far as they can be seen at the cursor. */
export function observedMismatch(state: SessionState, id: number): number {
  const tl = timelineOf(state);
  const found = observedFacts(tl);
  if (found === undefined) return 0;
  const bits = found.report.differs[id];
  const data = bits & DIFFERS_DATA && tl.isDataKnown(state.position, id) ? DIFFERS_DATA : 0;
  const grad = bits & DIFFERS_GRAD && state.position >= found.finalAt[id] ? DIFFERS_GRAD : 0;
  return data | grad;
}

/**
 * The node whose difference from the user's values becomes visible at the step ending at
 * `position`: a forward step's own data, or an input whose grad that backward step finishes.
 */
export function mismatchAt(tl: Timeline, position: number): number | undefined {
  const found = observedFacts(tl);
  if (found === undefined || position < 1) return undefined;
  const { differs } = found.report;
  const node = tl.nodeOf(position);
  const phase = tl.phaseOf(position);
  if (phase === 'forward') return differs[node] & DIFFERS_DATA ? node : undefined;
  if (phase === 'zero') return differs[node] & DIFFERS_GRAD ? node : undefined;
  const g = tl.graph;
  for (const input of [g.in0[node], g.in1[node]]) {
    if (input >= 0 && found.finalAt[input] === position && differs[input] & DIFFERS_GRAD)
      return input;
  }
  return undefined;
}
