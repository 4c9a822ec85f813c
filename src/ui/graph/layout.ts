import { type Graph, opLabel } from '../../engine/index.js';
import { COMPACT_LABEL } from './box.js';
import { fitLabels, middleCut } from './labels.js';
import { type Layering, layerGraph } from './layering.js';
import { type ItemShape, placeItems } from './placement.js';
import { type GapRoutes, routeEdges } from './routing.js';
import type { Canvas, Rect } from './types.js';

export type LayoutMode = 'boxes' | 'compact';

/** Box: a frame with the title on top, data and grad rows; inputs enter on those two rows. */
const BOX_SHAPE: ItemShape = { boxHeight: 4, outPort: 1, inPorts: [1, 2] };
/** Compact: one row, both inputs enter on it. */
const COMPACT_SHAPE: ItemShape = { boxHeight: 1, outPort: 0, inPorts: [0, 0] };
const BOX_WIDTH = { boxes: 16, compact: 24 } as const;
/** A stub shows at most this much of its source's label. */
const STUB_LABEL = 8;

export interface LayoutOptions {
  readonly mode?: LayoutMode;
  readonly boxWidth?: number;
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
  readonly boxWidth: number;
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
}

export function layoutGraph(
  graph: Graph,
  output: number,
  labelOf: (id: number) => string,
  options: LayoutOptions = {},
): Layout {
  const mode = options.mode ?? 'boxes';
  const shape = mode === 'boxes' ? BOX_SHAPE : COMPACT_SHAPE;
  const boxWidth = options.boxWidth ?? BOX_WIDTH[mode];
  const layering = layerGraph(graph);
  const itemY = placeItems(layering, shape);
  const texts = nodeTexts(graph, labelOf);
  const { symbols } = texts;
  // A box's title holds the label, a space and the op symbol; a compact box gives labels 10 cells.
  const labels = fitLabels(texts.labels, (id) =>
    mode === 'boxes'
      ? boxWidth - 2 - (symbols[id] === '' ? 0 : symbols[id].length + 1)
      : COMPACT_LABEL,
  );
  const { stubFrom, stubTo } = layering;
  const stubLabels = Array.from(stubFrom, (from) => middleCut(labels[from], STUB_LABEL));
  // A stub is its label, a space and a stroke into the port, right of the gap's tracks.
  const stubRoom = new Int32Array(layering.layers.length);
  stubLabels.forEach((label, s) => {
    const k = layering.layerOf[stubTo[s]];
    stubRoom[k] = Math.max(stubRoom[k], [...label].length + 2);
  });
  const routes = routeEdges(layering, shape, itemY, boxWidth, stubRoom);
  return {
    mode,
    ...texts,
    labels,
    output,
    boxWidth,
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
    rectOf(id: number): Rect {
      return {
        x: routes.layerX[layering.layerOf[id]],
        y: itemY[id],
        width: boxWidth,
        height: shape.boxHeight,
      };
    },
  };
}
