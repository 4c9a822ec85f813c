import type { WalkthroughItem } from '../scenario/types.js';
import type { Position, SessionState } from './types.js';

export interface WalkthroughView {
  /** Indexes into `scenario.walkthrough` of the items attached to this position. */
  readonly items: readonly number[];
  readonly say: readonly string[];
  /** Autoplay stops here. */
  readonly pause: boolean;
  readonly expects: readonly WalkthroughItem[];
}

/** The walkthrough items attached to a position (the cursor's by default). */
export function walkthroughAt(state: SessionState, position?: Position): WalkthroughView {
  throw new Error(`TODO ${state.position} ${position}`);
}
