/**
 * The edges along which the step just run moved a value, traced over the routed strokes so they
 * can be drawn heavy: from a source's out port along its net's track to the target's in port,
 * through the dummies of a long edge, or the stroke of a stub.
 */
import type { CellBuffer } from './cells.js';
import type { Layout } from './layout.js';
import type { FlowEdge } from './types.js';

export function drawFlow(buffer: CellBuffer, layout: Layout, edges: readonly FlowEdge[]): void {
  for (const { from, to, slot } of edges) {
    // Between boxes: an edge inside a collapsed neuron has no stroke of its own.
    const a = from < 0 ? from : layout.itemOf(from);
    const b = to < 0 ? to : layout.itemOf(to);
    if (a !== b) traceEdge(buffer, layout, { from: a, to: b, slot });
  }
}

function traceEdge(buffer: CellBuffer, layout: Layout, { from, to, slot }: FlowEdge): void {
  const { layering: l, layerX, itemY } = layout;
  if (from < 0 || to < 0 || from >= l.nodeCount || to >= l.nodeCount) return;
  for (let s = 0; s < l.stubTo.length; s++) {
    if (l.stubFrom[s] === from && l.stubTo[s] === to && l.stubSlot[s] === slot) {
      const port = layerX[l.layerOf[to]];
      buffer.heavyHorizontal(itemY[to] + layout.inPorts[slot], port - 1, port);
      return;
    }
  }
  let item = from;
  while (l.layerOf[item] + 1 < l.layerOf[to]) {
    const next = laneSuccessor(layout, item);
    if (next < 0) return;
    traceGap(buffer, layout, item, next, 0);
    const x = layerX[l.layerOf[next]];
    buffer.heavyHorizontal(itemY[next], x - 1, x + layout.layerWidth[l.layerOf[next]]);
    item = next;
  }
  traceGap(buffer, layout, item, to, slot);
}

/** The dummy that carries an item's lane into the next layer (-1 when there is none). */
function laneSuccessor(layout: Layout, item: number): number {
  const l = layout.layering;
  for (let j = l.succStart[item]; j < l.succStart[item + 1]; j++) {
    const target = l.edgeTo[l.succEdges[j]];
    if (target >= l.nodeCount) return target;
  }
  return -1;
}

/**
 * One layer's step of the path, from item `a` to item `b` in the next layer: the source's row to
 * its net's track, the track to the target's row, and on to the target's port.
 */
function traceGap(buffer: CellBuffer, layout: Layout, a: number, b: number, slot: number) {
  const { layering: l, layerX, itemY, layerWidth } = layout;
  const k = l.layerOf[a];
  const sourceRow = itemY[a] + (a < l.nodeCount ? layout.outPort : 0);
  const targetRow = itemY[b] + (b < l.nodeCount ? layout.inPorts[slot] : 0);
  const left = layerX[k] + layerWidth[k] - 1;
  const right = layerX[k + 1];
  const h = layout.gap(k).horizontal;
  for (let i = 0; i < h.length; i += 4) {
    if (h[i] !== sourceRow || h[i + 1] !== left) continue;
    const column = h[i + 2];
    buffer.heavyHorizontal(sourceRow, left, column);
    if (column === right) return;
    buffer.heavyVertical(column, sourceRow, targetRow);
    buffer.heavyHorizontal(targetRow, column, right);
    return;
  }
}
