import {
  backward,
  forward,
  type GradCheckBudget,
  type GradCheckReport,
  type Graph,
  gradCheck,
  type NodeCheck,
  OpCode,
} from '../engine/index.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { SessionState } from './types.js';

interface Checked {
  readonly report: GradCheckReport;
  readonly byNode: Map<number, NodeCheck>;
}

const checks = new WeakMap<Timeline, Checked>();

/**
 * The engine's grad check of the final grads (of iteration 1 when training), computed on first
 * use and kept. It runs a full forward and backward pass on the graph and then puts every value
 * back as the cursor had it; with the budget `none` it runs neither.
 */
export function gradCheckOf(state: SessionState): GradCheckReport {
  return checked(state).report;
}

/** A node's grad-check result; undefined when not examined (a constant, outside the cone, sampled out). */
export function gradCheckStatus(state: SessionState, id: number): NodeCheck | undefined {
  return checked(state).byNode.get(id);
}

function checked(state: SessionState): Checked {
  const tl = timelineOf(state);
  const cached = checks.get(tl);
  if (cached !== undefined) return cached;
  const g = tl.graph;
  const budget = state.gradcheckBudget;
  // With no node to probe there is no pass to make: no forward, backward, copies of the values or
  // list of candidates (at a million nodes those cost 0.2 s and some 25 MB).
  const report = budget === 'none' ? unchecked(g, tl) : probed(g, tl, budget, state.onGradCheck);
  const result = { report, byNode: new Map(report.results.map((r) => [r.id, r])) };
  checks.set(tl, result);
  return result;
}

/** The report of a check with the budget `none`: what a full check would examine, none examined. */
function unchecked(g: Graph, tl: Timeline): GradCheckReport {
  let total = 0;
  for (let id = 0; id < tl.output; id++)
    if (tl.cone[id] === 1 && g.op[id] !== OpCode.constant) total++;
  return { checked: 0, total, maxRelError: undefined, results: [], failed: [], skipped: [] };
}

/** The grad check on the final values, leaving the graph's values as the session had them. */
function probed(
  g: Graph,
  tl: Timeline,
  budget: GradCheckBudget | undefined,
  onProgress: ((done: number, total: number) => void) | undefined,
): GradCheckReport {
  const data = g.data.slice(0, g.size);
  const grad = g.grad.slice(0, g.size);
  // With training, the grads checked are those of the first iteration, wherever the cursor is.
  tl.training?.setParams(g, 1, 0);
  forward(g);
  backward(g, tl.output, tl.cone);
  const report = gradCheck(g, tl.output, budget, onProgress);
  g.data.set(data);
  g.grad.set(grad);
  return report;
}
