/**
 * Interned names: each distinct name gets a small integer, and is kept as its place in the text it
 * was first read from; its string is cut when first asked for. An open-addressing table over
 * typed arrays, hashing the characters in place: with a million names, a JS Map keyed by freshly
 * cut strings spends most of a load hashing and probing, and a million strings held cost more
 * memory than the graph they name.
 */
const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

export class Symbols {
  private text = '';
  private count = 0;
  /** Where each symbol's text starts and ends in `text`, and its hash, by symbol. */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private hashes = new Int32Array(64);
  private slots = new Int32Array(128).fill(EMPTY);
  /** The strings of symbols 0, 1, 2… cut so far. */
  private readonly cut: string[] = [];

  get size(): number {
    return this.count;
  }

  /** The symbol of `text.slice(start, end)`, made if new. A table reads names from one text. */
  intern(text: string, start: number, end: number): number {
    if (this.count === 0) this.text = text;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const symbol = this.slots[slot];
      if (symbol === EMPTY) return this.add(start, end, hash, slot);
      if (this.hashes[symbol] === hash && this.sameText(symbol, text, start, end)) return symbol;
    }
  }

  /** The symbol of `name`, if it has one. */
  find(name: string): number | undefined {
    const hash = hashOf(name);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const symbol = this.slots[slot];
      if (symbol === EMPTY) return undefined;
      if (this.hashes[symbol] === hash && this.sameText(symbol, name, 0, name.length))
        return symbol;
    }
  }

  /**
   * The text of a symbol. Symbols asked for in the order they were made (as the lexer does, each
   * as it is read) are cut once and share one string; any other is cut on each call.
   */
  name(symbol: number): string {
    const { cut } = this;
    if (symbol < cut.length) return cut[symbol];
    const name = this.text.slice(this.starts[symbol], this.ends[symbol]);
    if (symbol === cut.length) cut.push(name);
    return name;
  }

  /** Where the symbol's text first appeared. */
  startOf(symbol: number): number {
    return this.starts[symbol];
  }

  endOf(symbol: number): number {
    return this.ends[symbol];
  }

  private sameText(symbol: number, text: string, start: number, end: number): boolean {
    const from = this.starts[symbol];
    if (this.ends[symbol] - from !== end - start) return false;
    for (let i = start; i < end; i++)
      if (this.text.charCodeAt(from + i - start) !== text.charCodeAt(i)) return false;
    return true;
  }

  private add(start: number, end: number, hash: number, slot: number): number {
    const symbol = this.count++;
    if (symbol === this.hashes.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
      this.hashes = doubled(this.hashes);
    }
    this.starts[symbol] = start;
    this.ends[symbol] = end;
    this.hashes[symbol] = hash;
    this.slots[slot] = symbol;
    // At most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return symbol;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let symbol = 0; symbol < this.count; symbol++) {
      let slot = this.hashes[symbol] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = symbol;
    }
    this.slots = slots;
  }
}

/** A copy of `from` in twice the room. */
export function doubled(from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}

function hashOf(name: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** A whole number per symbol, 0 until set, for symbols made at any time. */
export class SymbolValues {
  private values = new Int32Array(64);

  get(symbol: number): number {
    return symbol < this.values.length ? this.values[symbol] : 0;
  }

  set(symbol: number, value: number): void {
    if (symbol >= this.values.length) {
      const values = new Int32Array(Math.max(symbol + 1, this.values.length * 2));
      values.set(this.values);
      this.values = values;
    }
    this.values[symbol] = value;
  }
}
