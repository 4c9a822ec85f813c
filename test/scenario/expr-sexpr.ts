/** A tree's shape as an S-expression, without positions: `(* (neg x) 2)`. For small test trees. */
import type { Expr } from '../../src/scenario/expression/index.js';

export function sexpr(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return expr.raw;
    case 'name':
      return expr.name;
    case 'ref':
      return `#${expr.id}`;
    case 'unary':
      return `(neg ${sexpr(expr.operand)})`;
    case 'binary':
      return `(${expr.op} ${sexpr(expr.left)} ${sexpr(expr.right)})`;
    case 'call':
      return `(${[expr.callee, ...expr.args.map(sexpr)].join(' ')})`;
  }
}
