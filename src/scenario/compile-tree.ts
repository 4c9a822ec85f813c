/** The compiler's view of an expression tree: which nodes become graph nodes, and literals. */
import type { Expr } from './expression/index.js';
import { emptied } from './expression/index.js';

/**
 * The nodes of `root` that are built, children first and siblings left to right, into `order`
 * (its arrays are reused from one statement to the next): a negative literal is one constant, and
 * the exponent of `**` is no node.
 */
export function compiledPostOrder(root: Expr, { order, stack }: Walk): Expr[] {
  emptied(order);
  stack.push(root);
  // Parents before children, the right child first; the reverse is the post-order.
  while (stack.length > 0) {
    const expr = stack.pop()!;
    order.push(expr);
    if (expr.kind === 'unary') {
      if (expr.operand.kind !== 'number') stack.push(expr.operand);
    } else if (expr.kind === 'binary') {
      stack.push(expr.left);
      if (expr.op !== '**') stack.push(expr.right);
    } else if (expr.kind === 'call') {
      for (const arg of expr.args) stack.push(arg);
    }
  }
  return order.reverse();
}

export interface Walk {
  readonly order: Expr[];
  readonly stack: Expr[];
}

/** `2`, `-2`: a signed number literal (parentheses are not in the tree, so `(-2)` too). */
export function literalValue(expr: Expr): number | undefined {
  if (expr.kind === 'number') return expr.value;
  if (expr.kind === 'unary' && expr.operand.kind === 'number') return -expr.operand.value;
  return undefined;
}
