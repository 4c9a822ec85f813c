/**
 * The written derivatives of a scenario's own ops, checked once per session: where one is wrong
 * (the root cause, marked on the node that calls the op) and which grads are wrong only because of
 * it (the nodes its wrong term flows into), so the user sees where the bug is, not only where it
 * shows.
 */
import {
  checkWrittenDerivatives,
  type DerivativeCheck,
  downstreamOfWrong,
} from '../engine/index.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { SessionState } from './types.js';

export interface DerivativeFindings {
  /** Every check, in node then argument order. */
  readonly checks: readonly DerivativeCheck[];
  readonly failed: readonly DerivativeCheck[];
  /** 1 for a node whose grad is wrong because of a failed derivative somewhere between it and the output. */
  readonly downstream: Uint8Array;
}

const found = new WeakMap<Timeline, DerivativeFindings>();

export function derivativeFindings(state: SessionState): DerivativeFindings {
  const tl = timelineOf(state);
  let findings = found.get(tl);
  if (findings === undefined) {
    const checks = checkWrittenDerivatives(tl.graph, tl.cone);
    const failed = checks.filter((c) => c.status === 'fail');
    findings = { checks, failed, downstream: downstreamOfWrong(tl.graph, failed) };
    found.set(tl, findings);
  }
  return findings;
}

/** The checks of one node's written derivatives (empty for other nodes). */
export function derivativeChecksOf(state: SessionState, id: number): DerivativeCheck[] {
  return derivativeFindings(state).checks.filter((c) => c.node === id);
}
