import type { Scenario } from '../../../scenario/index.js';
import {
  allowedError,
  askingQuestions,
  formatNumber,
  nodeFacts,
  parseStep,
  reduce,
  type SessionState,
  scenarioOf,
  shapeOf,
  valueAt,
} from '../../../session/index.js';
import { questionText } from '../../replay/text.js';
import { type InspectorColumns, inspectAll, interner } from './page-inspector.js';

/** The ui layer, loaded when a page is made: headless commands load no ui at start-up. */
type Ui = typeof import('../../../ui/index.js');

/**
 * Everything the HTML player shows, produced here by the session and the TUI's own text, so the
 * page only looks things up: it never computes a value. Per-node facts are columns (one array
 * per field, indexed by node id); per-step facts are deltas, so a 10,000-node graph stays a few
 * megabytes.
 */
export interface PageData {
  readonly title: string;
  readonly file: string;
  readonly description: string;
  readonly total: number;
  readonly forwardCount: number;
  /** The position just after B0. */
  readonly zero: number;
  readonly output: number;
  /** Each flag's glyph and meaning, as the TUI's legend gives them. */
  readonly glyphs: Readonly<Record<string, readonly [string, string]>>;
  readonly nodes: NodeColumns;
  /** Lines the inspector shows for many nodes, each once. */
  readonly texts: readonly string[];
  /** A grad's text at B0: `[short, full]` for 0 (every node but the output) and for 1. */
  readonly gradZero: readonly [string, string];
  readonly gradOne: readonly [string, string];
  /** By position (0 is `start`): the step panel's lines and what the step did to grads. */
  readonly steps: readonly StepData[];
  /** Positions where the walkthrough pauses (`‖` on the timeline). */
  readonly pauses: readonly number[];
  /** Where `:` goto takes a node name or `#ID` (as the TUI's goto resolves it). */
  readonly goto: Readonly<Record<string, number>>;
  /** The walkthrough's questions, in step order, each asked before the step at `position`. */
  readonly predictions: readonly PagePrediction[];
}

/**
 * A question as the page asks it: `x1.grad`, its hint, and the value the step at `position`
 * settles, with how far an answer may be from it and still be right (the session's rule).
 */
export interface PagePrediction {
  readonly position: number;
  /** The value asked about: the page shows it as `?` until the question is answered or skipped. */
  readonly node: number;
  readonly field: 'data' | 'grad';
  readonly question: string;
  readonly hint: string;
  readonly actual: number;
  /** The value as the boxes show it, and in full. */
  readonly shown: string;
  readonly full: string;
  readonly allowed: number;
}

export interface NodeColumns extends InspectorColumns {
  /** The op drawn between a node's inputs and itself ('' for inputs). */
  readonly symbol: string[];
  readonly in0: number[];
  readonly in1: number[];
  /** data as the boxes show it (the session's precision) and at full precision. */
  readonly data: string[];
  readonly dataFull: string[];
  /** Position of the node's forward step; 0 for leaves (known from the start). */
  readonly forward: number[];
  /** 1 when the output depends on the node. */
  readonly cone: number[];
  /** Layer (left to right) and top row (in the TUI's layout units) of each box. */
  readonly layer: number[];
  readonly row: number[];
}

/**
 * One position: the step panel's lines, the node the step ran (-1 at `start`), and each grad the
 * step changed as a flat run of `to, before, after, beforeFull, afterFull` (undoing a step writes
 * the befores back, last first).
 */
export type StepData = readonly [
  lines: readonly string[],
  node: number,
  changes: readonly (number | string)[],
];

/**
 * Walks a session from `start` to `end` one `next` at a time, recording what the TUI would show
 * at each position. `session` may be at any position; the walk leaves it at `end`.
 */
export async function pageData(
  scenario: Scenario,
  session: SessionState,
  precision: number,
): Promise<PageData> {
  const { FLAGS, layoutGraph, paneTexts } = await import('../../../ui/index.js');
  const shape = shapeOf(session);
  const short = (x: number) => formatNumber(x, precision);
  const text = paneTexts(session, precision);
  const nodes = nodeColumns(scenario, session, layoutGraph);
  const texts = interner();
  // One step there and back: the expectations at `start` are checked on arrival, as in the TUI.
  let state = askingQuestions(
    reduce(reduce(session, { type: 'goto', step: 1 }), { type: 'first' }),
  );
  const steps: StepData[] = [];
  const asked: number[] = [];
  for (let p = 0; p <= shape.total; p++) {
    if (p > 0) state = reduce(state, { type: 'next' });
    // The page asks the questions itself: here each is skipped, which runs its step.
    while (state.asking !== undefined) {
      asked.push(state.asking);
      state = reduce(state, { type: 'answer', value: null });
    }
    const changes: (number | string)[] = [];
    for (const c of state.last?.step?.contributions ?? []) {
      changes.push(c.to, short(c.before), short(c.after), String(c.before), String(c.after));
    }
    steps.push([text.stepPanel(state), state.last?.step?.node ?? -1, changes]);
    if (p === shape.zeroPosition)
      inspectAll(nodes, texts, (id) => text.inspector(state, id), 'waiting');
    if (p === shape.total) inspectAll(nodes, texts, (id) => text.inspector(state, id), 'final');
  }
  for (let id = 0; id < shape.nodes; id++) {
    // At the end every node's data is known.
    const data = valueAt(state, id, 'data') ?? Number.NaN;
    const facts = nodeFacts(state, id);
    nodes.data.push(short(data));
    nodes.dataFull.push(String(data));
    nodes.forward.push(Math.max(0, facts.forwardAt));
    nodes.cone.push(facts.inCone ? 1 : 0);
  }
  return {
    title: scenario.title,
    file: scenario.source.name,
    description: scenario.description ?? '',
    total: shape.total,
    forwardCount: shape.forwardCount,
    zero: shape.zeroPosition,
    output: shape.output,
    glyphs: Object.fromEntries(
      Object.entries(FLAGS).map(([flag, look]) => [flag, [look.glyph, look.meaning]]),
    ),
    nodes,
    texts: texts.table,
    gradZero: [short(0), String(0)],
    gradOne: [short(1), String(1)],
    steps,
    pauses: text.pauses,
    goto: gotoTable(state),
    predictions: asked.map((i) => pagePrediction(scenario, state, i, short)),
  };
}

function pagePrediction(
  scenario: Scenario,
  state: SessionState,
  i: number,
  short: (x: number) => string,
): PagePrediction {
  const prediction = state.predictions[i];
  const actual = state.answers[i]?.actual ?? Number.NaN;
  return {
    position: prediction.position,
    node: prediction.node,
    field: prediction.field,
    question: questionText(scenario, prediction),
    hint: prediction.hint ?? '',
    actual,
    shown: short(actual),
    full: String(actual),
    allowed: allowedError(prediction, actual),
  };
}

/** The static columns: labels, ops, inputs and the layout, computed once as the TUI does. */
function nodeColumns(
  scenario: Scenario,
  session: SessionState,
  layoutGraph: Ui['layoutGraph'],
): NodeColumns {
  const { nodes, output } = shapeOf(session);
  const layout = layoutGraph(scenario.graph, output, (id) => scenario.labelOf(id));
  const inputs = Array.from({ length: nodes }, (_, id) => nodeFacts(session, id).inputs);
  const columns: NodeColumns = {
    label: [...layout.labels],
    symbol: [...layout.symbols],
    in0: inputs.map((of) => of[0] ?? -1),
    in1: inputs.map((of) => of[1] ?? -1),
    data: [],
    dataFull: [],
    forward: [],
    cone: [],
    expected: new Array(nodes).fill(0),
    head: [],
    ledger: [],
    compare: [],
    checkWaiting: [],
    checkFinal: [],
    layer: Array.from(layout.layering.layerOf.subarray(0, nodes)),
    row: Array.from(layout.itemY.subarray(0, nodes)),
  };
  return columns;
}

/** Each node's name and `#ID`, with the position goto gives it (nodes without a step left out). */
function gotoTable(state: SessionState): Record<string, number> {
  const { graph } = scenarioOf(state);
  const table: [string, number][] = [];
  for (let id = 0; id < shapeOf(state).nodes; id++) {
    const found = parseStep(state, `#${id}`);
    if (!('position' in found)) continue;
    table.push([`#${id}`, found.position]);
    const name = graph.nameOf(id);
    if (name !== undefined) table.push([name, found.position]);
  }
  // fromEntries defines own properties, so even a node named `__proto__` is a plain entry.
  return Object.fromEntries(table);
}
