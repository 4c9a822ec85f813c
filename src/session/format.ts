export const DEFAULT_PRECISION = 5;

/**
 * The one number format of narration and transcripts, `precision` significant digits: plain for
 * 1e-3 <= |x| < 1e6, exponent otherwise (`7.3730e-5`); a value that fits in `precision` digits is
 * shown exactly (`6`, `0.5`), a rounded one keeps its trailing zeros (`12.000`). NaN, Infinity.
 */
export function formatNumber(x: number, precision = DEFAULT_PRECISION): string {
  throw new Error(`TODO ${x} ${precision}`);
}

/** formatNumber, or `?` for an unknown value. */
export function formatValue(x: number | undefined, precision = DEFAULT_PRECISION): string {
  return x === undefined ? '?' : formatNumber(x, precision);
}
