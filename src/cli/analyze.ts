import { firstNonFinite, type GradCheckBudget, type GradCheckReport } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import {
  createSession,
  type DerivativeFindings,
  derivativeFindings,
  type ExpectResult,
  gradCheckOf,
  gradMismatches,
  type ObservedReport,
  observedReportOf,
  reduce,
  type SessionState,
  scenarioOf,
  trainingOf,
  walkthroughAt,
} from '../session/index.js';
import type { ExitCode } from './context.js';
import type { Progress } from './progress.js';

export interface NonFinite {
  readonly id: number;
  readonly field: 'data' | 'grad';
  readonly value: number;
}

/** What `check` learns about a scenario: its values, the grad check and the walkthrough's expects. */
export interface Analysis {
  readonly scenario: Scenario;
  /** The session at `end`: the graph holds every final data and grad. */
  readonly session: SessionState;
  readonly gradcheck: GradCheckReport;
  /** The first node (in creation order) with a non-finite data, else grad. */
  readonly nonFinite?: NonFinite;
  /** Every walkthrough `expect`, in file order, checked at its own step as the session passed it. */
  readonly expects: readonly ExpectResult[];
  /** The user's own values (the `observed:` block) against gradstep's, when the file has them. */
  readonly observed?: ObservedReport;
  /** In a wrong backward mode: the nodes whose final grad differs from the correct run's. */
  readonly mismatches: readonly number[];
  /** The written derivatives of the scenario's own ops, checked at each node that uses them. */
  readonly derivatives: DerivativeFindings;
  /** The loss of each training iteration's forward pass, and whether it did what `expect` says. */
  readonly training?: TrainingResult;
  readonly exitCode: ExitCode;
}

export interface TrainingResult {
  readonly losses: readonly number[];
  readonly expect?: 'falls' | 'decreases';
  /** True without an `expect`. */
  readonly ok: boolean;
}

export interface AnalyzeOptions {
  readonly precision?: number;
  readonly progress?: Progress;
  /**
   * The caller visits earlier steps after (export's page narrates every step): keep the grad
   * checkpoints and step records that make a move back cheap. Without them each visit replays
   * the backward pass from its start (8 s instead of 0.6 for a 10k-node MLP's page).
   */
  readonly revisit?: boolean;
}

/**
 * Runs the scenario's session from `start` to `end` (forward, then backward), checking each
 * walkthrough `expect` at its step, then grad-checks the final grads. The graph is left at `end`.
 */
export function analyze(
  scenario: Scenario,
  budget: GradCheckBudget,
  options: AnalyzeOptions = {},
): Analysis {
  const { precision, progress } = options;
  const onGradCheck = progress === undefined ? undefined : progress.count;
  progress?.phase('stepping forward and backward');
  // Walked once to the end: no grad checkpoints or step records for moving back (23 + 16 MB at
  // a million nodes), unless the caller comes back.
  const once = options.revisit !== true;
  let session = createSession(scenario, { gradcheck: budget, onGradCheck, once });
  // The session checks an expect when the cursor arrives at its step, and it starts at `start`:
  // one step there and back checks the expects at `start` too.
  if (walkthroughAt(session, 0).expects.length > 0) {
    session = reduce(reduce(session, { type: 'next' }), { type: 'prev' });
  }
  session = reduce(session, { type: 'last' });
  progress?.phase('checking grads against finite differences');
  const gradcheck = gradCheckOf(session);
  const nonFinite = findNonFinite(scenario);
  const expects = session.expectResults.filter((e) => e !== undefined);
  const observed = observedReportOf(session, precision);
  const mismatches = gradMismatches(session);
  const derivatives = derivativeFindings(session);
  const training = trainingResult(session);
  const failed =
    nonFinite !== undefined ||
    gradcheck.failed.length > 0 ||
    expects.some((e) => !e.ok) ||
    (observed !== undefined && observed.count > 0) ||
    mismatches.length > 0 ||
    derivatives.failed.length > 0 ||
    training?.ok === false;
  const exitCode = failed ? 1 : 0;
  return {
    ...{ scenario, session, gradcheck, nonFinite, expects, observed },
    ...{ mismatches, derivatives, training, exitCode },
  };
}

/** `falls`: the last loss is below the first; `decreases`: each is below the one before. */
function trainingResult(session: SessionState): TrainingResult | undefined {
  const run = trainingOf(session);
  if (run === undefined) return undefined;
  const losses = Array.from(run.losses);
  const expect = scenarioOf(session).training?.expect;
  const ok =
    expect === 'falls'
      ? losses[losses.length - 1] < losses[0]
      : expect === 'decreases'
        ? losses.every((loss, i) => i === 0 || loss < losses[i - 1])
        : true;
  return { losses, expect, ok };
}

function findNonFinite(scenario: Scenario): NonFinite | undefined {
  const { graph } = scenario;
  for (const field of ['data', 'grad'] as const) {
    const id = firstNonFinite(graph, field);
    if (id !== undefined) return { id, field, value: graph[field][id] };
  }
  return undefined;
}
