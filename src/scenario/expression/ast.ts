/**
 * The syntax tree of scenario statements and of breakpoint conditions. Positions are offsets into
 * the text that was parsed (for a graph block: the block's own string, mapped to file offsets by
 * the file layer).
 */

export type ArithmeticOp = '+' | '-' | '*' | '/' | '**';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;

interface Positioned {
  readonly start: number;
  readonly end: number;
}

export type Expr =
  | (Positioned & { readonly kind: 'number'; readonly value: number; readonly raw: string })
  /** `symbol` numbers the distinct names of one parse (see symbols.ts). */
  | (Positioned & { readonly kind: 'name'; readonly name: string; readonly symbol: number })
  /** `#12`: a node by id, for unnamed nodes. */
  | (Positioned & { readonly kind: 'ref'; readonly id: number })
  | (Positioned & { readonly kind: 'unary'; readonly op: '-'; readonly operand: Expr })
  | (Positioned & {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
    })
  | (Positioned & {
      readonly kind: 'call';
      readonly callee: string;
      readonly calleeEnd: number;
      readonly args: readonly Expr[];
    });

/** `name = expr` on one line. */
export interface Statement extends Positioned {
  readonly name: string;
  readonly symbol: number;
  readonly nameEnd: number;
  readonly expr: Expr;
}

/**
 * `name = ...` whose expression has a syntax error: the name is defined, but failed, so that the
 * compiler does not report its later uses as undefined.
 */
export interface BrokenStatement extends Positioned {
  readonly name: string;
  readonly symbol: number;
  readonly nameEnd: number;
  readonly expr?: undefined;
}

/** A diagnostic before it is attached to a source: offsets into the parsed text. */
export interface LocalDiagnostic extends Positioned {
  /** An error unless marked as a warning. */
  readonly severity?: 'warning';
  readonly message: string;
  readonly hint?: string;
  readonly related?: readonly (Positioned & { readonly message: string })[];
}
