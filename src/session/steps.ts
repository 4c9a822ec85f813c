import { localDerivative } from '../engine/index.js';
import {
  parseStepName,
  resolveNode as resolveNodeRef,
  type StepLookup,
  stepName,
} from '../scenario/index.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { Contribution, Position, SessionState, StepInfo, Update } from './types.js';

/**
 * `start`, `end`, `F3`, `B0`, `forward:NODE`, `backward:NODE`, or a bare NODE (a name or `#ID`):
 * its forward step, or for a leaf, which has none, the first backward step that adds to its grad
 * (where its grad starts to change). Step names win over node names that look like them.
 */
export function findStep(timeline: Timeline, text: string): StepLookup {
  const t = text.trim();
  const named = parseStepName(timeline, t);
  if (named !== undefined) return named;
  const prefixed = /^(forward|backward):\s*(.+)$/.exec(t);
  const node = resolveNode(timeline, prefixed === null ? t : prefixed[2]);
  if (typeof node !== 'number') return node;
  const label = timeline.scenario.labelOf(node);
  if (prefixed === null || prefixed[1] === 'forward') {
    const position = timeline.forwardPosition(node);
    if (position > 0) return { position };
    if (prefixed !== null) return { message: `${label} is a leaf: it has no forward step.` };
    const first = firstContribution(timeline, node);
    if (first > 0) return { position: first };
    return { message: `${label} is a leaf the output does not depend on: it has no step.` };
  }
  const position = timeline.backwardPosition(node);
  if (position > 0) return { position };
  if (node === timeline.output) return { position: timeline.zeroPosition };
  return {
    message: `${label} has no backward step.`,
    hint:
      timeline.cone[node] === 1 ? 'leaves only receive grads' : 'the output does not depend on it',
  };
}

/** A node by name or `#ID`, or a message naming what was not found (the scenario's lookup). */
export function resolveNode(
  timeline: Timeline,
  text: string,
): number | { message: string; hint?: string } {
  const g = timeline.graph;
  const found = resolveNodeRef(text, g, (name) => g.idOf(name));
  return found.ok ? found.value : { message: found.message, hint: found.hint };
}

/** The first backward step that contributes to `node`, or -1 (a linear scan, for goto only). */
function firstContribution(timeline: Timeline, node: number): number {
  const { steps: ids, graph: g } = timeline;
  for (let i = 0; i < ids.length; i++) {
    if (g.in0[ids[i]] === node || g.in1[ids[i]] === node) return timeline.zeroPosition + i + 1;
  }
  return -1;
}

/** What the step ending at `position` (1..total) does; valid for positions up to the cursor's. */
export function stepAt(state: SessionState, position: Position): StepInfo {
  const tl = timelineOf(state);
  const g = tl.graph;
  const node = tl.nodeOf(position);
  const phase = tl.phaseOf(position);
  const iteration = tl.iterationOf(position);
  const name = stepName(tl, position);
  const base = { position, name, phase, node, data: g.data[node], iteration };
  if (phase === 'update')
    return { ...base, contributions: [], update: updateOf(tl, iteration, node) };
  if (phase === 'iteration') {
    const run = tl.training!;
    const params = Array.from(run.params, (_, k) => run.value(iteration + 1, k));
    return { ...base, contributions: [], params };
  }
  if (phase !== 'backward') return { ...base, contributions: [] };
  const upstream = g.grad[node];
  const inputs = g.inputsOf(node);
  const assigned = tl.assign ? { assigned: true } : {};
  const contributions: Contribution[] = inputs.map((to, slot) => {
    const local = localDerivative(g, node, slot);
    const term = local * upstream;
    const before = tl.gradBefore(position, slot);
    return {
      to,
      slot,
      local,
      upstream,
      term,
      before,
      after: tl.assign ? term : before + term,
      ...assigned,
    };
  });
  return { ...base, contributions };
}

function updateOf(tl: Timeline, iteration: number, node: number): Update {
  const run = tl.training!;
  const k = run.indexOf(node);
  const before = run.value(iteration, k);
  return { lr: run.lr, grad: run.grad(iteration, k), before, after: run.value(iteration + 1, k) };
}

export function isDataKnown(state: SessionState, id: number): boolean {
  return timelineOf(state).isDataKnown(state.position, id);
}

/** Grads are unknown before B0 and known for every node after it (0 outside the cone). */
export function isGradKnown(state: SessionState, _id?: number): boolean {
  return timelineOf(state).isGradKnown(state.position);
}

/** A node's data or grad at the state's position, undefined while unknown. */
export function valueAt(
  state: SessionState,
  id: number,
  field: 'data' | 'grad',
): number | undefined {
  if (field === 'data')
    return isDataKnown(state, id) ? timelineOf(state).graph.data[id] : undefined;
  return isGradKnown(state) ? timelineOf(state).graph.grad[id] : undefined;
}
