/** What a wrong backward mode did differently at one step, in words, for the step's narration. */
import { consumersOf } from './ledger.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { SessionState, StepInfo } from './types.js';

export function modeNote(state: SessionState, step: StepInfo): string | undefined {
  const tl = timelineOf(state);
  const label = tl.scenario.labelOf(step.node);
  switch (tl.mode) {
    case 'correct':
      return undefined;
    case 'overwrite': {
      const lost = step.contributions.filter((c) => c.before !== 0).length;
      return lost === 0
        ? undefined
        : `overwrite: = replaced ${lost === 1 ? 'a grad' : `${lost} grads`} instead of adding to it`;
    }
    case 'double-backward':
      if (step.phase === 'reseed')
        return 'double-backward: pass 2 starts, and no grad was zeroed: each adds to pass 1';
      return step.position > tl.zeroPosition + tl.reseed + 1 && step.phase === 'backward'
        ? "double-backward: pass 2 adds on top of pass 1's grads"
        : undefined;
    case 'no-topo':
      return step.phase === 'backward' ? noTopoNote(tl, step, label) : undefined;
  }
}

/** A leaf's visit, a node's second visit, or a first visit before its grad is complete. */
function noTopoNote(tl: Timeline, step: StepInfo, label: string): string | undefined {
  const g = tl.graph;
  if (g.isLeaf(step.node)) return `no-topo: ${label} is a leaf: the visit runs nothing`;
  let visit = 0;
  let received = 0;
  for (let p = tl.zeroPosition + 1; p <= step.position; p++) {
    const id = tl.nodeOf(p);
    if (id === step.node) visit++;
    else if (p < step.position && (g.in0[id] === step.node || g.in1[id] === step.node)) {
      received += g.in0[id] === g.in1[id] ? 2 : 1;
    }
  }
  if (visit > 1)
    return `no-topo: ${label} runs again (visit ${visit}): its grad is passed down once more`;
  const { starts } = consumersOf(tl);
  const expected = starts[step.node + 1] - starts[step.node];
  return received < expected
    ? `no-topo: ${label} runs before its grad is complete (${received} of ${expected} terms received)`
    : undefined;
}
