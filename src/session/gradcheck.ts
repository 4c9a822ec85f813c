import {
  backward,
  forward,
  type GradCheckBudget,
  type GradCheckReport,
  GradCheckRun,
  type Graph,
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
/** Checks begun by advanceGradCheck and not finished yet. */
const running = new WeakMap<Timeline, GradCheckRun>();

/**
 * The engine's grad check of the final grads (of iteration 1 when training), computed on first
 * use and kept. It runs a full forward and backward pass on the graph and then puts every value
 * back as the cursor had it; with the budget `none` it runs neither. A check begun in slices
 * (advanceGradCheck) is finished from where it stopped.
 */
export function gradCheckOf(state: SessionState): GradCheckReport {
  return checked(state).report;
}

/** A node's grad-check result; undefined when not examined (a constant, outside the cone, sampled out). */
export function gradCheckStatus(state: SessionState, id: number): NodeCheck | undefined {
  return checked(state).byNode.get(id);
}

/**
 * Runs the grad check for one slice: probes nodes until `now()` reaches `deadline` (at least one
 * node, and the first slice also makes the forward and backward pass the check starts from), then
 * returns, leaving the graph's values as the session had them. True once the check is over, when
 * gradCheckOf returns its report at no cost. The report is the one gradCheckOf alone would
 * make, however the slices are cut and whatever the session does between them. The clock is the
 * caller's: the session keeps no time.
 */
export function advanceGradCheck(
  state: SessionState,
  deadline: number,
  now: () => number,
): boolean {
  const tl = state.timeline;
  if (checks.has(tl)) return true;
  if (state.gradcheckBudget === 'none') {
    checked(state);
    return true;
  }
  const run = runOf(state);
  if (!run.step(deadline, now)) return false;
  keep(tl, run.report());
  return true;
}

function checked(state: SessionState): Checked {
  const tl = timelineOf(state);
  const cached = checks.get(tl);
  if (cached !== undefined) return cached;
  // With no node to probe there is no pass to make: no forward, backward, copies of the values or
  // list of candidates (at a million nodes those cost 0.2 s and some 25 MB).
  if (state.gradcheckBudget === 'none') return keep(tl, unchecked(tl.graph, tl));
  const run = runOf(state);
  run.step(Number.POSITIVE_INFINITY, () => 0);
  return keep(tl, run.report());
}

function keep(tl: Timeline, report: GradCheckReport): Checked {
  const result = { report, byNode: new Map(report.results.map((r) => [r.id, r])) };
  checks.set(tl, result);
  running.delete(tl);
  return result;
}

/** The check begun for this state's timeline, or a new one. */
function runOf(state: SessionState): GradCheckRun {
  const begun = running.get(state.timeline);
  if (begun !== undefined) return begun;
  const tl = timelineOf(state);
  const run = begin(tl.graph, tl, state.gradcheckBudget, state.onGradCheck);
  running.set(tl, run);
  return run;
}

/** The report of a check with the budget `none`: what a full check would examine, none examined. */
function unchecked(g: Graph, tl: Timeline): GradCheckReport {
  let total = 0;
  for (let id = 0; id < tl.output; id++)
    if (tl.cone[id] === 1 && g.op[id] !== OpCode.constant) total++;
  return { checked: 0, total, maxRelError: undefined, results: [], failed: [], skipped: [] };
}

/**
 * A grad check of the final values: the run copies what it checks, so the graph's values are put
 * back as the session had them at once.
 */
function begin(
  g: Graph,
  tl: Timeline,
  budget: GradCheckBudget | undefined,
  onProgress: ((done: number, total: number) => void) | undefined,
): GradCheckRun {
  const data = g.data.slice(0, g.size);
  const grad = g.grad.slice(0, g.size);
  // With training, the grads checked are those of the first iteration, wherever the cursor is.
  tl.training?.setParams(g, 1, 0);
  forward(g);
  backward(g, tl.output, tl.cone);
  const run = new GradCheckRun(g, tl.output, budget, onProgress);
  g.data.set(data);
  g.grad.set(grad);
  return run;
}
