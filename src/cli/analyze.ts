import {
  backward,
  firstNonFinite,
  forward,
  type GradCheckBudget,
  type GradCheckReport,
  gradCheck,
} from '../engine/index.js';
import type { Expectation, Scenario, WalkthroughItem } from '../scenario/index.js';
import type { ExitCode } from './context.js';

export interface NonFinite {
  readonly id: number;
  readonly field: 'data' | 'grad';
  readonly value: number;
}

export interface ExpectOutcome {
  readonly item: WalkthroughItem;
  readonly expectation: Expectation;
  readonly actual: number;
  readonly ok: boolean;
}

/** What `check` learns about a scenario: its values, the grad check and the walkthrough's expects. */
export interface Analysis {
  readonly scenario: Scenario;
  readonly gradcheck: GradCheckReport;
  /** The first node (in creation order) with a non-finite data, else grad. */
  readonly nonFinite?: NonFinite;
  /** The `expect`s at `end`, the only step whose values a full run shows. */
  readonly expects: readonly ExpectOutcome[];
  readonly exitCode: ExitCode;
}

/** Runs forward, backward and the grad check on the scenario's graph (which it leaves computed). */
export function analyze(scenario: Scenario, budget: GradCheckBudget): Analysis {
  const { graph, output } = scenario;
  forward(graph);
  backward(graph, output);
  const gradcheck = gradCheck(graph, output, budget);
  const nonFinite = findNonFinite(scenario);
  const expects = scenario.walkthrough.flatMap((item): ExpectOutcome[] => {
    const expectation = item.expect;
    if (expectation === undefined || item.at.kind !== 'end') return [];
    const actual = graph[expectation.field][expectation.node];
    return [{ item, expectation, actual, ok: expectationHolds(expectation, actual) }];
  });
  const failed =
    nonFinite !== undefined || gradcheck.failed.length > 0 || expects.some((e) => !e.ok);
  return { scenario, gradcheck, nonFinite, expects, exitCode: failed ? 1 : 0 };
}

/** |actual - expected| <= tol + tol·|expected|; a NaN matches only an expected NaN. */
export function expectationHolds(expectation: Expectation, actual: number): boolean {
  const { value, tol } = expectation;
  if (Number.isNaN(value) || Number.isNaN(actual))
    return Number.isNaN(value) && Number.isNaN(actual);
  if (!Number.isFinite(value) || !Number.isFinite(actual)) return value === actual;
  return Math.abs(actual - value) <= tol + tol * Math.abs(value);
}

function findNonFinite(scenario: Scenario): NonFinite | undefined {
  const { graph } = scenario;
  for (const field of ['data', 'grad'] as const) {
    const id = firstNonFinite(graph, field);
    if (id !== undefined) return { id, field, value: graph[field][id] };
  }
  return undefined;
}
