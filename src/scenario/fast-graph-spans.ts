/**
 * Where each node the fast path reads (fast-graph.ts) is written in the file: the text of its
 * expression, from the first character of its first operand to the end of its last.
 */
import { doubled } from './expression/index.js';

export interface NodeSpans {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

export class SpanTable {
  private starts: Int32Array<ArrayBuffer>;
  private ends: Int32Array<ArrayBuffer>;

  /** Room for `nodes` nodes; it doubles when a node past them is made. */
  constructor(nodes: number) {
    this.starts = new Int32Array(nodes);
    this.ends = new Int32Array(nodes);
  }

  set(id: number, start: number, end: number): void {
    if (id >= this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
    }
    this.starts[id] = start;
    this.ends[id] = end;
  }

  /** Whether node `id` is written exactly at `text[start, end)`. */
  is(id: number, start: number, end: number): boolean {
    return this.starts[id] === start && this.ends[id] === end;
  }

  /** The spans of nodes 0…n - 1. */
  of(n: number): NodeSpans {
    return { start: this.starts.subarray(0, n), end: this.ends.subarray(0, n) };
  }
}
