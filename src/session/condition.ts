import { type Expr, type LocalDiagnostic, printExpr, suggest } from '../scenario/index.js';
import type { Condition, NodeView } from './types.js';

type Num = (view: NodeView) => number | undefined;
type Result<T> = { fn: T } | { diagnostic: LocalDiagnostic };
/** Whether a name is one of the graph's nodes, to explain a node name written inside a condition. */
type IsNode = (name: string) => boolean;

const NUMBERS = ['data', 'grad'];
const PREDICATES = ['nonfinite', 'saturated'];
/** Every name a condition may use, for did-you-mean hints. */
export const CONDITION_NAMES: readonly string[] = [...NUMBERS, 'abs', ...PREDICATES];
const ALLOWED = 'A condition uses data, grad, abs(), nonfinite, saturated, < <= > >= == != and or.';
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
export function compileCondition(expr: Expr, isNode: IsNode): Result<Condition> {
  if (expr.kind === 'name' && PREDICATES.includes(expr.name)) {
    return { fn: expr.name === 'nonfinite' ? isNonFinite : isSaturated };
  }
  if (expr.kind === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
    const left = compileCondition(expr.left, isNode);
    if (!('fn' in left)) return left;
    const right = compileCondition(expr.right, isNode);
    if (!('fn' in right)) return right;
    const [l, r] = [left.fn, right.fn];
    return { fn: expr.op === 'and' ? (v) => l(v) && r(v) : (v) => l(v) || r(v) };
  }
  if (expr.kind === 'binary' && expr.op in COMPARISON) {
    const left = compileNumber(expr.left, isNode);
    if (!('fn' in left)) return left;
    const right = compileNumber(expr.right, isNode);
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
  // A misspelt name inside says more than "found a number".
  const number = compileNumber(expr, isNode);
  if (!('fn' in number)) return number;
  const text = printExpr(expr);
  return fail(
    expr,
    "Expected a comparison, 'nonfinite' or 'saturated', found a number.",
    `'${text}' alone is a number; compare it, as in ${text} > 1.`,
  );
}

function compileNumber(expr: Expr, isNode: IsNode): Result<Num> {
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return { fn: () => value };
    }
    case 'name':
      if (expr.name === 'data') return { fn: (v) => v.data };
      if (expr.name === 'grad') return { fn: (v) => v.grad };
      return fail(expr, ...nameProblem(expr.name, isNode));
    case 'ref':
      return fail(
        expr,
        'A condition reads its own node: use data or grad, not a node reference.',
        `To test node #${expr.id}, write #${expr.id}: data > 1.`,
      );
    case 'unary': {
      const operand = compileNumber(expr.operand, isNode);
      if (!('fn' in operand)) return operand;
      const f = operand.fn;
      return { fn: (v) => negate(f(v)) };
    }
    case 'binary': {
      const op = ARITHMETIC[expr.op];
      if (op === undefined) return fail(expr, 'Expected a number, found a comparison.');
      const left = compileNumber(expr.left, isNode);
      if (!('fn' in left)) return left;
      const right = compileNumber(expr.right, isNode);
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
        const hint =
          suggest(expr.callee, ['abs']) === undefined
            ? 'A condition may call only abs().'
            : "Did you mean 'abs'?";
        const callee = { start: expr.start, end: expr.calleeEnd };
        return fail(callee, `Unknown function '${expr.callee}'.`, hint);
      }
      if (expr.args.length !== 1) {
        return fail(expr, `Expected 1 argument to abs, found ${expr.args.length}.`);
      }
      const arg = compileNumber(expr.args[0], isNode);
      if (!('fn' in arg)) return arg;
      const f = arg.fn;
      return { fn: (v) => abs(f(v)) };
    }
  }
}

/** The message and hint for a name that is not a number in a condition. */
function nameProblem(name: string, isNode: IsNode): [message: string, hint: string] {
  if (PREDICATES.includes(name)) {
    return [
      `Expected a number, found the predicate '${name}'.`,
      `'${name}' is true or false: use it alone or with and/or.`,
    ];
  }
  if (name === 'abs')
    return [`Expected a number, found the function 'abs'.`, 'Call it: abs(grad).'];
  const message = `Unknown name '${name}'.`;
  if (isNode(name)) {
    return [
      message,
      `'${name}' is a node; a condition reads its own node, as in ${name}: data > 1.`,
    ];
  }
  const close = suggest(name, CONDITION_NAMES);
  return [message, close === undefined ? ALLOWED : `Did you mean '${close}'?`];
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

function fail<T>(expr: Pick<Expr, 'start' | 'end'>, message: string, hintText?: string): Result<T> {
  const diagnostic: LocalDiagnostic = { start: expr.start, end: expr.end, message };
  return { diagnostic: hintText === undefined ? diagnostic : { ...diagnostic, hint: hintText } };
}
