import { defaultFormat, drawBox, drawCompactBox, faceOf } from './box.js';
import { CellBuffer } from './cells.js';
import { drawCloseUp } from './closeup.js';
import { drawFlow } from './flow.js';
import type { Layout } from './layout.js';
import { EDGE } from './style.js';
import type { NodeStates, RenderOptions, Viewport } from './types.js';

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
  const { layerX, boxWidth, layering, itemY } = layout;
  const gapCount = Math.max(0, layering.layers.length - 1);
  const left = viewport.x;
  const right = viewport.x + viewport.width;
  const top = viewport.y;
  const bottom = viewport.y + viewport.height;
  const gapVisible = (k: number) => layerX[k] + boxWidth - 1 < right && layerX[k + 1] >= left;
  const layerVisible = (k: number) => layerX[k] - 1 < right && layerX[k] + boxWidth >= left;
  const rowsVisible = (a: number, b: number) =>
    Math.max(a, b) >= top - 1 && Math.min(a, b) <= bottom;

  for (let k = 0; k < gapCount; k++) {
    if (!gapVisible(k)) continue;
    const h = layout.gap(k).horizontal;
    for (let i = 0; i < h.length; i += 4) buffer.horizontal(h[i], h[i + 1], h[i + 2], h[i + 3]);
  }
  const visibleItems = (k: number, each: (item: number) => void) => {
    const layer = layering.layers[k];
    // Items of a layer are sorted by row: skip to the first that can reach the viewport.
    let lo = 0;
    let hi = layer.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (itemY[layer[mid]] + layout.boxHeight <= top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < layer.length && itemY[layer[i]] < bottom; i++) each(layer[i]);
  };
  const stubs: number[] = [];
  for (let k = 0; k < layering.layers.length; k++) {
    if (!layerVisible(k)) continue;
    visibleItems(k, (item) => {
      // A dummy is a long edge passing through this layer on its row.
      if (item >= layering.nodeCount) {
        buffer.horizontal(itemY[item], layerX[k] - 1, layerX[k] + boxWidth, -2 - item);
      } else eachStub(layering.stubTo, item, (s) => stubs.push(s));
    });
  }
  drawStubs(buffer, layout, stubs, 'strokes');
  for (let k = 0; k < gapCount; k++) {
    if (!gapVisible(k)) continue;
    const v = layout.gap(k).vertical;
    for (let i = 0; i < v.length; i += 4) {
      if (rowsVisible(v[i + 1], v[i + 2])) buffer.vertical(v[i], v[i + 1], v[i + 2], v[i + 3]);
    }
  }
  drawFlow(buffer, layout, options.flow ?? []);
  buffer.drawStrokes();
  drawStubs(buffer, layout, stubs, 'labels');
  for (let k = 0; k < gapCount && layout.mode === 'compact'; k++) {
    if (!gapVisible(k)) continue;
    const a = layout.gap(k).arrows;
    for (let i = 0; i < a.length; i += 3) buffer.put(a[i + 1], a[i], ARROW[Math.min(a[i + 2], 2)]);
  }
  const format = options.format ?? defaultFormat;
  const draw = layout.mode === 'boxes' ? drawBox : drawCompactBox;
  for (let k = 0; k < layering.layers.length; k++) {
    if (!layerVisible(k)) continue;
    visibleItems(k, (item) => {
      if (item >= layering.nodeCount) return;
      const place = {
        x: layerX[k],
        y: itemY[item],
        width: boxWidth,
        hasConsumers: layout.hasConsumers[item] === 1,
        inputs: layout.graph.in1[item] >= 0 ? 2 : layout.graph.in0[item] >= 0 ? 1 : 0,
      };
      draw(buffer, place, faceOf(layout.labels[item], layout.symbols[item], states(item), format));
    });
  }
  const closeUp = options.closeUp ?? [];
  if (closeUp.length > 0) {
    const rectOf = (id: number) => layout.rectOf(id);
    drawCloseUp(buffer, viewport, closeUp, layout.labels, states, rectOf, format);
  }
  return buffer.rows(options.color);
}

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
