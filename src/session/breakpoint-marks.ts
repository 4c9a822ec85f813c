import { receivingAt } from './queries.js';
import type { Position, SessionState } from './types.js';

/**
 * Positions (iteration 1) of the steps where a breakpoint on a node fires, for marks on a
 * timeline; conditions cannot be known ahead and are left out.
 */
export function breakpointPositions(state: SessionState): Set<Position> {
  const tl = state.timeline;
  const marked = new Set<Position>();
  for (const b of state.breakpoints) {
    if (b.node === undefined || b.kind === 'condition') continue;
    // A breakpoint on an input fires where a step hands it a grad (it has no step of its own).
    const own = b.kind === 'node' && !tl.graph.isLeaf(b.node);
    const receives = b.kind === 'change' || (b.kind === 'node' && !own);
    if (own || b.kind === 'forward' || b.kind === 'change') marked.add(tl.forwardPosition(b.node));
    if (own || b.kind === 'backward') marked.add(tl.backwardPosition(b.node));
    if (b.kind === 'change' && b.node === tl.output) marked.add(tl.zeroPosition);
    if (receives) for (const p of receivingAt(state, b.node)) marked.add(p);
  }
  marked.delete(-1);
  return marked;
}
