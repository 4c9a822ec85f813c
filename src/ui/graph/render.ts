import { defaultFormat, drawBox, drawCompactBox, faceOf } from './box.js';
import { CellBuffer } from './cells.js';
import { drawCloseUp } from './closeup.js';
import { drawFlow } from './flow.js';
import type { Layout } from './layout.js';
import { EDGE } from './style.js';
import type { FlowEdge, NodeState, NodeStates, RenderOptions, Viewport } from './types.js';

/**
 * Arrowheads of the compact view, where a source feeding both inputs (`x * x`) arrives on one
 * row. Boxes need none: each input has its own port on the box's left border.
 */
const ARROW = ['', '→', '⇉'];

/**
 * Draws the part of the layout inside `viewport`: exactly `viewport.height` rows of exactly
 * `viewport.width` columns. Only the gaps, layers and nodes that intersect the viewport are
 * visited, and `states` is asked only about visible nodes, so a frame costs about the same on
 * a 10-node graph as on a 10,000-node one.
 */
export function renderGraphViewport(
  layout: Layout,
  states: NodeStates,
  viewport: Viewport,
  options: RenderOptions,
): string[] {
  const buffer = new CellBuffer(viewport);
  const visible = new Visible(layout, viewport);
  drawEdges(buffer, layout, visible, options.flow ?? []);
  const format = options.format ?? defaultFormat;
  const draw = layout.mode === 'boxes' ? drawBox : drawCompactBox;
  const { layerX, layering, layerWidth } = layout;
  visible.eachItem((item, k) => {
    if (item >= layering.nodeCount) return;
    const place = {
      x: layerX[k],
      y: layout.itemY[item],
      width: layerWidth[k],
      hasConsumers: layout.itemHasConsumers[item] === 1,
      inputs: layout.itemInputs[item],
    };
    const face = faceOf(
      layout.itemLabels[item],
      layout.itemSymbols[item],
      itemState(layout, states, item),
      format,
    );
    draw(buffer, place, face);
  });
  const closeUp = options.closeUp ?? [];
  if (closeUp.length > 0) {
    const rectOf = (id: number) => layout.rectOf(id);
    drawCloseUp(buffer, viewport, closeUp, layout.labels, states, rectOf, format);
  }
  return buffer.rows(options.color);
}

/** Which gaps, layers and items of the layout reach into the viewport. */
class Visible {
  private readonly gapCount: number;

  constructor(
    private readonly layout: Layout,
    private readonly viewport: Viewport,
  ) {
    this.gapCount = Math.max(0, layout.layering.layers.length - 1);
  }

  private gapVisible(k: number): boolean {
    const { layerX, layerWidth } = this.layout;
    const { x, width } = this.viewport;
    return layerX[k] + layerWidth[k] - 1 < x + width && layerX[k + 1] >= x;
  }

  private layerVisible(k: number): boolean {
    const { layerX, layerWidth } = this.layout;
    const { x, width } = this.viewport;
    return layerX[k] - 1 < x + width && layerX[k] + layerWidth[k] >= x;
  }

  rowsVisible(a: number, b: number): boolean {
    const { y, height } = this.viewport;
    return Math.max(a, b) >= y - 1 && Math.min(a, b) <= y + height;
  }

  eachGap(each: (k: number) => void): void {
    for (let k = 0; k < this.gapCount; k++) if (this.gapVisible(k)) each(k);
  }

  /** Items (nodes and dummies) of the visible layers that reach the viewport's rows. */
  eachItem(each: (item: number, k: number) => void): void {
    const { layering, itemY, boxHeight } = this.layout;
    const top = this.viewport.y;
    const bottom = top + this.viewport.height;
    for (let k = 0; k < layering.layers.length; k++) {
      if (!this.layerVisible(k)) continue;
      const layer = layering.layers[k];
      // Items of a layer are sorted by row: skip to the first that can reach the viewport.
      let lo = 0;
      let hi = layer.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (itemY[layer[mid]] + boxHeight <= top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < layer.length && itemY[layer[i]] < bottom; i++) each(layer[i], k);
    }
  }
}

/** The strokes of the visible gaps, long edges and stubs, the flow over them, then stub labels. */
function drawEdges(
  buffer: CellBuffer,
  layout: Layout,
  visible: Visible,
  flow: readonly FlowEdge[],
): void {
  const { layerX, layerWidth, layering, itemY } = layout;
  visible.eachGap((k) => {
    const h = layout.gap(k).horizontal;
    for (let i = 0; i < h.length; i += 4) buffer.horizontal(h[i], h[i + 1], h[i + 2], h[i + 3]);
  });
  const stubs: number[] = [];
  visible.eachItem((item, k) => {
    // A dummy is a long edge passing through this layer on its row.
    if (item >= layering.nodeCount) {
      buffer.horizontal(itemY[item], layerX[k] - 1, layerX[k] + layerWidth[k], -2 - item);
    } else eachStub(layering.stubTo, item, (s) => stubs.push(s));
  });
  drawStubs(buffer, layout, stubs, 'strokes');
  visible.eachGap((k) => {
    const v = layout.gap(k).vertical;
    for (let i = 0; i < v.length; i += 4) {
      if (visible.rowsVisible(v[i + 1], v[i + 2])) {
        buffer.vertical(v[i], v[i + 1], v[i + 2], v[i + 3]);
      }
    }
  });
  drawFlow(buffer, layout, flow);
  buffer.drawStrokes();
  drawStubs(buffer, layout, stubs, 'labels');
  if (layout.mode !== 'compact') return;
  visible.eachGap((k) => {
    const a = layout.gap(k).arrows;
    for (let i = 0; i < a.length; i += 3) buffer.put(a[i + 1], a[i], ARROW[Math.min(a[i + 2], 2)]);
  });
}

/**
 * What an item's box shows: its node's state, or a collapsed neuron's output's data and grad
 * (as shown: hidden values stay hidden) with the marks of any of its nodes (the node that ran, the
 * selection, a breakpoint, a search match, a wrong grad or a non-finite value inside it).
 */
export function itemState(layout: Layout, states: NodeStates, item: number): NodeState {
  const { units } = layout;
  if (units === undefined) return states(item);
  const last = units.last[item];
  const own = states(last);
  if (units.first[item] === last) return own;
  const marks = { ...own };
  for (let id = units.first[item]; id < last; id++) {
    const s = states(id);
    for (const flag of INNER_MARKS) if (s[flag] === true) marks[flag] = true;
    if (!Number.isFinite(s.data ?? 0) || !Number.isFinite(s.grad ?? 0)) marks.nonfinite = true;
  }
  return marks;
}

type Mark = 'current' | 'selected' | 'breakpoint' | 'searchMatch' | 'mismatch' | 'wrongDerivative';
const INNER_MARKS: readonly Mark[] = [
  'current',
  'selected',
  'breakpoint',
  'searchMatch',
  'mismatch',
  'wrongDerivative',
];

/** Calls `each` with the index of every stub into `item` (stubs are sorted by target). */
function eachStub(stubTo: Int32Array, item: number, each: (s: number) => void): void {
  let lo = 0;
  let hi = stubTo.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stubTo[mid] < item) lo = mid + 1;
    else hi = mid;
  }
  for (let s = lo; s < stubTo.length && stubTo[s] === item; s++) each(s);
}

/**
 * Stubs: each its source's label, a space and a stroke into the target's port. The strokes go in
 * with the other strokes (so they join the port); the labels after the strokes are drawn.
 */
function drawStubs(
  buffer: CellBuffer,
  layout: Layout,
  stubs: readonly number[],
  part: 'strokes' | 'labels',
): void {
  const { layering, stubLabels } = layout;
  for (const s of stubs) {
    const target = layering.stubTo[s];
    const label = stubLabels[s];
    const row = layout.itemY[target] + layout.inPorts[layering.stubSlot[s]];
    const port = layout.layerX[layering.layerOf[target]];
    const x = port - [...label].length - 2;
    if (part === 'labels') buffer.text(x, row, label, EDGE);
    else buffer.horizontal(row, port - 1, port, -2 - layering.itemCount - s);
  }
}
