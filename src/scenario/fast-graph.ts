/**
 * The fast path for the `graph: |` block: statements read straight from the file's text into the
 * engine's arrays, with no YAML scalar, token or tree objects. It accepts only what it is sure the
 * full parser and compiler accept the same way (names defined before use and once, numbers,
 * `+ - * / **`, unary minus, parentheses, one-argument calls, comment lines) and builds the same
 * nodes in the same order with the same spans; at anything else it gives up and the full path,
 * which also gives every diagnostic, reads the file.
 */
import { Graph, OpCode } from '../engine/index.js';
import {
  isDigit,
  isNamePart,
  isNameStart,
  NUMBER,
  numberEnd,
  UNARY_MINUS_PRECEDENCE as UNARY,
} from './expression/index.js';
import { FastNames } from './fast-graph-names.js';
import { type NodeSpans, SpanTable } from './fast-graph-spans.js';
import { functionAt, infixOf, POW, precedenceOf } from './fast-syntax.js';

/** Deeper nesting goes to the full parser, which keeps its stacks on the heap. */
const MAX_DEPTH = 200;

export interface FastGraph {
  readonly graph: Graph;
  /** The nodes' names (the graph's own are not set). */
  readonly names: FastNames;
  /** File offsets of each node's text. */
  readonly spans: NodeSpans;
  /** The node of the last statement. */
  readonly last: number;
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

class Reader {
  private i = 0;
  private readonly graph: Graph;
  private readonly names: FastNames;
  private readonly spans: SpanTable;
  private depth = 0;
  private readonly unused: Set<string>;
  /**
   * The operand just read, in fields (an object per operand made millions): a node (`id`) or a
   * literal not built yet (-1: it may fold into unary minus, bare, or be `**`'s exponent); its
   * span, and its span with its parentheses.
   */
  private id = 0;
  private value = 0;
  private bare = false;
  private start = 0;
  private end = 0;
  private outerStart = 0;
  private outerEnd = 0;

  constructor(
    private readonly text: string,
    private readonly to: number,
    private readonly set: ReadonlyMap<string, number> | undefined,
  ) {
    // About a node a line for chains; the arrays grow if a line has more.
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++;
    this.graph = new Graph(lines);
    this.names = new FastNames(text, lines, lines);
    this.spans = new SpanTable(lines);
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
    return { graph: this.graph, names: this.names, spans: this.spans.of(this.graph.size), last };
  }

  /** `name = expression`, whose node it returns; the line ends at `end`. */
  private statement(end: number): number {
    const nameStart = this.i;
    this.name();
    const nameEnd = this.i;
    const taken = this.names.find(nameStart, nameEnd) >= 0;
    if (taken || functionAt(this.text, nameStart, nameEnd) !== undefined) throw new GiveUp();
    this.spaces();
    if (this.text.charCodeAt(this.i) !== 61) throw new GiveUp();
    this.i++;
    this.expression(0);
    this.spaces();
    if (this.i !== end || nameStart === this.i) throw new GiveUp();
    let id = this.id;
    if (id < 0) {
      const input = this.graph.addInput(this.overridden(nameStart, nameEnd) ?? this.value);
      id = this.made(input, this.start, this.end);
    } else if (id < this.graph.size - 1 || this.isNameOnly()) {
      // `y = x` names no new node; `y = (x)` neither: both are the full path's errors.
      throw new GiveUp();
    }
    this.names.define(id, nameStart, nameEnd);
    return id;
  }

  /** The `--set` value of the input named `text[start, end)`, if it has one. */
  private overridden(start: number, end: number): number | undefined {
    if (this.unused.size === 0) return undefined;
    const name = this.text.slice(start, end);
    this.unused.delete(name);
    return this.set?.get(name);
  }

  private isNameOnly(): boolean {
    return !this.spans.is(this.id, this.start, this.end);
  }

  /** Precedence climbing over binary operators that bind tighter than `above`. */
  private expression(above: number): void {
    const { text, graph } = this;
    if (++this.depth > MAX_DEPTH) throw new GiveUp();
    this.unary();
    for (;;) {
      this.spaces();
      const c = text.charCodeAt(this.i);
      const precedence = precedenceOf(c, text.charCodeAt(this.i + 1));
      if (precedence <= above) break;
      this.i += precedence === POW ? 2 : 1;
      this.build();
      const base = this.id;
      const baseStart = this.outerStart;
      if (precedence === POW) {
        // Right-associative, and the exponent must be a literal: it is the node's parameter.
        this.expression(precedence - 1);
        if (this.id >= 0) throw new GiveUp();
        this.node(graph.addOp(OpCode.pow, base, -1, this.value), baseStart, this.outerEnd);
      } else {
        this.expression(precedence);
        this.build();
        this.node(graph.addOp(infixOf(c), base, this.id), baseStart, this.outerEnd);
      }
    }
    this.depth--;
  }

  private unary(): void {
    this.spaces();
    const start = this.i;
    if (this.text.charCodeAt(start) !== 45) this.primary();
    else this.negated(start);
  }

  /** `-operand`: a bare literal folds into one constant, anything else is a neg node. */
  private negated(start: number): void {
    this.i++;
    this.expression(UNARY);
    if (this.id < 0 && this.bare) {
      this.value = -this.value;
      this.bare = false;
      this.start = start;
      this.outerStart = start;
      return;
    }
    this.build();
    this.node(this.graph.addOp(OpCode.neg, this.id), start, this.outerEnd);
  }

  private primary(): void {
    const { text } = this;
    const start = this.i;
    const c = text.charCodeAt(start);
    if (c === 40) {
      this.i++;
      this.expression(0);
      this.spaces();
      if (text.charCodeAt(this.i) !== 41) throw new GiveUp();
      this.i++;
      this.outerStart = start;
      this.outerEnd = this.i;
      return;
    }
    if (isDigit(c) || c === 46) this.number();
    else this.named(start);
  }

  /** A name: a node defined before, or a call of a built-in function. */
  private named(start: number): void {
    this.name();
    const end = this.i;
    this.spaces();
    if (this.text.charCodeAt(this.i) === 40) this.call(start, end);
    else this.operand(this.defined(start, end), 0, false, start, end);
  }

  /** The node named `text[start, end)`; a name not defined before is the full path's error. */
  private defined(start: number, end: number): number {
    const id = this.names.find(start, end);
    if (id < 0) throw new GiveUp();
    return id;
  }

  private call(start: number, nameEnd: number): void {
    const spec = functionAt(this.text, start, nameEnd);
    if (spec === undefined || spec.arity !== 1) throw new GiveUp();
    this.i++;
    this.expression(0);
    this.build();
    const arg = this.id;
    this.spaces();
    if (this.text.charCodeAt(this.i) !== 41) throw new GiveUp();
    this.i++;
    this.node(this.graph.addOp(spec.code, arg), start, this.i);
  }

  private number(): void {
    const { text } = this;
    const start = this.i;
    const j = numberEnd(text, start);
    const raw = text.slice(start, j);
    const value = Number(raw);
    // Malformed, overflowing or underflowing numbers, and `2x`, get the full path's diagnostics.
    if (!NUMBER.test(raw) || !Number.isFinite(value)) throw new GiveUp();
    if (value === 0 && /[1-9]/.test(raw.split(/[eE]/)[0])) throw new GiveUp();
    this.i = j;
    this.operand(-1, value, true, start, j);
  }

  /** Moves past a name. */
  private name(): void {
    const { text } = this;
    if (!isNameStart(text.charCodeAt(this.i))) throw new GiveUp();
    let j = this.i + 1;
    while (isNamePart(text.charCodeAt(j))) j++;
    this.i = j;
  }

  private operand(id: number, value: number, bare: boolean, start: number, end: number): void {
    this.id = id;
    this.value = value;
    this.bare = bare;
    this.start = start;
    this.end = end;
    this.outerStart = start;
    this.outerEnd = end;
  }

  /** A literal operand becomes its constant node when an operator takes it. */
  private build(): void {
    if (this.id < 0) this.id = this.made(this.graph.addConstant(this.value), this.start, this.end);
  }

  private node(id: number, start: number, end: number): void {
    this.operand(this.made(id, start, end), 0, false, start, end);
  }

  private made(id: number, start: number, end: number): number {
    this.spans.set(id, start, end);
    return id;
  }

  private spaces(): void {
    const { text } = this;
    while (text.charCodeAt(this.i) === 32) this.i++;
  }
}
