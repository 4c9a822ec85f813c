/**
 * The names of a graph the fast path reads (fast-graph.ts): each named node keeps where its name
 * starts in the file's text, and an open-addressing table finds a node by its name, hashing the
 * characters in place. A name ends where name characters end, so one offset a node is the whole
 * name (4 bytes a node, and 8 a name for the table, sized once from the block's line count:
 * a statement names at most one node a line). The full path's Symbols kept start, end and hash
 * by symbol, and symbol -> node and node -> symbol beside them: 28 bytes a node at a million,
 * grown by doubling.
 */
import { isNamePart } from './expression/index.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

export class FastNames {
  /** Where each node's name starts in the text, plus one; 0 for a node without a name. */
  private at: Int32Array<ArrayBuffer>;
  /** Node id + 1 by its name's hash (linear probing), 0 for an empty slot; at most half full. */
  private slots: Int32Array<ArrayBuffer>;
  private count = 0;

  /** For about `names` names, and nodes up to `nodes` (both grow past them). */
  constructor(
    private readonly text: string,
    names: number,
    nodes: number,
  ) {
    let size = 16;
    while (size < 2 * names) size *= 2;
    this.slots = new Int32Array(size);
    this.at = new Int32Array(nodes);
  }

  /** The node named `text[start, end)`, or -1. */
  find(start: number, end: number): number {
    const { text, slots } = this;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const node = slots[slot] - 1;
      if (node < 0) return -1;
      if (this.named(node, text, start, end)) return node;
    }
  }

  /** The node named `name`, or -1. */
  findName(name: string): number {
    let hash = FNV_OFFSET;
    for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), FNV_PRIME);
    const { slots } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const node = slots[slot] - 1;
      if (node < 0) return -1;
      if (this.named(node, name, 0, name.length)) return node;
    }
  }

  /** Names node `id` by `text[start, end)`, a name no node has (`find` gave -1). */
  define(id: number, start: number, end: number): void {
    if (id >= this.at.length) {
      const at = new Int32Array(Math.max(id + 1, this.at.length * 2));
      at.set(this.at);
      this.at = at;
    }
    this.at[id] = start + 1;
    if (++this.count * 2 > this.slots.length) this.rehash();
    else this.put(this.slots, id, start, end);
  }

  /** The name of node `id`, cut from the text; undefined for a node without one. */
  nameOf(id: number): string | undefined {
    return nameAt(this.text, this.at, id);
  }

  /**
   * Node names without the table: what the graph keeps once the file is loaded (the table, 8
   * bytes a name, only serves the loader's lookups).
   */
  nameSource(): (id: number) => string | undefined {
    const { text, at } = this;
    return (id) => nameAt(text, at, id);
  }

  private endOf(start: number): number {
    return nameEnd(this.text, start);
  }

  /** Whether node `id`'s name is `s[start, end)`. */
  private named(id: number, s: string, start: number, end: number): boolean {
    const { text } = this;
    const from = this.at[id] - 1;
    for (let i = start; i < end; i++)
      if (text.charCodeAt(from + i - start) !== s.charCodeAt(i)) return false;
    return !isNamePart(text.charCodeAt(from + end - start));
  }

  private put(slots: Int32Array, id: number, start: number, end: number): void {
    const { text } = this;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.at.length; id++) {
      const start = this.at[id] - 1;
      if (start >= 0) this.put(slots, id, start, this.endOf(start));
    }
    this.slots = slots;
  }
}

function nameEnd(text: string, start: number): number {
  let end = start + 1;
  while (isNamePart(text.charCodeAt(end))) end++;
  return end;
}

function nameAt(text: string, at: Int32Array, id: number): string | undefined {
  const start = id < at.length ? at[id] - 1 : -1;
  return start < 0 ? undefined : text.slice(start, nameEnd(text, start));
}
