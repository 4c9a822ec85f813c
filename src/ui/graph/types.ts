/** A rectangle on the layout canvas, in terminal cells. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The visible window onto a canvas: its top-left corner and size. */
export type Viewport = Rect;

/** Anything a viewport can scroll over: the box layout, the compact layout, the list. */
export interface Canvas {
  readonly width: number;
  readonly height: number;
  rectOf(id: number): Rect;
  /** True when no box shows the node's own values (inside a collapsed neuron). */
  hides?(id: number): boolean;
}

/**
 * What the pane shows of one node at the cursor's step. `null` values are not known yet and
 * print as `?`. Non-finite values are flagged whether or not `nonfinite` is set.
 */
export interface NodeState {
  readonly data: number | null;
  readonly grad: number | null;
  /** The grad before the last step, shown as `before→after` when `changed`. */
  readonly gradBefore?: number | null;
  /** The node whose step just ran. */
  readonly current?: boolean;
  /** Its grad changed in the last step. */
  readonly changed?: boolean;
  /** Every contribution to its grad has arrived. */
  readonly final?: boolean;
  /** Contributions to its grad are still to come. */
  readonly pending?: boolean;
  readonly nonfinite?: boolean;
  /** A derivative written for its op (`ops:`) fails the grad check: the root cause. */
  readonly wrongDerivative?: boolean;
  /**
   * Its grad is wrong: it differs from the correct run's (a wrong backward mode), or a wrong
   * written derivative between it and the output feeds it, or the user's own value (the
   * observed: block) differs from its data once known or its grad once final.
   */
  readonly mismatch?: boolean;
  readonly breakpoint?: boolean;
  readonly searchMatch?: boolean;
  readonly selected?: boolean;
}

/** Per-node state, asked only for the nodes inside the viewport. */
export type NodeStates = (id: number) => NodeState;

export interface RenderOptions {
  /** ANSI styles on; with `false` every state still shows as a glyph or frame. */
  readonly color: boolean;
  /** The session's number formatter; defaults to 4 decimals. */
  readonly format?: (x: number) => string;
  /** Edges drawn heavy: those along which the step just run moved a value. */
  readonly flow?: readonly FlowEdge[];
  /** Nodes listed in the step close-up drawn over the viewport (none: no close-up). */
  readonly closeUp?: readonly number[];
}

/** An edge of the graph: `from` is input `slot` of `to`. */
export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  readonly slot: number;
}
