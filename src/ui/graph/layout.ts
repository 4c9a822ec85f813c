import { type Graph, opLabel } from '../../engine/index.js';
import type { NeuronInfo } from '../../scenario/index.js';
import { COMPACT_LABEL } from './box.js';
import { fitLabels, middleCut } from './labels.js';
import { type Layering, layerGraph } from './layering.js';
import { type ItemShape, placeItems } from './placement.js';
import { type GapRoutes, routeEdges } from './routing.js';
import type { Canvas, Rect } from './types.js';
import { type Dag, graphDag, neuronUnits, type Units } from './units.js';

export type LayoutMode = 'boxes' | 'compact';

/** Box: a frame with the title on top, data and grad rows; inputs enter on those two rows. */
const BOX_SHAPE: ItemShape = { boxHeight: 4, outPort: 1, inPorts: [1, 2] };
/** Compact: one row, both inputs enter on it. */
const COMPACT_SHAPE: ItemShape = { boxHeight: 1, outPort: 0, inPorts: [0, 0] };
const BOX_WIDTH = { boxes: 16, compact: 24 } as const;
/** A stub shows at most this much of its source's label. */
const STUB_LABEL = 8;
/** The widest box a neuron's title (`h2_16_s14 = tanh(Σ w·x + b)`) may ask for. */
const NEURON_BOX_MAX = 32;

export interface LayoutOptions {
  readonly mode?: LayoutMode;
  readonly boxWidth?: number;
  /** A built model's neurons: each is drawn as one box (see units.ts). */
  readonly neurons?: readonly NeuronInfo[];
}

/** What every view shows of each node, worked out in one linear pass (no layering). */
export interface NodeTexts {
  readonly graph: Graph;
  readonly labels: readonly string[];
  /** The op symbol shown in each node's title ('' for inputs). */
  readonly symbols: readonly string[];
  /** 1 when a node feeds at least one other node. */
  readonly hasConsumers: Uint8Array;
}

export function nodeTexts(graph: Graph, labelOf: (id: number) => string): NodeTexts {
  const n = graph.size;
  const labels: string[] = new Array(n);
  const symbols: string[] = new Array(n);
  const hasConsumers = new Uint8Array(n);
  for (let id = 0; id < n; id++) {
    labels[id] = labelOf(id);
    symbols[id] = opLabel(graph, id);
    if (graph.in0[id] >= 0) hasConsumers[graph.in0[id]] = 1;
    if (graph.in1[id] >= 0) hasConsumers[graph.in1[id]] = 1;
  }
  return { graph, labels, symbols, hasConsumers };
}

/**
 * Where every node and edge of a graph is drawn. Computed once per scenario: positions never
 * change while stepping, and renderers only overlay values and styles on it.
 */
export interface Layout extends Canvas, NodeTexts {
  readonly mode: LayoutMode;
  readonly output: number;
  /** The width of a plain box; `layerWidth[k]` is the width of the boxes of layer k. */
  readonly boxWidth: number;
  readonly layerWidth: Int32Array;
  readonly boxHeight: number;
  /** The row, from a box's top, where its edges leave. */
  readonly outPort: number;
  /** Rows, from a box's top, where input slot 0 and 1 arrive. */
  readonly inPorts: readonly [number, number];
  readonly layering: Layering;
  /** The text of each stub (see Layering), in the layering's stub order: the source's label. */
  readonly stubLabels: readonly string[];
  /** Top row of every item (nodes, then dummies). */
  readonly itemY: Int32Array;
  readonly layerX: Int32Array;
  /** The strokes between layer k and k + 1. */
  gap(k: number): GapRoutes;
  /** With neurons collapsed: the nodes each box stands for. Undefined: one box per node. */
  readonly units?: Units;
  /**
   * What each item's box shows (the items are the nodes unless neurons are collapsed): its title
   * (label and symbol), whether edges leave it, and how many rows of its left border inputs enter.
   */
  readonly itemLabels: readonly string[];
  readonly itemSymbols: readonly string[];
  readonly itemHasConsumers: Uint8Array;
  readonly itemInputs: Uint8Array;
  /** The item whose box draws a node. */
  itemOf(id: number): number;
  /** A node whose own values no box shows: inside a collapsed neuron, other than its output. */
  hides(id: number): boolean;
}

type WidthOf = (id: number) => number;

export function layoutGraph(
  graph: Graph,
  output: number,
  labelOf: (id: number) => string,
  options: LayoutOptions = {},
): Layout {
  const mode = options.mode ?? 'boxes';
  const shape = mode === 'boxes' ? BOX_SHAPE : COMPACT_SHAPE;
  const texts = nodeTexts(graph, labelOf);
  const units = neuronUnits(graph, options.neurons ?? [], labelOf);
  const boxWidth = options.boxWidth ?? BOX_WIDTH[mode];
  const dag = units?.dag ?? graphDag(graph);
  const layering = layerGraph(dag);
  const neuronWidth = options.boxWidth ?? neuronBoxWidth(mode, units);
  const layerWidth = layerWidths(layering, units, boxWidth, neuronWidth);
  const itemY = placeItems(layering, shape);
  // A box's title holds the label, a space and the op symbol; a compact box gives labels 10 cells.
  const fitTitles = (raw: readonly string[], symbols: readonly string[], width: WidthOf) =>
    fitLabels(raw, (id) =>
      mode === 'boxes'
        ? width(id) - 2 - (symbols[id] === '' ? 0 : symbols[id].length + 1)
        : COMPACT_LABEL,
    );
  const labels = fitTitles(texts.labels, texts.symbols, () => boxWidth);
  const items = itemTexts(texts, labels, units, (raw, symbols) =>
    fitTitles(raw, symbols, (item) => layerWidth[layering.layerOf[item]]),
  );
  const stubLabels = Array.from(layering.stubFrom, (from) =>
    middleCut(items.labels[from], STUB_LABEL),
  );
  const routes = routeEdges(layering, shape, itemY, layerWidth, stubRoomOf(layering, stubLabels));
  const boxes = { layering, itemY, layerWidth, layerX: routes.layerX, height: shape.boxHeight };
  return {
    mode,
    ...texts,
    labels,
    output,
    boxWidth,
    layerWidth,
    boxHeight: shape.boxHeight,
    outPort: shape.outPort,
    inPorts: shape.inPorts,
    layering,
    stubLabels,
    itemY,
    layerX: routes.layerX,
    gap: routes.gap,
    width: routes.width,
    height: routes.height,
    itemLabels: items.labels,
    itemSymbols: items.symbols,
    itemHasConsumers: items.hasConsumers,
    itemInputs: inputRows(dag),
    ...itemMapping(units, boxes),
  };
}

/** Which box draws a node, and where: the node's own, or its collapsed neuron's. */
function itemMapping(
  units: Units | undefined,
  boxes: {
    readonly layering: Layering;
    readonly itemY: Int32Array;
    readonly layerWidth: Int32Array;
    readonly layerX: Int32Array;
    readonly height: number;
  },
): Pick<Layout, 'units' | 'itemOf' | 'hides' | 'rectOf'> {
  const { layering, itemY, layerWidth, layerX, height } = boxes;
  const itemOf = units === undefined ? (id: number) => id : (id: number) => units.itemOf[id];
  return {
    ...(units === undefined ? {} : { units }),
    itemOf,
    hides: units === undefined ? () => false : (id) => units.last[units.itemOf[id]] !== id,
    rectOf(id: number): Rect {
      const item = itemOf(id);
      const k = layering.layerOf[item];
      return { x: layerX[k], y: itemY[item], width: layerWidth[k], height };
    },
  };
}

/** A stub is its label, a space and a stroke into the port, right of the gap's tracks. */
function stubRoomOf(layering: Layering, stubLabels: readonly string[]): Int32Array {
  const stubRoom = new Int32Array(layering.layers.length);
  stubLabels.forEach((label, s) => {
    const k = layering.layerOf[layering.stubTo[s]];
    stubRoom[k] = Math.max(stubRoom[k], [...label].length + 2);
  });
  return stubRoom;
}

/** Each layer's box width: `neuron` in a layer with a collapsed neuron's box, else `plain`. */
function layerWidths(
  layering: Layering,
  units: Units | undefined,
  plain: number,
  neuron: number,
): Int32Array {
  const widths = new Int32Array(layering.layers.length).fill(plain);
  if (units === undefined) return widths;
  layering.layers.forEach((layer, k) => {
    for (const item of layer) {
      if (item < layering.nodeCount && units.names[item] !== '') widths[k] = neuron;
    }
  });
  return widths;
}

/** Boxes wide enough for every neuron's title, in the box view; compact boxes keep their width. */
function neuronBoxWidth(mode: LayoutMode, units: Units | undefined): number {
  if (units === undefined || mode === 'compact') return BOX_WIDTH[mode];
  let widest: number = BOX_WIDTH.boxes;
  units.names.forEach((name, item) => {
    if (name === '') return;
    // The frame, the name, a space and `= ` before the formula.
    const title = [...name].length + 3 + [...units.formulas[item]].length + 2;
    widest = Math.max(widest, Math.min(NEURON_BOX_MAX, title));
  });
  return widest;
}

/**
 * Each item's title: a node's own, or a neuron's output name and `= tanh(Σ w·x + b)` (labels
 * fitted over all items together, so no two boxes show the same text); whether edges leave it.
 */
function itemTexts(
  texts: NodeTexts,
  labels: readonly string[],
  units: Units | undefined,
  fitTitles: (raw: readonly string[], symbols: readonly string[]) => string[],
) {
  if (units === undefined)
    return { labels, symbols: texts.symbols, hasConsumers: texts.hasConsumers };
  const { first, names, formulas, dag } = units;
  const symbols = names.map((name, item) =>
    name === '' ? texts.symbols[first[item]] : `= ${formulas[item]}`,
  );
  const raw = names.map((name, item) => (name === '' ? texts.labels[first[item]] : name));
  const hasConsumers = new Uint8Array(dag.size);
  for (const u of dag.inputs) hasConsumers[u] = 1;
  return { labels: fitTitles(raw, symbols), symbols, hasConsumers };
}

/** Per item: 2 when an input enters on its g row, 1 on its d row only, else 0. */
function inputRows(dag: Dag): Uint8Array {
  const rows = new Uint8Array(dag.size);
  for (let v = 0; v < dag.size; v++) {
    for (let j = dag.inputStart[v]; j < dag.inputStart[v + 1]; j++) {
      rows[v] = Math.max(rows[v], dag.slots[j] + 1);
    }
  }
  return rows;
}
