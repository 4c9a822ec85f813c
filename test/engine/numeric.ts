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

/** Values at the edges of the doubles: 1e±300, 1e-160, subnormals, 0, the largest, where exp overflows. */
export const EXTREMES = [
  0, 1e300, 1e-300, 1e-160, 1e200, 1e-200, 3e-200, 5e-324, 1e-310, 2.2250738585072014e-308,
  1.7976931348623157e308, 5.794077388685309e-13, 1, 0.5, 2, 19, 40, 400, 710, 745,
].flatMap((x) => (x === 0 ? [0] : [x, -x]));

/** Exponents of `**` tested at those values. */
export const EXPONENTS = [2, 3, -1, -2, 0.5, -0.5, 1.5, 0];

/** Random doubles spread evenly over sign and binary exponent (-1074 … 1023). */
export function randomValues(count: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const sign = next() < 0.5 ? -1 : 1;
    return sign * (1 + next()) * 2 ** Math.floor(-1074 + next() * 2098);
  });
}
