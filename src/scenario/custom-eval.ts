/** A custom op's expressions as closures over (a, b, out): evaluated without eval. */
import { FUNCTIONS } from '../engine/index.js';
import type { Expr } from './expression/index.js';

/** (first argument, second argument or 0, the op's result) -> value. */
export type Evaluator = (a: number, b: number, out: number) => number;

/** The forward evaluators of the ops an expression may call, by name. */
export type Callees = ReadonlyMap<string, { readonly forward: Evaluator }>;

/** A closure over the tree (no eval); depth is bounded by the parser's nesting limit. */
export function evaluator(expr: Expr, args: readonly string[], defs: Callees): Evaluator {
  switch (expr.kind) {
    case 'number': {
      const v = expr.value;
      return () => v;
    }
    case 'name': {
      const i = args.indexOf(expr.name);
      if (i === 0) return (a) => a;
      if (i === 1) return (_a, b) => b;
      return (_a, _b, out) => out;
    }
    case 'unary': {
      const f = evaluator(expr.operand, args, defs);
      return (a, b, out) => -f(a, b, out);
    }
    case 'binary': {
      const l = evaluator(expr.left, args, defs);
      const r = evaluator(expr.right, args, defs);
      return binary(expr.op, l, r);
    }
    case 'call': {
      const fs = expr.args.map((arg) => evaluator(arg, args, defs));
      const builtin = FUNCTIONS.get(expr.callee);
      const fn =
        builtin !== undefined
          ? (x: number, y: number) => builtin.forward(x, y, 0)
          : defs.get(expr.callee)!.forward;
      const g = fs[1] ?? (() => 0);
      return (a, b, out) => fn(fs[0](a, b, out), g(a, b, out), Number.NaN);
    }
    case 'ref':
      return () => Number.NaN;
  }
}

function binary(op: string, l: Evaluator, r: Evaluator): Evaluator {
  switch (op) {
    case '+':
      return (a, b, o) => l(a, b, o) + r(a, b, o);
    case '-':
      return (a, b, o) => l(a, b, o) - r(a, b, o);
    case '*':
      return (a, b, o) => l(a, b, o) * r(a, b, o);
    case '/':
      return (a, b, o) => l(a, b, o) / r(a, b, o);
    default:
      return (a, b, o) => l(a, b, o) ** r(a, b, o);
  }
}
