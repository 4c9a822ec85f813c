/** Walks over expression trees without recursion, so that any depth works. */
import type { Expr } from './ast.js';

function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'call':
      return expr.args;
    default:
      return [];
  }
}

/**
 * The nodes of an expression, every child before its parent and siblings left to right. `children`
 * may leave out subtrees a caller treats as one unit (a negative literal, the exponent of `**`).
 */
export function postOrder(root: Expr, children = childrenOf): Expr[] {
  const order: Expr[] = [];
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const expr = stack.pop()!;
    order.push(expr);
    for (const child of children(expr)) stack.push(child);
  }
  return order.reverse();
}

/** The number of levels of a tree (a leaf is 1). */
export function depthOf(root: Expr): number {
  const depth = new Map<Expr, number>();
  for (const expr of postOrder(root)) {
    let deepest = 0;
    for (const child of childrenOf(expr)) deepest = Math.max(deepest, depth.get(child)!);
    depth.set(expr, deepest + 1);
  }
  return depth.get(root)!;
}
