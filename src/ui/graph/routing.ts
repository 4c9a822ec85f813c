import { MinHeap } from './heap.js';
import type { Layering } from './layering.js';
import { heightOf, type ItemShape, inPortOf, outPortOf } from './placement.js';

/**
 * The edges of one gap between layer `l` and `l + 1`, as strokes in canvas cells. A stroke
 * joins the centres of cells `a` and `b`; strokes of one net (one source's edges) join up,
 * strokes of different nets only cross.
 */
export interface GapRoutes {
  /** [row, a, b, net] per horizontal stroke. */
  readonly horizontal: Int32Array;
  /** [column, a, b, net] per vertical stroke. */
  readonly vertical: Int32Array;
  /** [row, column, uses] per arrowhead; uses = 2 when one source feeds both inputs there. */
  readonly arrows: Int32Array;
}

export interface Routes {
  /** Left column of each layer. */
  readonly layerX: Int32Array;
  readonly gaps: GapRoutes[];
  readonly width: number;
  readonly height: number;
}

const MIN_GAP = 4;

interface Net {
  readonly id: number;
  readonly sourceRow: number;
  /** Distinct target rows, each with its number of uses and whether it ends at a node. */
  readonly rows: number[];
  readonly uses: number[];
  readonly arrow: boolean[];
  readonly start: number;
  readonly end: number;
  readonly straight: boolean;
}

/**
 * Routes every edge in the gaps between layers: a net leaves its source on the source's row,
 * runs down or up one track column of the gap and turns right into each target. As in channel
 * routing, nets whose vertical runs overlap get different tracks, and a net whose source row is
 * another net's target row gets a track further left, so their horizontal runs on that row
 * never overlap.
 */
export function routeEdges(l: Layering, shape: ItemShape, y: Int32Array, boxWidth: number): Routes {
  const count = l.layers.length;
  let nextNet = 0;
  const perGap = [];
  for (let k = 0; k + 1 < count; k++) {
    const nets = netsOf(l, shape, y, l.layers[k], () => nextNet++);
    perGap.push({ nets, tracks: assignTracks(nets) });
  }
  const layerX = new Int32Array(count);
  for (let k = 1; k < count; k++) {
    const tracks = perGap[k - 1].tracks;
    let used = 0;
    for (const t of tracks) used = Math.max(used, t + 1);
    layerX[k] = layerX[k - 1] + boxWidth + Math.max(MIN_GAP, used + 3);
  }
  const gaps = perGap.map(({ nets, tracks }, k) =>
    strokes(nets, tracks, layerX[k] + boxWidth, layerX[k + 1] - 1),
  );
  let height = 0;
  for (let item = 0; item < l.itemCount; item++) {
    height = Math.max(height, y[item] + heightOf(l, shape, item));
  }
  return { layerX, gaps, width: count === 0 ? 0 : layerX[count - 1] + boxWidth, height };
}

function netsOf(
  l: Layering,
  shape: ItemShape,
  y: Int32Array,
  layer: Int32Array,
  newId: () => number,
): Net[] {
  const nets: Net[] = [];
  for (const source of layer) {
    const from = l.succStart[source];
    const to = l.succStart[source + 1];
    if (to === from) continue;
    const sourceRow = y[source] + outPortOf(l, shape, source);
    const rows: number[] = [];
    const uses: number[] = [];
    const arrow: boolean[] = [];
    // Fan-out is usually small; a map only pays off for big fan-outs.
    const index = to - from > 8 ? new Map<number, number>() : undefined;
    for (let j = from; j < to; j++) {
      const e = l.succEdges[j];
      const target = l.edgeTo[e];
      const row = y[target] + inPortOf(l, shape, target, l.edgeSlot[e]);
      const seen = index === undefined ? rows.indexOf(row) : (index.get(row) ?? -1);
      if (seen >= 0) {
        uses[seen]++;
        continue;
      }
      index?.set(row, rows.length);
      rows.push(row);
      uses.push(1);
      arrow.push(target < l.nodeCount);
    }
    let start = sourceRow;
    let end = sourceRow;
    for (const row of rows) {
      start = Math.min(start, row);
      end = Math.max(end, row);
    }
    const straight = rows.length === 1 && rows[0] === sourceRow;
    nets.push({ id: newId(), sourceRow, rows, uses, arrow, start, end, straight });
  }
  return nets;
}

/**
 * Track index of each net (-1 for straight nets, which need none). First interval partitioning
 * (nets sorted by start; each takes a track whose last run has ended), then the tracks are put
 * in an order where every "must be left of" constraint holds, breaking any cycle at its lowest
 * track. O(nets log nets), where the textbook constrained left-edge is O(nets × tracks).
 */
function assignTracks(nets: Net[]): Int32Array {
  const track = new Int32Array(nets.length).fill(-1);
  const sorted = nets
    .map((_, i) => i)
    .filter((i) => !nets[i].straight)
    .sort((a, b) => nets[a].start - nets[b].start || a - b);
  const busy = new MinHeap();
  const free = new MinHeap();
  let tracks = 0;
  for (const i of sorted) {
    while (busy.size > 0 && busy.peekKey() < nets[i].start) {
      const t = busy.pop();
      free.push(t, t);
    }
    const t = free.size > 0 ? free.pop() : tracks++;
    track[i] = t;
    busy.push(t, nets[i].end);
  }
  if (tracks <= 1) return track;
  const rank = orderTracks(nets, track, tracks);
  for (const i of sorted) track[i] = rank[track[i]];
  return track;
}

/**
 * A left-to-right rank for each track such that a net whose source row is another net's target
 * row sits left of it, so their horizontal runs on that row never overlap.
 */
function orderTracks(nets: Net[], track: Int32Array, tracks: number): Int32Array {
  const bySourceRow = new Map<number, number>();
  nets.forEach((net, i) => {
    if (!net.straight) bySourceRow.set(net.sourceRow, i);
  });
  const after: number[][] = Array.from({ length: tracks }, () => []);
  const waiting = new Int32Array(tracks);
  nets.forEach((net, i) => {
    if (net.straight) return;
    for (const row of net.rows) {
      const before = bySourceRow.get(row);
      if (before === undefined || track[before] === track[i]) continue;
      after[track[before]].push(track[i]);
      waiting[track[i]]++;
    }
  });
  const rank = new Int32Array(tracks).fill(-1);
  const ready = new MinHeap();
  for (let t = 0; t < tracks; t++) if (waiting[t] === 0) ready.push(t, t);
  let next = 0;
  let lowest = 0;
  while (next < tracks) {
    if (ready.size === 0) {
      // A cycle of constraints: some pair of runs will share a row; give way at the lowest track.
      while (rank[lowest] >= 0) lowest++;
      waiting[lowest] = 0;
      ready.push(lowest, lowest);
    }
    const t = ready.pop();
    if (rank[t] >= 0) continue;
    rank[t] = next++;
    for (const u of after[t]) if (--waiting[u] === 0) ready.push(u, u);
  }
  return rank;
}

function strokes(nets: Net[], tracks: Int32Array, gapStart: number, arrowCol: number): GapRoutes {
  const horizontal: number[] = [];
  const vertical: number[] = [];
  const arrows: number[] = [];
  const borderLeft = gapStart - 1;
  const borderRight = arrowCol + 1;
  nets.forEach((net, i) => {
    net.rows.forEach((row, r) => {
      if (net.arrow[r]) arrows.push(row, arrowCol, net.uses[r]);
    });
    if (net.straight) {
      horizontal.push(net.sourceRow, borderLeft, borderRight, net.id);
      return;
    }
    const column = gapStart + 1 + tracks[i];
    horizontal.push(net.sourceRow, borderLeft, column, net.id);
    vertical.push(column, net.start, net.end, net.id);
    for (const row of net.rows) horizontal.push(row, column, borderRight, net.id);
  });
  return {
    horizontal: new Int32Array(horizontal),
    vertical: new Int32Array(vertical),
    arrows: new Int32Array(arrows),
  };
}
