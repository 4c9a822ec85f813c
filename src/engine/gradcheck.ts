import { dependencyMask } from './autograd.js';
import { type NodeCheck, Probe } from './gradcheck-probe.js';
import type { Graph } from './graph.js';
import { OpCode } from './ops.js';

/** Node re-evaluations a grad check may spend before it samples instead of checking every node. */
export const DEFAULT_GRADCHECK_BUDGET = 10_000_000;
export {
  GRADCHECK_TOLERANCE,
  type GradCheckStatus,
  type NodeCheck,
} from './gradcheck-probe.js';

export interface GradCheckReport {
  /**
   * Nodes compared with a finite difference: passed or failed. Skipped nodes were examined but
   * not compared (`results.length` counts both), so a check can examine nodes and compare none.
   */
  readonly checked: number;
  /** Inputs and intermediate nodes the output depends on: the nodes a full check examines. */
  readonly total: number;
  /** The largest relative error over the compared nodes; undefined when none was compared. */
  readonly maxRelError: number | undefined;
  /** One entry per examined node (passed, failed or skipped), in id order. */
  readonly results: readonly NodeCheck[];
  readonly failed: readonly NodeCheck[];
  readonly skipped: readonly number[];
}

/** `all` checks every node, `none` none, a number caps the node re-evaluations spent. */
export type GradCheckBudget = number | 'all' | 'none';

/**
 * Compares the analytic grads in `g.grad` (run forward and backward first) with central
 * differences: each checked node is nudged by ±h and only what depends on it is re-evaluated.
 * One GradCheckRun to the end; the graph's arrays are only read.
 */
export function gradCheck(
  g: Graph,
  output: number,
  budget: GradCheckBudget = DEFAULT_GRADCHECK_BUDGET,
  /** Told before each node is probed, for a progress display. */
  onProgress?: (done: number, total: number) => void,
): GradCheckReport {
  const run = new GradCheckRun(g, output, budget, onProgress);
  // A deadline never reached: one step probes every chosen node.
  run.step(Number.POSITIVE_INFINITY, () => 0);
  return run.report();
}

/**
 * A grad check that runs in pieces: `step` probes nodes until a deadline, so a caller with a
 * screen to keep live (the TUI) can answer keys between pieces. It copies the values and grads of
 * the nodes up to the output when it is made and works on those copies, so the graph's arrays may
 * change between steps (the session moves them with its cursor); the report is the one `gradCheck`
 * returns for the graph as it was when the run was made, however the steps are cut.
 */
export class GradCheckRun {
  private readonly candidates: number;
  private readonly chosen: readonly number[];
  private readonly probe: Probe;
  private readonly results: NodeCheck[] = [];

  constructor(
    g: Graph,
    output: number,
    budget: GradCheckBudget = DEFAULT_GRADCHECK_BUDGET,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    const mask = dependencyMask(g, output);
    const candidates: number[] = [];
    for (let id = 0; id < output; id++) {
      if (mask[id] === 1 && g.op[id] !== OpCode.constant) candidates.push(id);
    }
    this.candidates = candidates.length;
    this.chosen = choose(g, output, mask, candidates, budget);
    this.probe = new Probe(g, output, mask);
  }

  /** Every chosen node has been probed: `report` is ready. */
  get done(): boolean {
    return this.results.length === this.chosen.length;
  }

  /**
   * Probes chosen nodes, in id order, until `now()` reaches `deadline` (read after each node, so
   * a step probes at least one while any is left, and a node's probe is never cut); returns
   * whether the run is done. The clock is the caller's: the engine keeps no time of its own.
   */
  step(deadline: number, now: () => number): boolean {
    const { chosen, results } = this;
    while (results.length < chosen.length) {
      this.onProgress?.(results.length, chosen.length);
      results.push(this.probe.check(chosen[results.length]));
      if (now() >= deadline) break;
    }
    return this.done;
  }

  /** The report of a finished run (throws while nodes are left: `step` until `done`). */
  report(): GradCheckReport {
    if (!this.done) {
      throw new Error(`grad check: ${this.chosen.length - this.results.length} nodes left`);
    }
    const results = this.results;
    const failed = results.filter((r) => r.status === 'fail');
    const skipped = results.filter((r) => r.status === 'skipped').map((r) => r.id);
    let checked = 0;
    let maxRelError: number | undefined;
    for (const r of results) {
      if (r.status === 'skipped') continue;
      checked++;
      maxRelError = Math.max(maxRelError ?? 0, r.relError);
    }
    return {
      checked,
      total: this.candidates,
      maxRelError,
      results: [...results],
      failed,
      skipped,
    };
  }
}

/** Which nodes fit in the budget: all when they do; else inputs first, then a spread sample. */
function choose(
  g: Graph,
  output: number,
  mask: Uint8Array,
  candidates: number[],
  budget: GradCheckBudget,
): number[] {
  if (budget === 'none') return [];
  if (budget === 'all') return candidates;
  // opsAfter[i]: op nodes in the cone from candidate i (exclusive) to the output (inclusive).
  const opsUpTo = new Int32Array(output + 1);
  let running = 0;
  for (let id = 0; id <= output; id++) {
    if (mask[id] === 1 && g.op[id] > OpCode.constant) running++;
    opsUpTo[id] = running;
  }
  const cost = (id: number) => 2 * (running - opsUpTo[id]);
  let total = 0;
  for (const id of candidates) total += cost(id);
  if (total <= budget) return candidates;

  const inputs = candidates.filter((id) => g.op[id] === OpCode.input);
  const inner = candidates.filter((id) => g.op[id] !== OpCode.input);
  const chosen: number[] = [];
  let left = budget;
  const take = (id: number) => {
    const c = cost(id);
    if (c > left) return;
    chosen.push(id);
    left -= c;
  };
  for (const id of inputs) take(id);
  // A stride coprime with the count visits every inner node once, spread over the whole graph.
  const n = inner.length;
  const stride = coprimeNear(n, Math.floor(n * 0.618));
  for (let i = 0, at = 0; i < n && left >= 2; i++, at = (at + stride) % n) take(inner[at]);
  return chosen.sort((a, b) => a - b);
}

function coprimeNear(n: number, start: number): number {
  const gcd = (a: number, b: number): number => {
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  };
  for (let s = Math.max(1, start); s < n; s++) if (gcd(s, n) === 1) return s;
  return 1;
}
