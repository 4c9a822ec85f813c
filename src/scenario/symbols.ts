/**
 * Interned names: each distinct name gets a small integer, and its text is cut from the source once.
 * An open-addressing table over typed arrays, hashing the characters in place: with a million names,
 * a JS Map keyed by freshly cut strings spends most of a load hashing and probing.
 */
const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

export class Symbols {
  /** The text of each symbol, by symbol. */
  readonly names: string[] = [];
  private hashes = new Int32Array(64);
  private slots = new Int32Array(128).fill(EMPTY);

  get size(): number {
    return this.names.length;
  }

  /** The symbol of `text.slice(start, end)`, made if new. */
  intern(text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const symbol = this.slots[slot];
      if (symbol === EMPTY) return this.add(text.slice(start, end), hash, slot);
      if (this.hashes[symbol] === hash && sameText(this.names[symbol], text, start, end))
        return symbol;
    }
  }

  /** The symbol of `name`, if it has one. */
  find(name: string): number | undefined {
    const hash = hashOf(name);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const symbol = this.slots[slot];
      if (symbol === EMPTY) return undefined;
      if (this.hashes[symbol] === hash && this.names[symbol] === name) return symbol;
    }
  }

  private add(name: string, hash: number, slot: number): number {
    const symbol = this.names.length;
    this.names.push(name);
    if (symbol === this.hashes.length) {
      const hashes = new Int32Array(symbol * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[symbol] = hash;
    this.slots[slot] = symbol;
    // At most half full, so probes stay short.
    if (this.names.length * 2 > this.slots.length) this.rehash();
    return symbol;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let symbol = 0; symbol < this.names.length; symbol++) {
      let slot = this.hashes[symbol] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = symbol;
    }
    this.slots = slots;
  }
}

function hashOf(name: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), FNV_PRIME);
  return hash;
}

function sameText(name: string, text: string, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i++)
    if (name.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
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
