import type { Dag } from './units.js';

/**
 * The layered skeleton of a graph (Sugiyama style): every node is an item in the layer of its
 * longest path from a leaf. An edge spanning a few layers runs along its source's lane: one dummy
 * item per layer, shared by all of the source's consumers within reach, drawn as a line passing
 * through the layer. An edge spanning more than LANE_SPAN layers is a stub instead: no item, the
 * target shows the source's label at its port. So the items are at most LANE_SPAN per node (a
 * 3,000-node chain whose input feeds every node needed 3 million dummies, one per edge and layer).
 */
export interface Layering {
  /** Items 0..nodeCount-1 are the nodes (item id = node id); the rest are dummies. */
  readonly itemCount: number;
  readonly nodeCount: number;
  readonly layerOf: Int32Array;
  /** Items of each layer, top to bottom. */
  readonly layers: Int32Array[];
  /** One-layer edges: source item, target item, and the input slot at the target (0 or 1). */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeSlot: Uint8Array;
  /** Edges of each item, as CSR ranges into `predEdges` / `succEdges`. */
  readonly predStart: Int32Array;
  readonly predEdges: Int32Array;
  readonly succStart: Int32Array;
  readonly succEdges: Int32Array;
  /** Edges too long to draw: source node, target node and slot, one entry per stub. */
  readonly stubFrom: Int32Array;
  readonly stubTo: Int32Array;
  readonly stubSlot: Uint8Array;
}

/** The longest edge drawn as a line, in layers; longer ones are stubs. */
export const LANE_SPAN = 8;
/** Barycenter sweeps; each costs O((items + edges) log items). */
const SWEEPS = 4;
/**
 * Items sorted over all sweeps, at most: graphs with hundreds of thousands of items get fewer
 * sweeps, at least one, so opening them stays quick.
 */
const SWEEP_BUDGET = 1_000_000;

export function layerGraph(graph: Dag): Layering {
  const n = graph.size;
  const nodeLayer = longestPathLayers(graph);
  const lanes = lanesOf(graph, nodeLayer);
  const { itemCount, laneStart } = lanes;
  const layerOf = new Int32Array(itemCount);
  layerOf.set(nodeLayer);
  const edges = new EdgeList(lanes.edgeCount + itemCount - n);
  // Each lane: a dummy per layer, linked from the source through to its last layer.
  for (let u = 0; u < n; u++) {
    for (let layer = nodeLayer[u] + 1; layer <= lanes.laneEnd[u]; layer++) {
      const item = laneStart[u] + layer - nodeLayer[u] - 1;
      layerOf[item] = layer;
      edges.link(layer === nodeLayer[u] + 1 ? u : item - 1, item, 0);
    }
  }
  const stubs = new EdgeList(lanes.stubCount);
  eachInput(graph, (u, v, slot) => {
    const span = nodeLayer[v] - nodeLayer[u];
    if (span === 1) edges.link(u, v, slot);
    else if (span <= LANE_SPAN) edges.link(laneStart[u] + span - 2, v, slot);
    else stubs.link(u, v, slot);
  });
  const [predStart, predEdges] = csr(itemCount, edges.to, edges.length);
  const [succStart, succEdges] = csr(itemCount, edges.from, edges.length);
  const layering: Layering = {
    itemCount,
    nodeCount: n,
    layerOf,
    layers: groupByLayer(layerOf),
    edgeFrom: edges.from,
    edgeTo: edges.to,
    edgeSlot: edges.slot,
    predStart,
    predEdges,
    succStart,
    succEdges,
    stubFrom: stubs.from,
    stubTo: stubs.to,
    stubSlot: stubs.slot,
  };
  orderLayers(layering);
  return layering;
}

/** Edges as parallel arrays of a known size. */
class EdgeList {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly slot: Uint8Array;
  length = 0;

  constructor(size: number) {
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.slot = new Uint8Array(size);
  }

  link(from: number, to: number, slot: number): void {
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.slot[this.length] = slot;
    this.length++;
  }
}

/** Every (input, node, slot) in node order. */
function eachInput(graph: Dag, visit: (u: number, v: number, slot: number) => void): void {
  const { inputStart, inputs, slots } = graph;
  for (let v = 0; v < graph.size; v++) {
    for (let j = inputStart[v]; j < inputStart[v + 1]; j++) visit(inputs[j], v, slots[j]);
  }
}

/** Inputs always have smaller ids, so one pass in id order is a longest-path layering. */
function longestPathLayers(graph: Dag): Int32Array {
  const { inputStart, inputs } = graph;
  const layer = new Int32Array(graph.size);
  for (let v = 0; v < graph.size; v++) {
    for (let j = inputStart[v]; j < inputStart[v + 1]; j++) {
      layer[v] = Math.max(layer[v], 1 + layer[inputs[j]]);
    }
  }
  return layer;
}

/**
 * Each node's lane: it runs to the layer before its farthest consumer within LANE_SPAN (its own
 * layer when it has none), and its dummies are items laneStart[u] onwards.
 */
function lanesOf(graph: Dag, nodeLayer: Int32Array) {
  const n = graph.size;
  const laneEnd = Int32Array.from(nodeLayer);
  let stubCount = 0;
  let edgeCount = 0;
  eachInput(graph, (u, v) => {
    if (nodeLayer[v] - nodeLayer[u] > LANE_SPAN) stubCount++;
    else {
      edgeCount++;
      laneEnd[u] = Math.max(laneEnd[u], nodeLayer[v] - 1);
    }
  });
  const laneStart = new Int32Array(n);
  let itemCount = n;
  for (let u = 0; u < n; u++) {
    laneStart[u] = itemCount;
    itemCount += laneEnd[u] - nodeLayer[u];
  }
  return { laneEnd, laneStart, itemCount, edgeCount, stubCount };
}

/** Groups edges by an endpoint: the edges of item i are list[start[i] .. start[i+1]). */
function csr(items: number, endpoint: Int32Array, edges: number): [Int32Array, Int32Array] {
  const start = new Int32Array(items + 1);
  for (let e = 0; e < edges; e++) start[endpoint[e] + 1]++;
  for (let i = 0; i < items; i++) start[i + 1] += start[i];
  const fill = start.slice(0, items);
  const list = new Int32Array(edges);
  for (let e = 0; e < edges; e++) list[fill[endpoint[e]]++] = e;
  return [start, list];
}

/** Items by layer: views on one array (a chain has as many layers as nodes). */
function groupByLayer(layerOf: Int32Array): Int32Array[] {
  let count = 0;
  for (const layer of layerOf) count = Math.max(count, layer + 1);
  const start = new Int32Array(count + 1);
  for (const layer of layerOf) start[layer + 1]++;
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const all = new Int32Array(layerOf.length);
  const fill = start.slice(0, count);
  for (let item = 0; item < layerOf.length; item++) all[fill[layerOf[item]]++] = item;
  return Array.from({ length: count }, (_, k) => all.subarray(start[k], start[k + 1]));
}

/**
 * Reduces crossings by barycenter sweeps: alternately sorts each layer by the mean position of
 * its items' neighbours in the layer before (downward) or after (upward).
 */
function orderLayers(l: Layering): void {
  const position = new Float64Array(l.itemCount);
  const key = new Float64Array(l.itemCount);
  let widest = 0;
  for (const layer of l.layers) widest = Math.max(widest, layer.length);
  const scratch = new Int32Array(widest);
  const place = (layer: Int32Array) => {
    for (let i = 0; i < layer.length; i++) position[layer[i]] = i;
  };
  for (const layer of l.layers) place(layer);
  const sweeps = Math.max(1, Math.min(SWEEPS, Math.floor(SWEEP_BUDGET / l.itemCount)));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const down = sweep % 2 === 0;
    const [start, list, other] = down
      ? [l.predStart, l.predEdges, l.edgeFrom]
      : [l.succStart, l.succEdges, l.edgeTo];
    const count = l.layers.length;
    for (let k = 1; k < count; k++) {
      const layer = l.layers[down ? k : count - 1 - k];
      if (layer.length < 2) continue;
      for (const item of layer) {
        const from = start[item];
        const to = start[item + 1];
        let sum = 0;
        for (let j = from; j < to; j++) sum += position[other[list[j]]];
        // Items with no neighbours that side keep their place.
        key[item] = to > from ? sum / (to - from) : position[item];
      }
      sortByKey(layer, key, scratch);
      place(layer);
    }
  }
}

/** a before b: by key, ties by item id (a total order, so the result does not depend on the sort). */
const before = (key: Float64Array, a: number, b: number): boolean =>
  key[a] < key[b] || (key[a] === key[b] && a < b);

/** Runs this short are sorted by insertion before merging. */
const RUN = 16;

/**
 * Sorts items by (key, id) in place: insertion sort of short runs, then bottom-up merges through
 * `scratch`. A comparator sort of an Int32Array copies it to the heap on every call, which on
 * layers of thousands of dummies made the sweeps mostly garbage collection. A layer already in
 * order (most of them, after the first sweep) costs one comparison per item.
 */
function sortByKey(items: Int32Array, key: Float64Array, scratch: Int32Array): void {
  const n = items.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = !before(key, items[i], items[i - 1]);
  if (sorted) return;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const item = items[i];
      let j = i - 1;
      while (j >= lo && before(key, item, items[j])) {
        items[j + 1] = items[j];
        j--;
      }
      items[j + 1] = item;
    }
  }
  let from = items;
  let to = scratch;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Two runs already in order are copied as they are.
      if (mid < hi && before(key, from[mid], from[mid - 1])) {
        while (i < mid && j < hi) to[k++] = before(key, from[j], from[i]) ? from[j++] : from[i++];
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== items) for (let i = 0; i < n; i++) items[i] = from[i];
}
