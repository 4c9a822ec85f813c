import { type Expr, type LocalDiagnostic, suggest } from '../scenario/index.js';
import type { Condition, NodeView } from './types.js';

type Num = (view: NodeView) => number | undefined;
type Result<T> = { fn: T } | { diagnostic: LocalDiagnostic };

const NUMBERS = ['data', 'grad'];
const PREDICATES = ['nonfinite', 'saturated'];
/** tanh saturates: its local derivative 1 - tanh² is below 0.0199 past this. */
export const SATURATION = 0.99;

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '**': (a, b) => a ** b,
};
const COMPARISON: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/**
 * Turns a parsed condition into a closure over one node's view (no eval). An unknown value makes
 * every comparison that reads it false, so a condition cannot fire before its values exist.
 */
export function compileCondition(expr: Expr): Result<Condition> {
  if (expr.kind === 'name' && PREDICATES.includes(expr.name)) {
    return { fn: expr.name === 'nonfinite' ? isNonFinite : isSaturated };
  }
  if (expr.kind === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
    const left = compileCondition(expr.left);
    if (!('fn' in left)) return left;
    const right = compileCondition(expr.right);
    if (!('fn' in right)) return right;
    const [l, r] = [left.fn, right.fn];
    return { fn: expr.op === 'and' ? (v) => l(v) && r(v) : (v) => l(v) || r(v) };
  }
  if (expr.kind === 'binary' && expr.op in COMPARISON) {
    const left = compileNumber(expr.left);
    if (!('fn' in left)) return left;
    const right = compileNumber(expr.right);
    if (!('fn' in right)) return right;
    const [l, r, compare] = [left.fn, right.fn, COMPARISON[expr.op]];
    return {
      fn: (v) => {
        const a = l(v);
        const b = r(v);
        return a !== undefined && b !== undefined && compare(a, b);
      },
    };
  }
  return fail(expr, 'Expected a comparison, `nonfinite` or `saturated`, found a number.', hint());
}

function compileNumber(expr: Expr): Result<Num> {
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return { fn: () => value };
    }
    case 'name':
      if (expr.name === 'data') return { fn: (v) => v.data };
      if (expr.name === 'grad') return { fn: (v) => v.grad };
      if (PREDICATES.includes(expr.name)) {
        return fail(expr, `Expected a number, found the predicate ${expr.name}.`);
      }
      return fail(expr, `Unknown name ${expr.name}.`, didYouMean(expr.name) ?? hint());
    case 'ref':
      return fail(expr, 'A condition reads its own node: use data or grad, not a node reference.');
    case 'unary': {
      const operand = compileNumber(expr.operand);
      if (!('fn' in operand)) return operand;
      const f = operand.fn;
      return { fn: (v) => negate(f(v)) };
    }
    case 'binary': {
      const op = ARITHMETIC[expr.op];
      if (op === undefined) return fail(expr, 'Expected a number, found a comparison.');
      const left = compileNumber(expr.left);
      if (!('fn' in left)) return left;
      const right = compileNumber(expr.right);
      if (!('fn' in right)) return right;
      const [l, r] = [left.fn, right.fn];
      return {
        fn: (v) => {
          const a = l(v);
          const b = r(v);
          return a === undefined || b === undefined ? undefined : op(a, b);
        },
      };
    }
    case 'call': {
      if (expr.callee !== 'abs') {
        return fail(expr, `Unknown function ${expr.callee}.`, 'conditions may call abs()');
      }
      if (expr.args.length !== 1) {
        return fail(expr, `Expected 1 argument to abs, found ${expr.args.length}.`);
      }
      const arg = compileNumber(expr.args[0]);
      if (!('fn' in arg)) return arg;
      const f = arg.fn;
      return { fn: (v) => abs(f(v)) };
    }
  }
}

const negate = (x: number | undefined) => (x === undefined ? undefined : -x);
const abs = (x: number | undefined) => (x === undefined ? undefined : Math.abs(x));

function isNonFinite(v: NodeView): boolean {
  return (
    (v.data !== undefined && !Number.isFinite(v.data)) ||
    (v.grad !== undefined && !Number.isFinite(v.grad))
  );
}

function isSaturated(v: NodeView): boolean {
  return v.isTanh && v.data !== undefined && Math.abs(v.data) > SATURATION;
}

function didYouMean(name: string): string | undefined {
  const similar = suggest(name, [...NUMBERS, ...PREDICATES]);
  return similar === undefined ? undefined : `did you mean ${similar}?`;
}

function hint(): string {
  return `conditions use ${[...NUMBERS, ...PREDICATES].join(', ')}, abs(), < <= > >= == != and or`;
}

function fail<T>(expr: Expr, message: string, hintText?: string): Result<T> {
  const diagnostic: LocalDiagnostic = { start: expr.start, end: expr.end, message };
  return { diagnostic: hintText === undefined ? diagnostic : { ...diagnostic, hint: hintText } };
}
