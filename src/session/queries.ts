/**
 * What front ends read of a session, as queries over a state. The Timeline and the graph's arrays
 * stay inside session: a state answers for its own position however many transitions came after
 * it (seek.ts), and a new question about a session is a new function here.
 */
import type { BackwardMode } from '../engine/index.js';
import { type Scenario, type StepLookup, stepName as scenarioStepName } from '../scenario/index.js';
import { consumersOf } from './ledger.js';
import { findStep } from './steps.js';
import type { Timeline } from './timeline.js';
import type { TrainingRun } from './training.js';
import type { Phase, Position, SessionState } from './types.js';

/** The fixed facts of a session's timeline (see Position for how positions count). */
export interface TimelineShape {
  readonly output: number;
  readonly mode: BackwardMode;
  /** `end`: the last position. */
  readonly total: Position;
  /** n: forward steps F1…Fn; also the position just before B0. */
  readonly forwardCount: number;
  /** B0's position within an iteration (n + 1). */
  readonly zeroPosition: Position;
  /** Steps after B0 in one iteration's backward phase (both passes of double-backward). */
  readonly backwardSteps: number;
  /** Steps of one backward pass (double-backward's two passes have as many each). */
  readonly passLength: number;
  /** Update steps U1…Up per iteration (0 without training). */
  readonly updates: number;
  /** Training iterations (1 without training). */
  readonly iterations: number;
  /** Positions per iteration. */
  readonly iterationLength: number;
  /** Graph nodes: ids run from 0 to nodes - 1. */
  readonly nodes: number;
}

/** A parameter's values and grads across a training run. */
export type TrainingView = Pick<
  TrainingRun,
  'params' | 'lr' | 'iterations' | 'losses' | 'value' | 'grad' | 'indexOf'
>;

/** One node's place in the graph and on the timeline. */
export interface NodeFacts {
  readonly id: number;
  readonly label: string;
  readonly op: string;
  /** The textbook formula of each local derivative (none for leaves). */
  readonly formula: readonly string[];
  /** The arguments' names of a scenario's own op (`ops:`), else undefined. */
  readonly args?: readonly string[];
  /** In input order; `x * x` lists x twice. */
  readonly inputs: readonly number[];
  readonly isLeaf: boolean;
  readonly isOutput: boolean;
  /** The output depends on it (itself included). */
  readonly inCone: boolean;
  /** Position of its forward step (iteration 1), -1 for a leaf. */
  readonly forwardAt: Position;
  /** Position of its (first) backward step (iteration 1), -1 for none. */
  readonly backwardAt: Position;
}

export function scenarioOf(state: SessionState): Scenario {
  return state.timeline.scenario;
}

const shapes = new WeakMap<Timeline, TimelineShape>();

export function shapeOf(state: SessionState): TimelineShape {
  const tl = state.timeline;
  let shape = shapes.get(tl);
  if (shape === undefined) {
    const backwardSteps = tl.steps.length;
    shape = {
      output: tl.output,
      mode: tl.mode,
      total: tl.total,
      forwardCount: tl.forwardCount,
      zeroPosition: tl.zeroPosition,
      backwardSteps,
      passLength: tl.reseed >= 0 ? tl.reseed : backwardSteps,
      updates: tl.training?.params.length ?? 0,
      iterations: tl.training?.iterations ?? 1,
      iterationLength: tl.iterationLength,
      nodes: tl.graph.size,
    };
    shapes.set(tl, shape);
  }
  return shape;
}

/** `start`, `F3`, `B0`, `B'2`, `U2`, `I5`, `I5.B3`: the step that ran last at `position`. */
export function stepName(state: SessionState, position: Position): string {
  return scenarioStepName(state.timeline, position);
}

/** A step name, `start`, `end`, `forward:NODE`, `backward:NODE` or a node, as a position. */
export function parseStep(state: SessionState, text: string): StepLookup {
  return findStep(state.timeline, text);
}

/** What the step ending at `position` (1…total) does. */
export function phaseAt(state: SessionState, position: Position): Phase {
  return state.timeline.phaseOf(position);
}

/** The node the step ending at `position` (1…total) runs. */
export function nodeAt(state: SessionState, position: Position): number {
  return state.timeline.nodeOf(position);
}

/** The training iteration (1-based) a position belongs to. */
export function iterationAt(state: SessionState, position: Position): number {
  return state.timeline.iterationOf(position);
}

/** The position `next` moves to: one step on, or in iterations after the first a whole one. */
export function nextPosition(state: SessionState, position: Position): Position {
  return state.timeline.nextPosition(position);
}

/** The position `prev` moves to (see nextPosition). */
export function previousPosition(state: SessionState, position: Position): Position {
  return state.timeline.previousPosition(position);
}

export function nodeFacts(state: SessionState, id: number): NodeFacts {
  const tl = state.timeline;
  const g = tl.graph;
  return {
    id,
    label: tl.scenario.labelOf(id),
    op: g.spec(id).name,
    formula: g.spec(id).formula,
    args: tl.scenario.customOps.find((op) => op.code === g.op[id])?.args,
    inputs: g.inputsOf(id),
    isLeaf: g.isLeaf(id),
    isOutput: id === tl.output,
    inCone: tl.cone[id] === 1,
    forwardAt: tl.forwardPosition(id),
    backwardAt: tl.backwardPosition(id),
  };
}

/** The backward steps (iteration 1) that hand `id` a contribution: where its grad changes. */
export function receivingAt(state: SessionState, id: number): Position[] {
  const tl = state.timeline;
  const { starts, edges } = consumersOf(tl);
  const found: Position[] = [];
  for (let e = starts[id]; e < starts[id + 1]; e++) {
    if (e === starts[id] || edges[e - 1] !== edges[e]) found.push(tl.backwardPosition(edges[e]));
  }
  return found;
}

/** The gradient-descent run of a scenario with `train:`. */
export function trainingOf(state: SessionState): TrainingView | undefined {
  return state.timeline.training;
}

/** Bytes of the session's own typed arrays besides the graph's (checkpoints saved so far). */
export function sessionBytes(state: SessionState): number {
  return state.timeline.byteLength;
}
