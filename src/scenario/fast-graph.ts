/**
 * The fast path for the `graph: |` block: statements read straight from the file's text into the
 * engine's arrays, with no YAML scalar, token or tree objects. It accepts only what it is sure the
 * full parser and compiler accept the same way (names defined before use and once, numbers,
 * `+ - * / **`, unary minus, parentheses, one-argument calls, comment lines) and builds the same
 * nodes in the same order with the same spans; at anything else it gives up and the full path,
 * which also gives every diagnostic, reads the file.
 */
import { FUNCTIONS, Graph, OpCode } from '../engine/index.js';
import { isDigit, isNamePart, isNameStart, NUMBER, numberEnd } from './lexer.js';
import { doubled, Symbols, SymbolValues } from './symbols.js';

const INFIX: Readonly<Record<string, OpCode>> = {
  '+': OpCode.add,
  '-': OpCode.sub,
  '*': OpCode.mul,
  '/': OpCode.div,
};
/** Python's levels, as operators.ts: `+ -` < `* /` < unary minus < `**`. */
const PRECEDENCE: Readonly<Record<string, number>> = { '+': 4, '-': 4, '*': 5, '/': 5 };
const UNARY = 6;
/** Deeper nesting goes to the full parser, which keeps its stacks on the heap. */
const MAX_DEPTH = 200;

export interface FastGraph {
  readonly graph: Graph;
  readonly symbols: Symbols;
  /** Node id + 1 by symbol (0: none). */
  readonly nodeOf: SymbolValues;
  /** The symbol naming each node, -1 for none (the graph's names are not set). */
  readonly symbolOf: Int32Array;
  /** File offsets of each node's text. */
  readonly spans: { readonly start: Int32Array; readonly end: Int32Array };
  /** The symbol of the last statement. */
  readonly last: number;
}

/** An operand: a node already built, or a number literal not built yet (it may fold or be `**`'s exponent). */
interface Operand {
  /** Node id, or -1 for a literal. */
  id: number;
  value: number;
  /** A bare literal (`2`, `(2)`), which unary minus folds into one constant. */
  bare: boolean;
  /** The expression's own span, and the span with its parentheses. */
  start: number;
  end: number;
  outerStart: number;
  outerEnd: number;
}

class GiveUp extends Error {}

/** Reads the statements of `text[from, to)`; undefined when the full path must read them. */
export function readFastGraph(
  text: string,
  from: number,
  to: number,
  set: ReadonlyMap<string, number> | undefined,
): FastGraph | undefined {
  try {
    return new Reader(text, to, set).read(from);
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

const FUNCTION_LIST = [...FUNCTIONS];

/** The built-in function whose name is `text[start, end)`, compared in place. */
function functionAt(text: string, start: number, end: number) {
  for (const [name, spec] of FUNCTION_LIST)
    if (name.length === end - start && text.startsWith(name, start)) return spec;
  return undefined;
}

class Reader {
  private i = 0;
  private readonly graph: Graph;
  private readonly symbols = new Symbols();
  private readonly nodeOf = new SymbolValues();
  private spanStart: Int32Array<ArrayBuffer>;
  private spanEnd: Int32Array<ArrayBuffer>;
  /** The symbol naming each node, -1 for none. */
  private symbolOf: Int32Array<ArrayBuffer>;
  private depth = 0;
  private readonly unused: Set<string>;

  constructor(
    private readonly text: string,
    private readonly to: number,
    private readonly set: ReadonlyMap<string, number> | undefined,
  ) {
    // About a node a line for chains; the arrays grow if a line has more.
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++;
    this.graph = new Graph(lines);
    this.spanStart = new Int32Array(lines);
    this.spanEnd = new Int32Array(lines);
    this.symbolOf = new Int32Array(lines).fill(-1);
    this.unused = new Set(set?.keys());
  }

  read(from: number): FastGraph {
    const { text, to } = this;
    let last = -1;
    for (let start = from; start < to; ) {
      let end = text.indexOf('\n', start);
      if (end < 0 || end > to) end = to;
      this.i = start;
      this.spaces();
      const c = text.charCodeAt(this.i);
      if (this.i < end && c !== 35) last = this.statement(end);
      else if (c === 35 && isDigit(text.charCodeAt(this.i + 1))) throw new GiveUp();
      start = end + 1;
    }
    // Overrides of names that are not inputs are the full path's to report.
    if (last === -1 || this.unused.size > 0) throw new GiveUp();
    const n = this.graph.size;
    return {
      graph: this.graph,
      symbols: this.symbols,
      nodeOf: this.nodeOf,
      symbolOf: this.symbolOf.subarray(0, n),
      spans: { start: this.spanStart.subarray(0, n), end: this.spanEnd.subarray(0, n) },
      last,
    };
  }

  /** `name = expression`, whose symbol it returns; the line ends at `end`. */
  private statement(end: number): number {
    const nameStart = this.i;
    const symbol = this.name();
    if (this.nodeOf.get(symbol) !== 0 || functionAt(this.text, nameStart, this.i) !== undefined)
      throw new GiveUp();
    this.spaces();
    if (this.text[this.i] !== '=') throw new GiveUp();
    this.i++;
    const expr = this.expression(0);
    this.spaces();
    if (this.i !== end || nameStart === this.i) throw new GiveUp();
    let id: number;
    if (expr.id < 0) {
      id = this.made(this.graph.addInput(this.overridden(symbol) ?? expr.value), expr);
    } else {
      // `y = x` names no new node; `y = (x)` neither: both are the full path's errors.
      if (expr.id < this.graph.size - 1 || this.isNameOnly(expr)) throw new GiveUp();
      id = expr.id;
    }
    this.symbolOf[id] = symbol;
    this.nodeOf.set(symbol, id + 1);
    return symbol;
  }

  /** The `--set` value of an input, if it has one. */
  private overridden(symbol: number): number | undefined {
    if (this.unused.size === 0) return undefined;
    const name = this.symbols.name(symbol);
    this.unused.delete(name);
    return this.set?.get(name);
  }

  private isNameOnly(expr: Operand): boolean {
    return this.spanStart[expr.id] !== expr.start || this.spanEnd[expr.id] !== expr.end;
  }

  /** Precedence climbing over binary operators that bind tighter than `above`. */
  private expression(above: number): Operand {
    if (++this.depth > MAX_DEPTH) throw new GiveUp();
    let left = this.unary();
    for (;;) {
      this.spaces();
      const op = this.operator();
      if (op === undefined) break;
      const precedence = op === '**' ? 7 : PRECEDENCE[op];
      if (precedence <= above) break;
      this.i += op.length;
      const base = this.built(left);
      if (op === '**') {
        // Right-associative, and the exponent must be a literal: it is the node's parameter.
        const k = this.expression(precedence - 1);
        if (k.id >= 0) throw new GiveUp();
        const id = this.graph.addOp(OpCode.pow, base.id, -1, k.value);
        left = this.node(id, base.outerStart, k.outerEnd);
      } else {
        const right = this.built(this.expression(precedence));
        const id = this.graph.addOp(INFIX[op], base.id, right.id);
        left = this.node(id, base.outerStart, right.outerEnd);
      }
    }
    this.depth--;
    return left;
  }

  private unary(): Operand {
    this.spaces();
    const start = this.i;
    if (this.text[this.i] !== '-') return this.primary();
    this.i++;
    const operand = this.expression(UNARY);
    if (operand.id < 0 && operand.bare) {
      return { ...operand, value: -operand.value, bare: false, start, outerStart: start };
    }
    const id = this.graph.addOp(OpCode.neg, this.built(operand).id);
    return this.node(id, start, operand.outerEnd);
  }

  private primary(): Operand {
    const { text } = this;
    const start = this.i;
    const c = text.charCodeAt(start);
    if (c === 40) {
      this.i++;
      const inner = this.expression(0);
      this.spaces();
      if (text[this.i] !== ')') throw new GiveUp();
      this.i++;
      return { ...inner, outerStart: start, outerEnd: this.i };
    }
    if (isDigit(c) || c === 46) return this.number();
    const symbol = this.name();
    const end = this.i;
    this.spaces();
    if (text[this.i] === '(') return this.call(start, end);
    const id = this.nodeOf.get(symbol) - 1;
    if (id < 0) throw new GiveUp();
    return { id, value: 0, bare: false, start, end, outerStart: start, outerEnd: end };
  }

  private call(start: number, nameEnd: number): Operand {
    const spec = functionAt(this.text, start, nameEnd);
    if (spec === undefined || spec.arity !== 1) throw new GiveUp();
    this.i++;
    const arg = this.built(this.expression(0));
    this.spaces();
    if (this.text[this.i] !== ')') throw new GiveUp();
    this.i++;
    return this.node(this.graph.addOp(spec.code, arg.id), start, this.i);
  }

  private number(): Operand {
    const { text } = this;
    const start = this.i;
    const j = numberEnd(text, start);
    const raw = text.slice(start, j);
    const value = Number(raw);
    // Malformed, overflowing or underflowing numbers, and `2x`, get the full path's diagnostics.
    if (!NUMBER.test(raw) || !Number.isFinite(value)) throw new GiveUp();
    if (value === 0 && /[1-9]/.test(raw.split(/[eE]/)[0])) throw new GiveUp();
    this.i = j;
    return { id: -1, value, bare: true, start, end: j, outerStart: start, outerEnd: j };
  }

  private name(): number {
    const { text } = this;
    const start = this.i;
    if (!isNameStart(text.charCodeAt(start))) throw new GiveUp();
    let j = start + 1;
    while (isNamePart(text.charCodeAt(j))) j++;
    this.i = j;
    return this.symbols.intern(text, start, j);
  }

  private operator(): string | undefined {
    const c = this.text[this.i];
    if (c === '*' && this.text[this.i + 1] === '*') return '**';
    return c in INFIX ? c : undefined;
  }

  /** A literal operand becomes its constant node when an operator takes it. */
  private built(operand: Operand): Operand {
    if (operand.id >= 0) return operand;
    return { ...operand, id: this.made(this.graph.addConstant(operand.value), operand) };
  }

  private node(id: number, start: number, end: number): Operand {
    this.made(id, { start, end });
    return { id, value: 0, bare: false, start, end, outerStart: start, outerEnd: end };
  }

  private made(id: number, at: { start: number; end: number }): number {
    if (id >= this.spanStart.length) {
      const made = this.spanStart.length;
      this.spanStart = doubled(this.spanStart);
      this.spanEnd = doubled(this.spanEnd);
      this.symbolOf = doubled(this.symbolOf).fill(-1, made);
    }
    this.spanStart[id] = at.start;
    this.spanEnd[id] = at.end;
    return id;
  }

  private spaces(): void {
    const { text } = this;
    while (text.charCodeAt(this.i) === 32) this.i++;
  }
}
