/**
 * The binary operator table that drives the parser's precedence-climbing loop and the printer's
 * parentheses: one entry per operator, Python's levels.
 */
import type { BinaryOp } from './ast.js';

export interface OperatorRule {
  /** Higher binds tighter. */
  readonly precedence: number;
  readonly assoc: 'left' | 'right' | 'none';
  /** Comparisons and `and`/`or` exist only in breakpoint conditions. */
  readonly conditionOnly: boolean;
}

const rule = (precedence: number, assoc: OperatorRule['assoc'], conditionOnly = false) => ({
  precedence,
  assoc,
  conditionOnly,
});

/** Python's levels: `or` < `and` < comparisons (which do not chain) < `+ -` < `* /` < `**`. */
export const BINARY_OPERATORS: ReadonlyMap<BinaryOp, OperatorRule> = new Map([
  ['or', rule(1, 'left', true)],
  ['and', rule(2, 'left', true)],
  ...(['<', '<=', '>', '>=', '==', '!='] as const).map(
    (op) => [op, rule(3, 'none', true)] as const,
  ),
  ['+', rule(4, 'left')],
  ['-', rule(4, 'left')],
  ['*', rule(5, 'left')],
  ['/', rule(5, 'left')],
  ['**', rule(7, 'right')],
]);
/** Between `* /` and `**`: `-x ** 2` is `-(x ** 2)`, `-x * y` is `(-x) * y`. */
export const UNARY_MINUS_PRECEDENCE = 6;
