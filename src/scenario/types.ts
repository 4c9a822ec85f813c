import type { BackwardMode, Graph } from '../engine/index.js';

/** A named text: every diagnostic carries the source it points into. */
export interface Source {
  readonly name: string;
  readonly text: string;
}

/** Offsets into `Source.text`, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RelatedLocation extends Span {
  readonly message: string;
}

export interface Diagnostic extends Span {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly source: Source;
  /** About the file as a whole (it cannot be read): no line, column or excerpt. */
  readonly wholeFile?: boolean;
  readonly hint?: string;
  /** Other places the message refers to (the first definition of a redefined name). */
  readonly related?: readonly RelatedLocation[];
}

/** Where a walkthrough item is attached: `start`, `end`, `F3`, `B0`, `forward:x`, `backward:x`. */
export type StepRef =
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'forward'; readonly index: number }
  | { readonly kind: 'backward'; readonly index: number }
  | { readonly kind: 'forward-node'; readonly node: number }
  | { readonly kind: 'backward-node'; readonly node: number }
  /** Any other step name of the file's walk: `B'2`, `U1`, `I3`, `I3.B2` (see step-names.ts). */
  | { readonly kind: 'step'; readonly name: string };

export interface Expectation {
  readonly node: number;
  readonly field: 'data' | 'grad';
  readonly value: number;
  /** Relative and absolute: passes when |actual - value| <= tol + tol * |value|. */
  readonly tol: number;
}

/** A question for the learner: a node's value, asked just before the step that settles it. */
export interface PredictSpec {
  readonly node: number;
  readonly field: 'data' | 'grad';
  /** Relative; an answer within max(tol · |value|, 1e-6) of the value is right. */
  readonly tol: number;
  readonly hint?: string;
}

export interface WalkthroughItem {
  readonly at: StepRef;
  /** The `at` text as written, for messages. */
  readonly atText: string;
  readonly say?: string;
  readonly expect?: Expectation;
  /** Asked before the step `at` names, which is the one that settles the value. */
  readonly predict?: PredictSpec;
  readonly pause: boolean;
  /** The item in the scenario file, for diagnostics. */
  readonly span: Span;
}

/** Gradient descent over the graph (`train:`): every iteration updates `params` by lr · grad. */
export interface Training {
  /** Input nodes, in update order. */
  readonly params: readonly number[];
  readonly lr: number;
  readonly steps: number;
  /** What the loss must do for `check` to pass. */
  readonly expect?: 'falls' | 'decreases';
}

/** One neuron of a built model evaluated on one sample (see scenario/model/build.ts). */
export interface NeuronInfo {
  /** Its output's name, `h1_2_s3`. */
  readonly name: string;
  readonly layer: number;
  readonly index: number;
  readonly sample: number;
  readonly linear: boolean;
  /** Products, partial sums, pre-activation and activation, in creation order. */
  readonly nodes: readonly number[];
}

/** The values the user's own code computed (the `observed:` block), indexed by node id. */
export interface Observed {
  /** A value agrees when |yours - correct| <= tol + tol * |correct|. */
  readonly tol: number;
  readonly data: Float64Array;
  readonly grad: Float64Array;
  /** Per node: bit 1 its data is given, bit 2 its grad. */
  readonly given: Uint8Array;
  /** Nodes that stand in for an op the exporter did not know, with that op as written. */
  readonly unknownOps: ReadonlyMap<number, string>;
}

/** An op the scenario defines: its op code in the graph and where its name is written. */
export interface CustomOpInfo {
  readonly name: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly span: Span;
}

/** A validated, compiled scenario: the graph with its data at the inputs' values, not yet run. */
export interface Scenario {
  readonly source: Source;
  readonly title: string;
  readonly description?: string;
  readonly graph: Graph;
  readonly output: number;
  readonly walkthrough: readonly WalkthroughItem[];
  readonly training?: Training;
  /** The neurons of a built model (none for a `graph` program). */
  readonly neurons: readonly NeuronInfo[];
  /** What the user's own code computed, when the file has an `observed:` block. */
  readonly observed?: Observed;
  /** The scenario's own ops (`ops:`), in file order. */
  readonly customOps: readonly CustomOpInfo[];
  /** The backward algorithm the scenario runs by default (`mode:`). */
  readonly mode?: BackwardMode;
  /** A built node's part in its neuron (`h1_2_s1: term 2 of the sum`); undefined elsewhere. */
  roleOf(id: number): string | undefined;
  /** The source text a node came from; `undefined` for graphs built in code. */
  spanOf(id: number): Span | undefined;
  /** The node's name, or its source text cut to 40 characters, or `#ID`. */
  labelOf(id: number): string;
  /** 1-based line in the source file where the node is defined, if it came from a file. */
  lineOf(id: number): number | undefined;
}
