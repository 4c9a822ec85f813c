import type { BackwardMode, GradCheckBudget, NodeCheck } from '../engine/index.js';
import type { Phase } from '../scenario/index.js';
import type { Timeline } from './timeline.js';

/**
 * Positions on the timeline are numbers: 0 is `start`, k (1..n) is just after forward step Fk,
 * n + 1 is just after B0, n + 1 + j is just after Bj, and `timeline.total` is `end` (= after Bm).
 * With training, n + 1 + m + u is just after update Uu, and iteration i takes the positions
 * (i - 1)·L + 1 … i·L (L = `timeline.iterationLength`; its steps are named `I5.B3`, its end `I5`).
 */
export type Position = number;

export type { Phase };

/** What an update step did to its parameter. */
export interface Update {
  readonly lr: number;
  readonly grad: number;
  readonly before: number;
  readonly after: number;
}

/** One `input.grad += local · node.grad` of a backward step. */
export interface Contribution {
  /** The input that received the term. */
  readonly to: number;
  /** Which input of the stepping node (0 or 1); `x * x` gives two contributions to `x`. */
  readonly slot: number;
  readonly local: number;
  /** The stepping node's grad (the upstream factor). */
  readonly upstream: number;
  readonly term: number;
  readonly before: number;
  readonly after: number;
  /** The mode assigned the term instead of adding it (overwrite). */
  readonly assigned?: boolean;
}

/** What one step does; the same record whether it was just run, undone, or looked up later. */
export interface StepInfo {
  /** The position just after the step (its name is `stepName(state, position)`). */
  readonly position: Position;
  readonly name: string;
  readonly phase: Phase;
  /** The stepping node; for B0, the output. */
  readonly node: number;
  /** Forward: the data computed; B0 and backward: the node's data (known by then). */
  readonly data: number;
  /** Backward steps: one per input edge, in input order. */
  readonly contributions: readonly Contribution[];
  /** Update steps: the parameter's change. */
  readonly update?: Update;
  /** A whole iteration (I2…): every parameter after its updates, in update order. */
  readonly params?: readonly number[];
  /** The training iteration the step belongs to (1 without training). */
  readonly iteration: number;
}

export interface ExpectResult {
  /** Index of the walkthrough item in `scenario.walkthrough`. */
  readonly item: number;
  readonly position: Position;
  readonly node: number;
  readonly field: 'data' | 'grad';
  readonly expected: number;
  /** null when the value is still unknown at that position. */
  readonly actual: number | null;
  readonly ok: boolean;
}

/** `--quiz`: every grad a backward step settles, or every forward step's data. */
export type Quiz = 'backward' | 'forward';

/** A question for the learner: a node's value, asked just before the step that settles it. */
export interface Prediction {
  readonly node: number;
  readonly field: 'data' | 'grad';
  /** Relative; an answer within max(tol · |value|, 1e-6) is right. */
  readonly tol: number;
  readonly hint?: string;
  /** The step that settles the value (the session stops just before it). */
  readonly position: Position;
  /** The walkthrough item it comes from; none for a quiz question. */
  readonly item?: number;
}

export interface PredictionResult {
  /** The learner's number; null when skipped. */
  readonly answer: number | null;
  /** The value, once the settling step has run. */
  readonly actual?: number;
  readonly ok: boolean;
}

/**
 * `final`: where a node's grad becomes final; `mismatch`: where a grad parts from the one it should
 * be (see grad-breaks.ts).
 */
export type BreakpointKind =
  | 'node'
  | 'forward'
  | 'backward'
  | 'change'
  | 'final'
  | 'condition'
  | 'mismatch';

/** A compiled condition over one node's `data` and `grad`; evaluated without eval. */
export type Condition = (view: NodeView) => boolean;

/** What a condition sees of one node; unknown values are undefined. */
export interface NodeView {
  readonly data: number | undefined;
  readonly grad: number | undefined;
  /** True for tanh nodes (the only op `saturated` applies to). */
  readonly isTanh: boolean;
}

export interface Breakpoint {
  /** The spec in canonical form (`forward:x`, `x: grad > 1`), for lists and messages. */
  readonly spec: string;
  readonly kind: BreakpointKind;
  /** The node it is about; for a condition without NODE, undefined (every node). */
  readonly node?: number;
  readonly condition?: Condition;
}

export interface BreakpointHit {
  /** Index into `state.breakpoints`. */
  readonly breakpoint: number;
  /** The node that made it fire. */
  readonly node: number;
}

/** What the last transition did, so a view never diffs two states. */
export interface Transition {
  readonly action: Action['type'];
  readonly from: Position;
  readonly to: Position;
  /** The step that ran last, i.e. the one the cursor now sits after (none at `start`). */
  readonly step?: StepInfo;
  /** For a single step back: the step that was undone (values as when it ran). */
  readonly undone?: StepInfo;
  /**
   * For next, continue and reverse continue: the breakpoint that fired at the step it stopped after
   * (none when no breakpoint fired; continue then ran to the end).
   */
  readonly hit?: BreakpointHit;
  /** Walkthrough expectations checked while the cursor passed their steps, in order. */
  readonly expects: readonly ExpectResult[];
}

export interface SessionState {
  readonly timeline: Timeline;
  readonly position: Position;
  readonly breakpoints: readonly Breakpoint[];
  /** Undefined only in the state createSession returns. */
  readonly last?: Transition;
  /** The latest result of each walkthrough expectation, by item index (undefined: not yet checked). */
  readonly expectResults: readonly (ExpectResult | undefined)[];
  /** For the grad check computed on first use. */
  readonly gradcheckBudget?: GradCheckBudget;
  readonly onGradCheck?: (done: number, total: number) => void;
  /** In the order they are asked. */
  readonly predictions: readonly Prediction[];
  /** By prediction index: undefined until answered or skipped. */
  readonly answers: readonly (PredictionResult | undefined)[];
  /** The prediction waiting for an answer: the cursor stopped just before its settling step. */
  readonly asking?: number;
}

export interface SessionOptions {
  readonly breakpoints?: readonly Breakpoint[];
  /** The backward algorithm (default: the scenario's `mode`, else correct). */
  readonly mode?: BackwardMode;
  /** Budget of the lazily computed grad check (engine default when omitted). */
  readonly gradcheck?: GradCheckBudget;
  /** Told how far the grad check is while it runs (nodes probed of those chosen). */
  readonly onGradCheck?: (done: number, total: number) => void;
  readonly quiz?: Quiz;
  /**
   * Stop before each prediction's settling step until it is answered. Only a front end that can
   * take answers (replay with --answers, or its transcript of questions) asks; without it every
   * step runs as if no prediction were there.
   */
  readonly ask?: boolean;
  /**
   * The session is walked once, start to end, and its final state read (`check`): it keeps no
   * grad checkpoints (8 bytes per node each, three of them) and no step records (16 bytes a
   * backward step) for moving back. Every query answers the same; a move backwards replays the
   * steps from all zeros, and the grad before an earlier step is found by replaying up to it.
   */
  readonly once?: boolean;
}

export type Action =
  | { readonly type: 'next' }
  | { readonly type: 'prev' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'finish' }
  | { readonly type: 'reverseFinish' }
  | { readonly type: 'continue' }
  | { readonly type: 'reverseContinue' }
  /** A step name (see parseStep) or a position; an invalid name leaves the state unchanged. */
  | { readonly type: 'goto'; readonly step: string | Position }
  /** Toggles the bare NODE breakpoint on a node (the TUI's `b`). */
  | { readonly type: 'toggleBreakpoint'; readonly node: number }
  /** A spec string (an invalid one leaves the state unchanged: parse first for diagnostics). */
  | { readonly type: 'addBreakpoint'; readonly spec: string | Breakpoint }
  | { readonly type: 'removeBreakpoint'; readonly index: number }
  /** Answers the prediction being asked (null skips it); the last one at a step runs the step. */
  | { readonly type: 'answer'; readonly value: number | null };

export type StepKeyAction = Exclude<
  Action['type'],
  'goto' | 'toggleBreakpoint' | 'addBreakpoint' | 'removeBreakpoint' | 'answer'
>;

/** One contribution a node's grad received, as the ledger lists it. */
export interface LedgerEntry extends Contribution {
  /** The consumer whose backward step made it. */
  readonly from: number;
  readonly position: Position;
  readonly step: string;
}

export interface GradLedger {
  readonly node: number;
  /** Contributions received so far, in the order they arrived. */
  readonly received: readonly LedgerEntry[];
  /** Consumer edges inside the output's cone (`x * x` counts 2); 0 for the output itself. */
  readonly expected: number;
  /** Known (B0 has run) and every consumer has contributed. */
  readonly final: boolean;
}

export type { NodeCheck };
