/**
 * What every pane reads: the session, the view state, the screen size and options, plus what is
 * computed once per scenario (walkthrough positions, lowercased labels for search).
 */
import {
  derivativeFindings,
  gradMismatch,
  isAwaited,
  isDataKnown,
  ledgerOf,
  nodeAt,
  nodeFacts,
  observedMismatch,
  phaseAt,
  resolveRef,
  type SessionState,
  type StepInfo,
  scenarioOf,
  shapeOf,
  stepAt,
  stepName,
  valueAt,
} from '../session/index.js';
import type { NodeState } from './graph/types.js';
import { nodeLabels } from './labels.js';
import type { ViewState } from './view-state.js';

/** Facts about a scenario that never change while stepping. */
export interface ScenarioFacts {
  /** The position of each walkthrough item, in item order. */
  readonly itemPositions: readonly number[];
  /** Positions where autoplay stops. */
  readonly pauses: ReadonlySet<number>;
  /** Every node's label, lowercased, for search. */
  readonly searchLabels: readonly string[];
}

export interface ScreenModel {
  readonly session: SessionState;
  readonly view: ViewState;
  readonly facts: ScenarioFacts;
  readonly columns: number;
  readonly rows: number;
  readonly precision: number;
  readonly color: boolean;
  /**
   * The grad check (a forward pass per checked node: 0.6 s on a 10,000-node graph) has not run
   * yet: the live TUI runs it after its first frame, and the inspector says so meanwhile.
   */
  readonly checkPending?: boolean;
}

export function scenarioFacts(session: SessionState): ScenarioFacts {
  const scenario = scenarioOf(session);
  const itemPositions = scenario.walkthrough.map((item) => resolveRef(session, item.at));
  const pauses = new Set<number>();
  scenario.walkthrough.forEach((item, i) => {
    if (item.pause && itemPositions[i] >= 0) pauses.add(itemPositions[i]);
  });
  const searchLabels = nodeLabels(scenario).map((label) => label.toLowerCase());
  return { itemPositions, pauses, searchLabels };
}

/** The step the cursor sits after; none at `start`. */
export function currentStep(session: SessionState): StepInfo | undefined {
  return session.position > 0 ? stepAt(session, session.position) : undefined;
}

/** The node a step puts the selection on, and the nodes the graph view keeps in sight with it. */
export interface StepFocus {
  readonly node: number;
  readonly alsoInView: readonly number[];
}

/**
 * Where the eye should be after the cursor's step. A backward step: the first node that received
 * grad (the others are marked Δ), with the node that ran and the other receivers in view. Other
 * steps: the step's node. After a breakpoint hit, the node that made it fire. At start: the first step's node, its inputs and the next step's node in
 * view, so a large graph opens where the walk begins rather than on the output.
 */
export function stepFocus(session: SessionState): StepFocus {
  const { total, output } = shapeOf(session);
  const step = currentStep(session);
  if (step === undefined) {
    if (total === 0) return { node: output, alsoInView: [] };
    const node = nodeAt(session, 1);
    const next = total > 1 ? [nodeAt(session, 2)] : [];
    return { node, alsoInView: [...nodeFacts(session, node).inputs, ...next] };
  }
  const receivers = [...new Set(step.contributions.map((c) => c.to))];
  const { last } = session;
  // A breakpoint hit: the node that made it fire is the one asked about (x2 for `mismatch`, not
  // the first receiver).
  if (last?.hit !== undefined && last.to === session.position) {
    const others = [step.node, ...receivers].filter((id) => id !== last.hit?.node);
    return { node: last.hit.node, alsoInView: [...new Set(others)] };
  }
  if (step.phase !== 'backward' || receivers.length === 0) {
    return { node: step.node, alsoInView: [] };
  }
  return { node: receivers[0], alsoInView: [step.node, ...receivers.slice(1)] };
}

/** `start`, `F3/5`, `B0/5`, `B5/5`, `U2/9`, `I5/20`: the last step run and the size of its phase. */
export function stepLabel(session: SessionState): string {
  const { position } = session;
  if (position === 0) return 'start';
  const phase = phaseAt(session, position);
  const shape = shapeOf(session);
  // A pass's size: double-backward's two passes have the same number of steps.
  const size =
    phase === 'forward'
      ? shape.forwardCount
      : phase === 'update'
        ? shape.updates
        : phase === 'iteration'
          ? shape.iterations
          : shape.passLength;
  return `${stepName(session, position)}/${size}`;
}

export function phaseLabel(session: SessionState): string {
  const { position } = session;
  if (position === 0) return 'ready';
  if (position === shapeOf(session).total) return 'done';
  const phase = phaseAt(session, position);
  return phase === 'zero' ? 'backward' : phase === 'iteration' ? 'training' : phase;
}

/** Nodes whose name or label contains the query, in id order. */
export function searchMatches(facts: ScenarioFacts, query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const found: number[] = [];
  facts.searchLabels.forEach((label, id) => {
    if (label.includes(needle)) found.push(id);
  });
  return found;
}

/**
 * A node's data or grad as every pane shows it: undefined (drawn `?`) while it is unknown at the
 * cursor, and while a question about it waits for the step that settles it, so nothing on screen
 * gives the answer away. Panes that show a value another way (the user's own values, a training
 * history, the grad check) ask isAwaited too.
 */
export function shownValue(
  session: SessionState,
  id: number,
  field: 'data' | 'grad',
): number | undefined {
  return isAwaited(session, id, field) ? undefined : valueAt(session, id, field);
}

/** The node's state for the graph pane at the cursor. */
export function nodeStateOf(model: ScreenModel, step: StepInfo | undefined, id: number): NodeState {
  const { session, view } = model;
  const grad = shownValue(session, id, 'grad');
  const contribution =
    grad === undefined ? undefined : step?.contributions.find((c) => c.to === id);
  const known = grad !== undefined;
  const findings = derivativeFindings(session);
  const { inCone } = nodeFacts(session, id);
  const final = known && inCone && ledgerOf(session, id).final;
  return {
    data: shownValue(session, id, 'data') ?? null,
    grad: grad ?? null,
    gradBefore: contribution?.before ?? null,
    current: step?.node === id,
    changed:
      contribution !== undefined ||
      ((step?.phase === 'zero' || step?.phase === 'update') && step.node === id),
    final,
    pending: known && inCone && !final,
    breakpoint: session.breakpoints.some((b) => b.node === id),
    mismatch:
      (known && (gradMismatch(session, id) || findings.downstream[id] === 1)) ||
      observedMismatch(session, id) !== 0,
    wrongDerivative: findings.failed.some((f) => f.node === id) && isDataKnown(session, id),
    searchMatch:
      view.search !== '' && model.facts.searchLabels[id]?.includes(view.search.toLowerCase()),
    selected: view.selected === id,
  };
}
