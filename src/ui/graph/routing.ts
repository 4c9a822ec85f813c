import { MinHeap } from './heap.js';
import type { Layering } from './layering.js';
import { IntList, type Nets, netScratch, netsOf } from './nets.js';
import { heightOf, type ItemShape } from './placement.js';

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
  /** The strokes of gap `k` (between layer k and k + 1), as views on arrays shared by all gaps. */
  gap(k: number): GapRoutes;
  readonly width: number;
  readonly height: number;
}

const MIN_GAP = 4;

/**
 * Routes every edge in the gaps between layers: a net leaves its source on the source's row,
 * runs down or up one track column of the gap and turns right into each target. As in channel
 * routing, nets whose vertical runs overlap get different tracks, and a net whose source row is
 * another net's target row gets a track further left, so their horizontal runs on that row
 * never overlap. `stubRoom` is the columns each layer's stubs need right of the tracks.
 */
export function routeEdges(
  l: Layering,
  shape: ItemShape,
  y: Int32Array,
  layerWidth: Int32Array,
  stubRoom: Int32Array = new Int32Array(l.layers.length),
): Routes {
  const count = l.layers.length;
  const layerX = new Int32Array(count);
  const out = { horizontal: new IntList(), vertical: new IntList(), arrows: new IntList() };
  const starts = {
    horizontal: new Int32Array(count),
    vertical: new Int32Array(count),
    arrows: new Int32Array(count),
  };
  const nets = netScratch();
  const heaps = { busy: new MinHeap(), free: new MinHeap() };
  const sourceOfRow = new RowIndex();
  let nextNet = 0;
  // One pass: a gap's tracks decide where the next layer starts, and then its strokes.
  for (let k = 0; k + 1 < count; k++) {
    netsOf(nets, l, shape, y, l.layers[k], nextNet);
    nextNet += nets.count;
    const used = assignTracks(nets, sourceOfRow, heaps);
    const right = layerX[k] + layerWidth[k];
    layerX[k + 1] = right + Math.max(MIN_GAP, used + 3 + stubRoom[k + 1]);
    strokes(nets, right, layerX[k + 1] - 1, out);
    starts.horizontal[k + 1] = out.horizontal.length;
    starts.vertical[k + 1] = out.vertical.length;
    starts.arrows[k + 1] = out.arrows.length;
  }
  const horizontal = out.horizontal.done();
  const vertical = out.vertical.done();
  const arrows = out.arrows.done();
  let height = 0;
  for (let item = 0; item < l.itemCount; item++) {
    height = Math.max(height, y[item] + heightOf(l, shape, item));
  }
  return {
    layerX,
    gap: (k) => ({
      horizontal: horizontal.subarray(starts.horizontal[k], starts.horizontal[k + 1]),
      vertical: vertical.subarray(starts.vertical[k], starts.vertical[k + 1]),
      arrows: arrows.subarray(starts.arrows[k], starts.arrows[k + 1]),
    }),
    width: count === 0 ? 0 : layerX[count - 1] + layerWidth[count - 1],
    height,
  };
}

/**
 * Row → the last non-straight net of a gap whose source is on it, in one array reused for every
 * gap (only the entries set are cleared) instead of a map per gap.
 */
class RowIndex {
  private net = new Int32Array(0);

  fill(nets: Nets): void {
    let high = 0;
    for (let i = 0; i < nets.count; i++) high = Math.max(high, nets.end[i]);
    if (this.net.length <= high) this.net = new Int32Array(2 * (high + 1)).fill(-1);
    for (let i = 0; i < nets.count; i++)
      if (nets.straight[i] === 0) this.net[nets.sourceRow[i]] = i;
  }

  get(row: number): number {
    return row < this.net.length ? this.net[row] : -1;
  }

  clear(nets: Nets): void {
    for (let i = 0; i < nets.count; i++) this.net[nets.sourceRow[i]] = -1;
  }
}

/**
 * Track index of each net (-1 for straight nets, which need none). First interval partitioning
 * (nets sorted by start; each takes a track whose last run has ended), then the tracks are put
 * in an order where every "must be left of" constraint holds, breaking any cycle at its lowest
 * track. O(nets log nets), where the textbook constrained left-edge is O(nets × tracks).
 */
function assignTracks(
  nets: Nets,
  sourceOfRow: RowIndex,
  heaps: { readonly busy: MinHeap; readonly free: MinHeap },
): number {
  const { track, keys } = nets;
  track.fill(-1, 0, nets.count);
  // Sorted by start, then index: both packed in one float key, sorted natively (no comparator).
  let m = 0;
  for (let i = 0; i < nets.count; i++) {
    if (nets.straight[i] === 0) keys[m++] = nets.start[i] * nets.count + i;
  }
  if (m === 0) return 0;
  const sorted = keys.subarray(0, m).sort();
  const { busy, free } = heaps;
  busy.clear();
  free.clear();
  let tracks = 0;
  for (const key of sorted) {
    const i = key % nets.count;
    while (busy.size > 0 && busy.peekKey() < nets.start[i]) {
      const t = busy.pop();
      free.push(t, t);
    }
    const t = free.size > 0 ? free.pop() : tracks++;
    track[i] = t;
    busy.push(t, nets.end[i]);
  }
  if (tracks <= 1) return tracks;
  sourceOfRow.fill(nets);
  const rank = orderTracks(nets, track, tracks, sourceOfRow);
  sourceOfRow.clear(nets);
  for (let i = 0; i < nets.count; i++) if (track[i] >= 0) track[i] = rank[track[i]];
  return tracks;
}

/**
 * A left-to-right rank for each track such that a net whose source row is another net's target
 * row sits left of it, so their horizontal runs on that row never overlap.
 */
function orderTracks(
  nets: Nets,
  track: Int32Array,
  tracks: number,
  sourceOfRow: RowIndex,
): Int32Array {
  // The constraints "track a before track b" as lists per a (CSR), in net and row order.
  const afterStart = new Int32Array(tracks + 1);
  const waiting = new Int32Array(tracks);
  const eachConstraint = (visit: (before: number, after: number) => void) => {
    for (let i = 0; i < nets.count; i++) {
      if (nets.straight[i] === 1) continue;
      for (let r = nets.rowStart[i]; r < nets.rowStart[i + 1]; r++) {
        const before = sourceOfRow.get(nets.rows[r]);
        if (before >= 0 && track[before] !== track[i]) visit(track[before], track[i]);
      }
    }
  };
  eachConstraint((a, b) => {
    afterStart[a + 1]++;
    waiting[b]++;
  });
  for (let t = 0; t < tracks; t++) afterStart[t + 1] += afterStart[t];
  const after = new Int32Array(afterStart[tracks]);
  const filled = afterStart.slice(0, tracks);
  eachConstraint((a, b) => {
    after[filled[a]++] = b;
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
    for (let j = afterStart[t]; j < afterStart[t + 1]; j++) {
      if (--waiting[after[j]] === 0) ready.push(after[j], after[j]);
    }
  }
  return rank;
}

interface Strokes {
  readonly horizontal: IntList;
  readonly vertical: IntList;
  readonly arrows: IntList;
}

/** Appends the gap's strokes: [row, a, b, net] across, [column, a, b, net] down, arrowheads. */
function strokes(nets: Nets, gapStart: number, arrowCol: number, out: Strokes): void {
  const { horizontal, vertical, arrows } = out;
  const stroke = (into: IntList, where: number, from: number, to: number, net: number) => {
    into.push(where);
    into.push(from);
    into.push(to);
    into.push(net);
  };
  const borderLeft = gapStart - 1;
  const borderRight = arrowCol + 1;
  for (let i = 0; i < nets.count; i++) {
    const id = nets.firstId + i;
    for (let r = nets.rowStart[i]; r < nets.rowStart[i + 1]; r++) {
      if (nets.arrow[r] === 0) continue;
      arrows.push(nets.rows[r]);
      arrows.push(arrowCol);
      arrows.push(nets.uses[r]);
    }
    if (nets.straight[i] === 1) {
      stroke(horizontal, nets.sourceRow[i], borderLeft, borderRight, id);
      continue;
    }
    const column = gapStart + 1 + nets.track[i];
    stroke(horizontal, nets.sourceRow[i], borderLeft, column, id);
    stroke(vertical, column, nets.start[i], nets.end[i], id);
    for (let r = nets.rowStart[i]; r < nets.rowStart[i + 1]; r++) {
      stroke(horizontal, nets.rows[r], column, borderRight, id);
    }
  }
}
