/**
 * Canonical text of expressions and statements, with the fewest parentheses that re-parse to the
 * same tree. Built bottom-up over `postOrder`, so deep trees print without recursion.
 */
import type { Expr, Statement } from './ast.js';
import { BINARY_OPERATORS, UNARY_MINUS_PRECEDENCE } from './operators.js';
import { postOrder } from './tree.js';

/** Binds tighter than any operator: names, numbers, refs, calls. */
const ATOM = Number.POSITIVE_INFINITY;

interface Printed {
  readonly text: string;
  readonly precedence: number;
}

export function printExpr(expr: Expr): string {
  const printed: Printed[] = [];
  for (const node of postOrder(expr)) printed.push(printNode(node, printed));
  return printed[0].text;
}

/** One statement a line; comments and blank lines are not kept. */
export function printProgram(statements: readonly Statement[]): string {
  return statements.map((s) => `${s.name} = ${printExpr(s.expr)}\n`).join('');
}

/** Prints `expr` from its children's texts, which are on top of `printed`. */
function printNode(expr: Expr, printed: Printed[]): Printed {
  switch (expr.kind) {
    case 'number':
      return {
        text: expr.raw,
        precedence: expr.raw.startsWith('-') ? UNARY_MINUS_PRECEDENCE : ATOM,
      };
    case 'name':
      return { text: expr.name, precedence: ATOM };
    case 'ref':
      return { text: `#${expr.id}`, precedence: ATOM };
    case 'call': {
      const args = printed.splice(printed.length - expr.args.length).map((arg) => arg.text);
      return { text: `${expr.callee}(${args.join(', ')})`, precedence: ATOM };
    }
    case 'unary': {
      const operand = printed.pop()!;
      return {
        text: `-${wrapIf(operand, operand.precedence < UNARY_MINUS_PRECEDENCE)}`,
        precedence: UNARY_MINUS_PRECEDENCE,
      };
    }
    case 'binary': {
      const right = printed.pop()!;
      const left = printed.pop()!;
      const { precedence, assoc } = BINARY_OPERATORS.get(expr.op)!;
      const leftWraps =
        left.precedence < precedence || (left.precedence === precedence && assoc !== 'left');
      // The right operand of ** may carry a unary minus unparenthesized: 2 ** -1.
      const rightWraps =
        !(expr.op === '**' && right.precedence === UNARY_MINUS_PRECEDENCE) &&
        (right.precedence < precedence || (right.precedence === precedence && assoc !== 'right'));
      return {
        text: `${wrapIf(left, leftWraps)} ${expr.op} ${wrapIf(right, rightWraps)}`,
        precedence,
      };
    }
  }
}

const wrapIf = (printed: Printed, wrap: boolean): string =>
  wrap ? `(${printed.text})` : printed.text;
