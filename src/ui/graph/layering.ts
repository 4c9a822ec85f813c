import type { Graph } from '../../engine/index.js';

/**
 * The layered skeleton of a graph (Sugiyama style): every node is an item in the layer of its
 * longest path from a leaf, and an edge spanning several layers is cut into one-layer edges
 * through dummy items, which draw as a line passing through the layer.
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
}

/** Barycenter sweeps; each costs O((items + edges) log items). */
const SWEEPS = 4;
/**
 * Items sorted over all sweeps, at most: graphs with hundreds of thousands of dummies (long edges
 * in a 10,000-node DAG) get fewer sweeps, at least one, so opening them stays quick.
 */
const SWEEP_BUDGET = 1_000_000;

export function layerGraph(graph: Graph): Layering {
  const n = graph.size;
  const { in0, in1 } = graph;
  // Inputs always have smaller ids, so one pass in id order is a longest-path layering.
  const nodeLayer = new Int32Array(n);
  let dummyCount = 0;
  let inputCount = 0;
  for (let v = 0; v < n; v++) {
    const a = in0[v];
    const b = in1[v];
    if (a < 0) continue;
    const layer = 1 + Math.max(nodeLayer[a], b < 0 ? 0 : nodeLayer[b]);
    nodeLayer[v] = layer;
    inputCount += b < 0 ? 1 : 2;
    dummyCount += layer - nodeLayer[a] - 1;
    if (b >= 0) dummyCount += layer - nodeLayer[b] - 1;
  }
  const itemCount = n + dummyCount;
  const layerOf = new Int32Array(itemCount);
  layerOf.set(nodeLayer);
  // Each input edge is one one-layer edge plus one per dummy it passes through.
  const edgeCount = inputCount + dummyCount;
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const edgeSlot = new Uint8Array(edgeCount);
  let edges = 0;
  let next = n;
  for (let v = 0; v < n; v++) {
    for (let slot = 0; slot < 2; slot++) {
      const u = slot === 0 ? in0[v] : in1[v];
      if (u < 0) continue;
      let from = u;
      for (let layer = nodeLayer[u] + 1; layer < nodeLayer[v]; layer++) {
        layerOf[next] = layer;
        edgeFrom[edges] = from;
        edgeTo[edges] = next;
        edges++;
        from = next++;
      }
      edgeFrom[edges] = from;
      edgeTo[edges] = v;
      edgeSlot[edges] = slot;
      edges++;
    }
  }
  const [predStart, predEdges] = csr(itemCount, edgeTo, edges);
  const [succStart, succEdges] = csr(itemCount, edgeFrom, edges);
  const layering: Layering = {
    itemCount,
    nodeCount: n,
    layerOf,
    layers: groupByLayer(layerOf),
    edgeFrom,
    edgeTo,
    edgeSlot,
    predStart,
    predEdges,
    succStart,
    succEdges,
  };
  orderLayers(layering);
  return layering;
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

function groupByLayer(layerOf: Int32Array): Int32Array[] {
  let count = 0;
  for (const layer of layerOf) count = Math.max(count, layer + 1);
  const sizes = new Int32Array(count);
  for (const layer of layerOf) sizes[layer]++;
  const layers = Array.from(sizes, (size) => new Int32Array(size));
  sizes.fill(0);
  for (let item = 0; item < layerOf.length; item++) {
    const layer = layerOf[item];
    layers[layer][sizes[layer]++] = item;
  }
  return layers;
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
