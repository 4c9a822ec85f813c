/**
 * Numbers in one narrated line are shown so that the line checks by hand: the result keeps the
 * chosen precision and the operands get more digits until the shown operands, put through the
 * line's arithmetic, round to the shown result.
 */

/** Past this many digits every double is shown exactly, so more cannot help. */
export const MAX_DIGITS = 17;

/** One unit in the last digit of a formatted number (`7.3730e-5` -> 1e-9, `12` -> 1). */
export function lastUnit(text: string): number {
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const point = mantissa.indexOf('.');
  const decimals = point < 0 ? 0 : mantissa.length - point - 1;
  return 10 ** ((e < 0 ? 0 : Number(text.slice(e + 1))) - decimals);
}

/** Whether `value` (computed from shown operands) rounds to `shown`: within half its last digit. */
export function agrees(value: number, shown: string): boolean {
  const target = Number(shown);
  if (value === target) return true;
  if (!Number.isFinite(target) || !Number.isFinite(value)) return Object.is(value, target);
  // A hair over half a unit: the unit is a rounded power of ten, the sum a rounded double.
  return Math.abs(value - target) <= 0.5 * lastUnit(shown) * (1 + 1e-6);
}
