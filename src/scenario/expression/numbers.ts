/**
 * The scenario's rule for a number as written, shared by graph blocks and `--set`: digits with at
 * most one decimal point and an optional exponent (no hex, no binary, no Infinity); a value too
 * large for a double is an error, one too small to be told from 0 a warning (it becomes 0).
 */
export const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface NumberProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint: string;
}

export interface ReadNumber {
  /** NaN when the text is not a number; 0 for one that underflows. */
  readonly value: number;
  readonly problem?: NumberProblem;
}

/** An unsigned number literal as the scenario reads it. */
export function readNumber(raw: string): ReadNumber {
  if (!NUMBER.test(raw)) {
    const message = `Invalid number '${raw}'.`;
    const hint =
      'A number is digits with at most one decimal point and an optional exponent, as in 2, 0.5, .5 or 1e-3.';
    return { value: Number.NaN, problem: { severity: 'error', message, hint } };
  }
  const value = Number(raw);
  if (value === Number.POSITIVE_INFINITY) {
    const message = `Number '${raw}' is too large (it would be Infinity).`;
    return {
      value,
      problem: { severity: 'error', message, hint: 'The largest number is about 1.8e308.' },
    };
  }
  if (value === 0 && /[1-9]/.test(raw.split(/[eE]/)[0])) {
    const message = `Number '${raw}' is too small: it becomes 0.`;
    const hint = 'The smallest positive number is about 5e-324.';
    return { value, problem: { severity: 'warning', message, hint } };
  }
  return { value };
}
