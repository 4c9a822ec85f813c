/** Helpers for tests that compare doubles by ulps and draw reproducible random values. */

const buffer = new DataView(new ArrayBuffer(8));

/** The double's position on the number line of doubles (monotonic, +0 and -0 both 0). */
function ordinal(x: number): bigint {
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/**
 * How many doubles lie between `got` and `want` (0 when equal, both NaN, or the same infinity);
 * Infinity when exactly one is NaN.
 */
export function ulpDistance(got: number, want: number): number {
  if (Number.isNaN(got) || Number.isNaN(want)) {
    return Number.isNaN(got) && Number.isNaN(want) ? 0 : Number.POSITIVE_INFINITY;
  }
  const d = ordinal(got) - ordinal(want);
  return Number(d < 0n ? -d : d);
}

/** A small seeded generator (mulberry32): the same seed draws the same values on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
