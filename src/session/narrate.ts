import type { SessionState, StepInfo } from './types.js';

/**
 * The step as text lines with real numbers: one line for a forward step and B0, one per
 * contribution for a backward step.
 */
export function narrate(state: SessionState, step: StepInfo, precision?: number): string[] {
  throw new Error(`TODO ${state.position} ${step.name} ${precision}`);
}
