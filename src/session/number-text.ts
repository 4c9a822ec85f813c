export const DEFAULT_PRECISION = 5;

/**
 * The one number format of narration and transcripts, `precision` significant digits: plain for
 * 1e-3 <= |x| < 1e6, exponent otherwise (`7.3730e-5`). A value that fits in `precision` digits is
 * shown exactly (`6`, `0.5`, `1e-7`); a rounded one keeps its trailing zeros (`12.000`), so a
 * reader can tell 12.000073 from 12. NaN, Infinity and -0 are shown as such.
 */
export function formatNumber(x: number, precision = DEFAULT_PRECISION): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const digits = Math.max(1, Math.min(100, Math.trunc(precision)));
  const shortest = x.toExponential();
  const exact = significantDigits(shortest) <= digits;
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e6) {
    if (exact) return String(x);
    const plain = x.toPrecision(digits);
    if (!plain.includes('e')) return plain;
  }
  return (exact ? shortest : x.toExponential(digits - 1)).replace('e+', 'e');
}

/** How every text output shows a value not known yet (JSON has null). */
export const UNKNOWN = '?';

/** formatNumber, or UNKNOWN for a value not known yet. */
export function formatValue(x: number | null | undefined, precision = DEFAULT_PRECISION): string {
  return x === undefined || x === null ? UNKNOWN : formatNumber(x, precision);
}

/** Digits of the mantissa of an exponent form (`-7.373e-5` -> 4). */
function significantDigits(exponential: string): number {
  const mantissa = exponential.slice(0, exponential.indexOf('e'));
  return mantissa.replace(/[-.]/g, '').length;
}
