import type { GradLedger, SessionState } from './types.js';

/** The contributions a node's grad has received at the current position. */
export function ledgerOf(state: SessionState, id: number): GradLedger {
  throw new Error(`TODO ${state.position} ${id}`);
}
