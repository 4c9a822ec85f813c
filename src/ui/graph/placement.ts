import type { Layering } from './layering.js';

/** Item geometry: a node box's height and the rows of its ports, relative to its top. */
export interface ItemShape {
  readonly boxHeight: number;
  readonly outPort: number;
  /** Row of input slot 0 and 1. */
  readonly inPorts: readonly [number, number];
}

/** Empty rows between two items of a layer. */
const ROW_GAP = 1;
/** Forward, backward, forward; fewer when the graph has more items than PLACE_BUDGET / 3. */
const SWEEP_ORDER = [true, false, true] as const;
const PLACE_BUDGET = 1_000_000;

export const heightOf = (l: Layering, shape: ItemShape, item: number): number =>
  item < l.nodeCount ? shape.boxHeight : 1;
export const outPortOf = (l: Layering, shape: ItemShape, item: number): number =>
  item < l.nodeCount ? shape.outPort : 0;
export const inPortOf = (l: Layering, shape: ItemShape, item: number, slot: number): number =>
  item < l.nodeCount ? shape.inPorts[slot] : 0;

/**
 * Top row of every item. Each layer keeps its order; within that, items move as close as they
 * can to the rows that make their edges straight, found by isotonic regression (pool adjacent
 * violators), which is linear per layer. Sweeps go forward, backward, forward (at least the
 * first one on graphs with hundreds of thousands of dummies).
 */
export function placeItems(l: Layering, shape: ItemShape): Int32Array {
  const y = new Int32Array(l.itemCount);
  for (const layer of l.layers) {
    let top = 0;
    for (const item of layer) {
      y[item] = top;
      top += heightOf(l, shape, item) + ROW_GAP;
    }
  }
  const desired = new Float64Array(l.itemCount);
  const wish = (item: number, down: boolean): number => {
    const start = down ? l.predStart : l.succStart;
    const list = down ? l.predEdges : l.succEdges;
    const from = start[item];
    const to = start[item + 1];
    if (to === from) return y[item];
    let sum = 0;
    for (let j = from; j < to; j++) {
      const e = list[j];
      const source = l.edgeFrom[e];
      const target = l.edgeTo[e];
      const sourceRow = y[source] + outPortOf(l, shape, source);
      const targetRow = y[target] + inPortOf(l, shape, target, l.edgeSlot[e]);
      // The top row that would put this end of the edge level with the other end.
      sum += down ? sourceRow - (targetRow - y[target]) : targetRow - (sourceRow - y[source]);
    }
    return sum / (to - from);
  };
  const count = l.layers.length;
  let widest = 0;
  for (const layer of l.layers) widest = Math.max(widest, layer.length);
  const scratch = {
    offset: new Float64Array(widest),
    mean: new Float64Array(widest),
    size: new Int32Array(widest),
  };
  const sweeps = Math.max(1, Math.min(SWEEP_ORDER.length, Math.floor(PLACE_BUDGET / l.itemCount)));
  for (const down of SWEEP_ORDER.slice(0, sweeps)) {
    for (let k = 1; k < count; k++) {
      const layer = l.layers[down ? k : count - 1 - k];
      for (const item of layer) desired[item] = wish(item, down);
      fitInOrder(l, shape, layer, desired, y, scratch);
    }
  }
  // The top item starts on row 0: no blank rows above the drawing, whichever way the sweeps moved it.
  let minY = y.length > 0 ? y[0] : 0;
  for (const row of y) minY = Math.min(minY, row);
  for (let i = 0; i < y.length; i++) y[i] -= minY;
  return y;
}

/**
 * Sets y of a layer's items as close (least squares) to `desired` as the order and spacing
 * allow: with offset o_i (the stacked top of item i), z_i = y_i - o_i must not decrease, so
 * z is the isotonic regression of desired_i - o_i.
 */
function fitInOrder(
  l: Layering,
  shape: ItemShape,
  layer: Int32Array,
  desired: Float64Array,
  y: Int32Array,
  scratch: { offset: Float64Array; mean: Float64Array; size: Int32Array },
): void {
  const k = layer.length;
  const { offset, mean: blockMean, size: blockSize } = scratch;
  let blocks = 0;
  let top = 0;
  for (let i = 0; i < k; i++) {
    offset[i] = top;
    top += heightOf(l, shape, layer[i]) + ROW_GAP;
    blockMean[blocks] = desired[layer[i]] - offset[i];
    blockSize[blocks] = 1;
    blocks++;
    while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
      const a = blockSize[blocks - 2];
      const b = blockSize[blocks - 1];
      blockMean[blocks - 2] = (blockMean[blocks - 2] * a + blockMean[blocks - 1] * b) / (a + b);
      blockSize[blocks - 2] = a + b;
      blocks--;
    }
  }
  let i = 0;
  for (let block = 0; block < blocks; block++) {
    const z = Math.round(blockMean[block]);
    for (let j = 0; j < blockSize[block]; j++, i++) y[layer[i]] = z + offset[i];
  }
}
