import type { GradCheckReport, NodeCheck } from '../engine/index.js';
import type { SessionState } from './types.js';

/** The engine's grad check of the final grads, computed on first use and kept. */
export function gradCheckOf(state: SessionState): GradCheckReport {
  throw new Error(`TODO ${state.position}`);
}

/** A node's grad-check result; undefined when it was not examined (outside the cone, sampled out). */
export function gradCheckStatus(state: SessionState, id: number): NodeCheck | undefined {
  throw new Error(`TODO ${state.position} ${id}`);
}
