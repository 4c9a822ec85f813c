import type { Timeline } from './timeline.js';
import type { SessionState } from './types.js';

/**
 * The state's timeline with the graph's arrays at the state's own position. Every state of a
 * session shares one graph, which the newest transition leaves at its position; a state read after
 * later transitions (a kept value, a stale closure, a frame drawn ahead) is put back first, at the
 * cost of a goto. Every query that reads values goes through here.
 */
export function timelineOf(state: SessionState): Timeline {
  const tl = state.timeline;
  tl.moveTo(state.position);
  return tl;
}
