/**
 * The nets of one gap between layers, in arrays reused from gap to gap, and the growable list the
 * strokes are written to: routing's data, apart from its algorithm (routing.ts).
 */
import type { Layering } from './layering.js';
import { type ItemShape, inPortOf, outPortOf } from './placement.js';

/**
 * The nets of one gap as parallel typed arrays (a 10,000-node random DAG has half a million of
 * them: an object and three arrays per net made routing most of its layout time). Net `i` leaves
 * its source on `sourceRow[i]` and reaches the distinct rows `rows[rowStart[i] .. rowStart[i+1])`,
 * each with its number of uses and whether it ends at a node (`arrow`) rather than a dummy.
 */
export interface Nets {
  count: number;
  /** Ids unique across gaps (strokes of one net join up). */
  firstId: number;
  sourceRow: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the net is one horizontal run from the source row to a target on it. */
  straight: Uint8Array;
  rowStart: Int32Array;
  rows: Int32Array;
  uses: Int32Array;
  arrow: Uint8Array;
  /** Per net: its track; scratch for sorting nets by start. */
  track: Int32Array;
  keys: Float64Array;
}

/**
 * One set of net arrays reused for every gap, grown as needed: a 10,000-node chain has 10,000
 * gaps, and a dozen small typed arrays per gap made the layout mostly garbage collection.
 */
export function netScratch(): Nets {
  return {
    count: 0,
    firstId: 0,
    sourceRow: new Int32Array(0),
    start: new Int32Array(0),
    end: new Int32Array(0),
    straight: new Uint8Array(0),
    rowStart: new Int32Array(1),
    rows: new Int32Array(0),
    uses: new Int32Array(0),
    arrow: new Uint8Array(0),
    track: new Int32Array(0),
    keys: new Float64Array(0),
  };
}

function reserve(nets: Nets, count: number, edges: number): void {
  if (nets.sourceRow.length < count) {
    const size = Math.max(count, 2 * nets.sourceRow.length);
    nets.sourceRow = new Int32Array(size);
    nets.start = new Int32Array(size);
    nets.end = new Int32Array(size);
    nets.straight = new Uint8Array(size);
    nets.rowStart = new Int32Array(size + 1);
    nets.track = new Int32Array(size);
    nets.keys = new Float64Array(size);
  }
  if (nets.rows.length < edges) {
    const size = Math.max(edges, 2 * nets.rows.length);
    nets.rows = new Int32Array(size);
    nets.uses = new Int32Array(size);
    nets.arrow = new Uint8Array(size);
  }
}

/** A growable list of int32 values. */
export class IntList {
  private values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  done(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** Fills `nets` with the nets leaving the items of `layer`. */
export function netsOf(
  nets: Nets,
  l: Layering,
  shape: ItemShape,
  y: Int32Array,
  layer: Int32Array,
  firstId: number,
): void {
  let count = 0;
  let edges = 0;
  for (const source of layer) {
    const fanOut = l.succStart[source + 1] - l.succStart[source];
    if (fanOut > 0) count++;
    edges += fanOut;
  }
  reserve(nets, count, edges);
  nets.count = count;
  nets.firstId = firstId;
  const { sourceRow, start, end, straight, rowStart, rows, uses, arrow } = nets;
  rowStart[0] = 0;
  let i = 0;
  let r = 0;
  for (const source of layer) {
    const from = l.succStart[source];
    const to = l.succStart[source + 1];
    if (to === from) continue;
    const row0 = y[source] + outPortOf(l, shape, source);
    const first = r;
    // Fan-out is usually small: a scan of this net's rows; a map only pays off for big fan-outs.
    const index = to - from > 8 ? new Map<number, number>() : undefined;
    let low = row0;
    let high = row0;
    for (let j = from; j < to; j++) {
      const e = l.succEdges[j];
      const target = l.edgeTo[e];
      const row = y[target] + inPortOf(l, shape, target, l.edgeSlot[e]);
      let seen = -1;
      if (index !== undefined) seen = index.get(row) ?? -1;
      else for (let q = first; q < r && seen < 0; q++) if (rows[q] === row) seen = q;
      if (seen >= 0) {
        uses[seen]++;
        continue;
      }
      index?.set(row, r);
      rows[r] = row;
      uses[r] = 1;
      arrow[r] = target < l.nodeCount ? 1 : 0;
      r++;
      if (row < low) low = row;
      if (row > high) high = row;
    }
    sourceRow[i] = row0;
    start[i] = low;
    end[i] = high;
    straight[i] = r - first === 1 && rows[first] === row0 ? 1 : 0;
    rowStart[++i] = r;
  }
}
