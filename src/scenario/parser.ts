/**
 * Graph statements (`name = expression`, one a line) and breakpoint conditions. Binary operators go
 * through one precedence-climbing loop driven by `BINARY_OPERATORS` (operators.ts); operands and
 * pending operators live on explicit stacks, so 20,000 nested parentheses or a 100,000-term chain
 * cost heap, not call stack. A fault is reported as `Expected X, found Y.` (syntax-errors.ts) and
 * parsing resumes on the next line.
 */
import type { BinaryOp, Expr, LocalDiagnostic, Statement } from './ast.js';
import { type Token, tokenize } from './lexer.js';
import { BINARY_OPERATORS, type OperatorRule, UNARY_MINUS_PRECEDENCE } from './operators.js';
import {
  CHAINED_COMPARISON_HINT,
  expected,
  expectedOperator,
  isKeyword,
  isPunct,
  type Mode,
  operandHint,
  STATEMENT_HINT,
} from './syntax-errors.js';
import { depthOf } from './tree.js';

export const MAX_DIAGNOSTICS = 50;
/**
 * Conditions are short, and evaluators often walk them recursively: a tree deeper than this is
 * refused. (Graph statements have no such limit; everything that walks them is iterative.)
 */
export const MAX_CONDITION_DEPTH = 500;

type Pending =
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly rule: OperatorRule }
  | { readonly kind: 'unary'; readonly start: number }
  | { readonly kind: 'group'; readonly open: Token }
  | { readonly kind: 'call'; readonly callee: Token; readonly open: Token; readonly base: number };

type ExpressionResult =
  | { readonly expr: Expr; readonly end: number; readonly pos: number }
  /** `error` is undefined when the lexer already reported the fault. */
  | { readonly expr?: undefined; readonly error?: LocalDiagnostic; readonly pos: number };

export function parseProgram(text: string): {
  statements: Statement[];
  diagnostics: LocalDiagnostic[];
} {
  const lexed = tokenize(text, { newlines: true });
  const { tokens } = lexed;
  const statements: Statement[] = [];
  const errors: LocalDiagnostic[] = [];
  let pos = 0;
  while (tokens[pos].kind !== 'eof') {
    if (tokens[pos].kind === 'newline') {
      pos++;
      continue;
    }
    const name = tokens[pos];
    const equals = tokens[pos + 1];
    let result: ExpressionResult;
    if (name.kind !== 'name') {
      result = failAt(pos, expected('a name', name, 'program', STATEMENT_HINT));
    } else if (equals.kind !== 'punct' || equals.text !== '=') {
      result = failAt(
        pos + 1,
        expected(`'=' after '${name.text}'`, equals, 'program', STATEMENT_HINT),
      );
    } else {
      result = parseExpression(tokens, pos + 2, 'program');
    }
    if (result.expr !== undefined) {
      statements.push({
        name: name.text,
        nameEnd: name.end,
        start: name.start,
        end: result.end,
        expr: result.expr,
      });
    } else if (result.error !== undefined) {
      errors.push(result.error);
    }
    pos = result.pos;
    while (tokens[pos].kind !== 'newline' && tokens[pos].kind !== 'eof') pos++;
  }
  return { statements, diagnostics: mergeByStart(lexed.diagnostics, errors) };
}

/** One expression with comparisons and `and`/`or`; names and calls are the caller's to check. */
export function parseCondition(text: string): { expr?: Expr; diagnostics: LocalDiagnostic[] } {
  const { tokens, diagnostics } = tokenize(text, { newlines: false });
  const result = parseExpression(tokens, 0, 'condition');
  const { expr } = result;
  if (expr !== undefined && depthOf(expr) > MAX_CONDITION_DEPTH) {
    const message = `Expressions nest too deeply (more than ${MAX_CONDITION_DEPTH} levels).`;
    return { diagnostics: [{ start: expr.start, end: expr.end, message }] };
  }
  if (expr !== undefined) return { expr, diagnostics };
  const errors = result.error === undefined ? [] : [result.error];
  return { diagnostics: mergeByStart(diagnostics, errors) };
}

function parseExpression(tokens: readonly Token[], from: number, mode: Mode): ExpressionResult {
  // Each operand carries its outer extent: a parenthesized operand's parentheses belong to the
  // parent's span, but not to the operand's own.
  const operands: Expr[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const pending: Pending[] = [];
  const pushOperand = (expr: Expr, start = expr.start, end = expr.end): void => {
    operands.push(expr);
    starts.push(start);
    ends.push(end);
  };
  const precedenceOf = (p: Pending | undefined): number =>
    p?.kind === 'binary' ? p.rule.precedence : p?.kind === 'unary' ? UNARY_MINUS_PRECEDENCE : 0;
  /** Applies pending operators that bind tighter than `above` (or as tight, when `inclusive`). */
  const reduce = (above: number, inclusive: boolean): void => {
    for (;;) {
      const top = pending[pending.length - 1];
      const precedence = precedenceOf(top);
      if (precedence === 0 || precedence < above || (precedence === above && !inclusive)) return;
      pending.pop();
      const end = ends.pop()!;
      const right = operands.pop()!;
      starts.pop();
      if (top.kind === 'unary') {
        pushOperand({ kind: 'unary', op: '-', operand: right, start: top.start, end });
      } else if (top.kind === 'binary') {
        ends.pop();
        const start = starts.pop()!;
        const left = operands.pop()!;
        pushOperand({ kind: 'binary', op: top.op, left, right, start, end });
      }
    }
  };
  const fail = (pos: number, error?: LocalDiagnostic): ExpressionResult => failAt(pos, error);

  let expectOperand = true;
  let callJustOpened = false;
  for (let pos = from; ; pos++) {
    const token = tokens[pos];
    if (token.kind === 'invalid') return fail(pos);
    const emptyCall = callJustOpened && isPunct(token, ')');
    callJustOpened = false;
    if (expectOperand) {
      const next = tokens[pos + 1];
      if (token.kind === 'number') {
        pushOperand({ kind: 'number', value: token.value, raw: token.text, ...span(token) });
      } else if (token.kind === 'ref') {
        pushOperand({ kind: 'ref', id: token.value, ...span(token) });
      } else if (token.kind === 'name' && !(mode === 'condition' && isKeyword(token.text))) {
        if (isPunct(next, '(')) {
          pending.push({ kind: 'call', callee: token, open: next, base: operands.length });
          callJustOpened = true;
          pos++;
          continue;
        }
        pushOperand({ kind: 'name', name: token.text, ...span(token) });
      } else if (isPunct(token, '-')) {
        pending.push({ kind: 'unary', start: token.start });
        continue;
      } else if (isPunct(token, '(')) {
        pending.push({ kind: 'group', open: token });
        continue;
      } else if (emptyCall) {
        closeCall(pending.pop() as Extract<Pending, { kind: 'call' }>, token);
      } else {
        return fail(pos, expected('an expression', token, mode, operandHint(token)));
      }
      expectOperand = false;
      continue;
    }
    const op = binaryOperator(token, mode);
    if (op !== undefined) {
      const { precedence, assoc } = op.rule;
      reduce(precedence, assoc === 'left');
      const top = pending[pending.length - 1];
      if (assoc === 'none' && top?.kind === 'binary' && top.rule.precedence === precedence) {
        return fail(pos, expected("'and' or 'or'", token, mode, CHAINED_COMPARISON_HINT));
      }
      pending.push({ kind: 'binary', op: op.op, rule: op.rule });
      expectOperand = true;
      continue;
    }
    if (isPunct(token, ')') || isPunct(token, ',')) {
      reduce(1, true);
      const top = pending[pending.length - 1];
      if (isPunct(token, ',')) {
        if (top?.kind !== 'call') return fail(pos, expectedOperator(token, mode));
        expectOperand = true;
      } else if (top?.kind === 'group') {
        pending.pop();
        starts[starts.length - 1] = top.open.start;
        ends[ends.length - 1] = token.end;
      } else if (top?.kind === 'call') {
        pending.pop();
        closeCall(top, token);
      } else {
        return fail(pos, expectedOperator(token, mode, "This ')' has no matching '('."));
      }
      continue;
    }
    if (token.kind !== 'newline' && token.kind !== 'eof') {
      return fail(pos, expectedOperator(token, mode));
    }
    reduce(1, true);
    const unclosed = pending.find((p) => p.kind === 'group' || p.kind === 'call');
    if (unclosed !== undefined) {
      const open = (unclosed as { open: Token }).open;
      const error = expected("')' to close '('", token, mode);
      return fail(pos, {
        ...error,
        start: open.start,
        end: open.end,
        related: [{ start: token.start, end: token.end, message: 'The expression ends here.' }],
      });
    }
    return { expr: operands[0], end: ends[0], pos };
  }

  function closeCall(call: Extract<Pending, { kind: 'call' }>, close: Token): void {
    const args = operands.splice(call.base);
    starts.splice(call.base);
    ends.splice(call.base);
    const { callee } = call;
    pushOperand({
      kind: 'call',
      callee: callee.text,
      calleeEnd: callee.end,
      args,
      start: callee.start,
      end: close.end,
    });
  }
}

const span = (token: Token) => ({ start: token.start, end: token.end });

function binaryOperator(
  token: Token,
  mode: Mode,
): { op: BinaryOp; rule: OperatorRule } | undefined {
  if (token.kind !== 'punct' && token.kind !== 'name') return undefined;
  const op = token.text as BinaryOp;
  const found = BINARY_OPERATORS.get(op);
  if (found === undefined || (found.conditionOnly && mode !== 'condition')) return undefined;
  return { op, rule: found };
}

function failAt(pos: number, error?: LocalDiagnostic): ExpressionResult {
  return error === undefined ? { pos } : { pos, error };
}

/** Two lists already sorted by start, merged and cut to `MAX_DIAGNOSTICS`. */
function mergeByStart(a: readonly LocalDiagnostic[], b: readonly LocalDiagnostic[]) {
  const merged: LocalDiagnostic[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < MAX_DIAGNOSTICS && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  return merged;
}
