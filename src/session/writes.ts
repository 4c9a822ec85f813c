/**
 * Which steps write a node: the debugger's `[` / `]` jump between them. A step writes a node when
 * it assigns or adds to the node's data or grad, whether or not the value ends up different (a
 * zero contribution, relu's below 0, is often the one being hunted).
 */
import type { Timeline } from './timeline.js';
import type { Position, SessionState } from './types.js';

/** Does the step ending at `position` (1…total) write `node`'s data or grad? */
export function writesNode(timeline: Timeline, position: Position, node: number): boolean {
  const ran = timeline.nodeOf(position);
  switch (timeline.phaseOf(position)) {
    case 'forward':
    case 'update':
      return ran === node;
    case 'zero':
    case 'reseed':
      return node === timeline.output;
    case 'backward':
      return timeline.graph.in0[ran] === node || timeline.graph.in1[ran] === node;
    case 'iteration':
      // A whole iteration recomputes every value and grad.
      return true;
  }
}

/**
 * The nearest position after (direction 1) or before (-1) the cursor, among those `next` and
 * `prev` stop at, just after a step that writes `node`; undefined when there is none.
 */
export function stepWritingNode(
  state: SessionState,
  node: number,
  direction: 1 | -1,
): Position | undefined {
  const tl = state.timeline;
  const move = (p: Position) => (direction === 1 ? tl.nextPosition(p) : tl.previousPosition(p));
  let p = state.position;
  for (let q = move(p); q !== p && q > 0; p = q, q = move(p)) {
    if (writesNode(tl, q, node)) return q;
  }
  return undefined;
}
