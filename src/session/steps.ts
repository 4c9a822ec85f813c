import type { Timeline } from './timeline.js';
import type { Position, SessionState, StepInfo } from './types.js';

/** `start`, `F3`, `B0`, `B5`; the last position is named after its step (use `end` via parseStep). */
export function stepName(timeline: Timeline, position: Position): string {
  throw new Error(`TODO ${timeline.total} ${position}`);
}

/**
 * `start`, `end`, `F3`, `B0`, `forward:NODE`, `backward:NODE`, or a bare NODE (name or `#ID`): its
 * forward step, or for a leaf the first backward step that adds to its grad.
 */
export function parseStep(
  timeline: Timeline,
  text: string,
): { position: Position } | { message: string; hint?: string } {
  throw new Error(`TODO ${timeline.total} ${text}`);
}

/** What the step ending at `position` does; valid for positions up to the cursor's. */
export function stepInfo(state: SessionState, position: Position): StepInfo {
  throw new Error(`TODO ${state.position} ${position}`);
}

export function isDataKnown(state: SessionState, id: number): boolean {
  return state.timeline.isDataKnown(state.position, id);
}

export function isGradKnown(state: SessionState, _id: number): boolean {
  return state.timeline.isGradKnown(state.position);
}

/** A node's data or grad at the cursor, undefined while unknown. */
export function nodeValue(
  state: SessionState,
  id: number,
  field: 'data' | 'grad',
): number | undefined {
  throw new Error(`TODO ${state.position} ${id} ${field}`);
}
