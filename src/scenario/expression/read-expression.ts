/**
 * One expression, read by one precedence-climbing loop driven by `BINARY_OPERATORS`
 * (operators.ts). Operands and pending operators live on explicit stacks, so 20,000 nested
 * parentheses or a 100,000-term chain cost heap, not call stack.
 */
import type { BinaryOp, Expr, LocalDiagnostic } from './ast.js';
import type { Lexer, Token } from './lexer.js';
import { BINARY_OPERATORS, type OperatorRule, UNARY_MINUS_PRECEDENCE } from './operators.js';
import { emptied } from './stacks.js';
import {
  CHAINED_COMPARISON_HINT,
  expected,
  expectedOperator,
  isKeyword,
  isPunct,
  type Mode,
  operandHint,
} from './syntax-errors.js';

type Pending =
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly rule: OperatorRule }
  | { readonly kind: 'unary'; readonly start: number }
  | { readonly kind: 'group'; readonly open: Token }
  | { readonly kind: 'call'; readonly callee: Token; readonly open: Token; readonly base: number };

export type ExpressionResult =
  | { readonly expr: Expr; readonly end: number }
  /** `error` is undefined when the lexer already reported the fault. */
  | { readonly expr?: undefined; readonly error?: LocalDiagnostic };

/**
 * Parses one expression from the lexer's current token to the end of its line (or input), leaving
 * the lexer on the token that ended it or on the fault. Its stacks are reused from one statement to
 * the next.
 */
export class ExpressionParser {
  // Each operand carries its outer extent: a parenthesized operand's parentheses belong to the
  // parent's span, but not to the operand's own.
  private readonly operands: Expr[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly pending: Pending[] = [];

  constructor(
    private readonly lexer: Lexer,
    private readonly mode: Mode,
  ) {}

  private expectOperand = true;
  private callJustOpened = false;

  parse(): ExpressionResult {
    const { lexer, mode } = this;
    emptied(this.operands);
    emptied(this.starts);
    emptied(this.ends);
    emptied(this.pending);
    this.expectOperand = true;
    this.callJustOpened = false;
    for (let token = lexer.token; ; token = lexer.advance()) {
      if (token.kind === 'invalid') return {};
      const emptyCall = this.callJustOpened && isPunct(token, ')');
      this.callJustOpened = false;
      let fault: ExpressionResult | undefined;
      if (this.expectOperand) {
        fault = this.readOperand(token, emptyCall);
      } else {
        const op = binaryOperator(token, mode);
        if (op !== undefined) fault = this.readOperator(op, token);
        else if (isPunct(token, ')') || isPunct(token, ',')) fault = this.readCloseOrComma(token);
        else return this.finish(token);
      }
      if (fault !== undefined) return fault;
    }
  }

  /** An operand, or a prefix of one (`-`, `(`, `f(`) after which an operand is still expected. */
  private readOperand(token: Token, emptyCall: boolean): ExpressionResult | undefined {
    const { lexer, mode, pending } = this;
    if (token.kind === 'number') {
      const { value, text: raw, start, end } = token;
      this.push({ kind: 'number', value, raw, start, end });
    } else if (token.kind === 'ref') {
      this.push({ kind: 'ref', id: token.value, start: token.start, end: token.end });
    } else if (token.kind === 'name' && !(mode === 'condition' && isKeyword(token.text))) {
      const next = lexer.lookahead();
      if (isPunct(next, '(')) {
        pending.push({ kind: 'call', callee: token, open: next, base: this.operands.length });
        this.callJustOpened = true;
        lexer.advance();
        return undefined;
      }
      const { text: name, value: symbol, start, end } = token;
      this.push({ kind: 'name', name, symbol, start, end });
    } else if (isPunct(token, '-')) {
      pending.push({ kind: 'unary', start: token.start });
      return undefined;
    } else if (isPunct(token, '(')) {
      pending.push({ kind: 'group', open: token });
      return undefined;
    } else if (emptyCall) {
      this.closeCall(pending.pop() as Extract<Pending, { kind: 'call' }>, token);
    } else {
      return { error: expected('an expression', token, mode, operandHint(token)) };
    }
    this.expectOperand = false;
    return undefined;
  }

  /** A binary operator: what binds tighter before it is applied first. */
  private readOperator(op: PendingBinary, token: Token): ExpressionResult | undefined {
    const { pending } = this;
    const { precedence, assoc } = op.rule;
    this.reduce(precedence, assoc === 'left');
    const top = pending[pending.length - 1];
    if (assoc === 'none' && top?.kind === 'binary' && top.rule.precedence === precedence) {
      return { error: expected("'and' or 'or'", token, this.mode, CHAINED_COMPARISON_HINT) };
    }
    pending.push(op);
    this.expectOperand = true;
    return undefined;
  }

  /** `)` closes a group or a call; `,` separates a call's arguments. */
  private readCloseOrComma(token: Token): ExpressionResult | undefined {
    const { pending, mode } = this;
    this.reduce(1, true);
    const top = pending[pending.length - 1];
    if (isPunct(token, ',')) {
      if (top?.kind !== 'call') return { error: expectedOperator(token, mode) };
      this.expectOperand = true;
    } else if (top?.kind === 'group') {
      pending.pop();
      this.starts[this.starts.length - 1] = top.open.start;
      this.ends[this.ends.length - 1] = token.end;
    } else if (top?.kind === 'call') {
      pending.pop();
      this.closeCall(top, token);
    } else {
      return { error: expectedOperator(token, mode, "This ')' has no matching '('.") };
    }
    return undefined;
  }

  /** The end of the line (or input) ends the expression, unless a '(' is still open. */
  private finish(token: Token): ExpressionResult {
    const { mode } = this;
    if (token.kind !== 'newline' && token.kind !== 'eof') {
      return { error: expectedOperator(token, mode) };
    }
    this.reduce(1, true);
    const unclosed = this.pending.find((p) => p.kind === 'group' || p.kind === 'call');
    if (unclosed !== undefined) {
      const open = (unclosed as { open: Token }).open;
      const error = expected("')' to close '('", token, mode);
      return {
        error: {
          ...error,
          start: open.start,
          end: open.end,
          related: [{ start: token.start, end: token.end, message: 'The expression ends here.' }],
        },
      };
    }
    return { expr: this.operands[0], end: this.ends[0] };
  }

  private push(expr: Expr, start = expr.start, end = expr.end): void {
    this.operands.push(expr);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** Applies pending operators that bind tighter than `above` (or as tight, when `inclusive`). */
  private reduce(above: number, inclusive: boolean): void {
    const { pending, operands, starts, ends } = this;
    for (;;) {
      const top = pending[pending.length - 1];
      const precedence = precedenceOf(top);
      if (precedence === 0 || precedence < above || (precedence === above && !inclusive)) return;
      pending.pop();
      const end = ends.pop()!;
      const right = operands.pop()!;
      starts.pop();
      if (top.kind === 'unary') {
        this.push({ kind: 'unary', op: '-', operand: right, start: top.start, end });
      } else if (top.kind === 'binary') {
        ends.pop();
        const start = starts.pop()!;
        const left = operands.pop()!;
        this.push({ kind: 'binary', op: top.op, left, right, start, end });
      }
    }
  }

  private closeCall(call: Extract<Pending, { kind: 'call' }>, close: Token): void {
    const args = this.operands.splice(call.base);
    this.starts.splice(call.base);
    this.ends.splice(call.base);
    const { callee } = call;
    this.push({
      kind: 'call',
      callee: callee.text,
      calleeEnd: callee.end,
      args,
      start: callee.start,
      end: close.end,
    });
  }
}

const precedenceOf = (p: Pending | undefined): number =>
  p?.kind === 'binary' ? p.rule.precedence : p?.kind === 'unary' ? UNARY_MINUS_PRECEDENCE : 0;

type PendingBinary = Extract<Pending, { kind: 'binary' }>;
/** One immutable pending entry per operator, shared by every use (a million lines, no garbage). */
const PENDING_BINARY: ReadonlyMap<string, PendingBinary> = new Map(
  [...BINARY_OPERATORS].map(([op, rule]) => [op, { kind: 'binary', op, rule }]),
);

function binaryOperator(token: Token, mode: Mode): PendingBinary | undefined {
  if (token.kind !== 'punct' && token.kind !== 'name') return undefined;
  const found = PENDING_BINARY.get(token.text);
  if (found === undefined || (found.rule.conditionOnly && mode !== 'condition')) return undefined;
  return found;
}
