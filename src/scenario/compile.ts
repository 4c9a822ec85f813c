/**
 * Statements -> engine graph. `name = <literal>` (or `= -<literal>`) declares an input; any other
 * statement builds one node per operation, as micrograd does, and its last node takes the name.
 * Every fault is collected; a statement that fails leaves its name "failed", so later uses of it are
 * not reported again.
 */
import { FUNCTIONS, Graph, OpCode } from '../engine/index.js';
import {
  aliasOnly,
  alreadyDefined,
  definedLater,
  missingRef,
  type NameExpr,
  notInGraph,
  undefinedName,
  unknownFunction,
  variablePower,
  wrongArity,
} from './compile-errors.js';
import { compiledPostOrder, literalValue, type Walk } from './compile-tree.js';
import { type CompiledOps, opSpecOf } from './custom-ops.js';
import type {
  BinaryOp,
  BrokenStatement,
  Expr,
  LocalDiagnostic,
  Statement,
} from './expression/index.js';
import {
  emptied,
  MAX_COLLECTED_DIAGNOSTICS,
  type Symbols,
  SymbolValues,
} from './expression/index.js';
import { namesOf } from './names.js';
import { suggest } from './suggest.js';

export interface CompileOptions {
  /**
   * Values that replace inputs' literals, by name. Names that are not inputs are ignored: the
   * caller reports them (`idOf` and `graph.opOf` tell what a name is).
   */
  readonly set?: ReadonlyMap<string, number>;
  /** The scenario's own ops (`ops:`), callable like the built-in functions. */
  readonly ops?: CompiledOps;
}

/** Where a name is first defined. */
export interface Definition {
  readonly start: number;
  readonly nameEnd: number;
}

export interface CompiledProgram {
  readonly graph: Graph;
  /** Offsets of each node's expression text by node id (an input's: its literal). */
  readonly spans: { readonly start: Int32Array; readonly end: Int32Array };
  /** The node a name is given to, if any. */
  idOf(name: string): number | undefined;
  /** Where a name is first defined, if it is. */
  definitionOf(name: string): Definition | undefined;
  /** The name of the last statement: the default output. */
  readonly lastName?: string;
  readonly diagnostics: LocalDiagnostic[];
}

const FAILED = -1;
const INFIX: ReadonlyMap<BinaryOp, OpCode> = new Map<BinaryOp, OpCode>([
  ['+', OpCode.add],
  ['-', OpCode.sub],
  ['*', OpCode.mul],
  ['/', OpCode.div],
]);
type BinaryExpr = Extract<Expr, { kind: 'binary' }>;
type CallExpr = Extract<Expr, { kind: 'call' }>;

/**
 * Statements are taken one at a time and not kept, so a caller may pass them as they are parsed;
 * a broken one (its syntax error is the parser's to report) only defines its name, as failed.
 * Whether an unknown name is defined further down is known only at the end: such a use is reported
 * as undefined and corrected then.
 */
export function compileProgram(
  statements: Iterable<Statement | BrokenStatement>,
  symbols: Symbols,
  options: CompileOptions = {},
): CompiledProgram {
  const compiler = new ProgramCompiler(symbols, options);
  for (const statement of statements) compiler.take(statement);
  return compiler.finish();
}

class ProgramCompiler {
  private readonly graph = new Graph();
  private readonly functions = new Map(FUNCTIONS);
  /** The callable names, for the hint of an unknown function. */
  private readonly functionList: string;
  private readonly spanStart: number[] = [];
  private readonly spanEnd: number[] = [];
  // Names are looked up by their symbol, an index (a million-line graph would spend most of its
  // load hashing strings into Maps); both tables hold 0 for "none", so they store value + 1.
  private readonly nodeOf = new SymbolValues();
  private readonly definedStart = new SymbolValues();
  /** Names whose statement made no node (failed, or came after the diagnostics cap). */
  private readonly failed: string[] = [];
  private readonly diagnostics: LocalDiagnostic[] = [];
  /** Uses of names not defined yet, by the index of their diagnostic. */
  private readonly unresolved: { index: number; expr: NameExpr; statementStart: number }[] = [];
  /** Reused by every statement. */
  private readonly values: number[] = [];
  private readonly walk: Walk = { order: [], stack: [] };
  private statementStart = 0;
  private lastName: string | undefined;

  constructor(
    private readonly symbols: Symbols,
    private readonly options: CompileOptions,
  ) {
    for (const def of options.ops?.defs.values() ?? []) {
      this.functions.set(def.name, this.graph.ops[this.graph.defineOp(opSpecOf(def))]);
    }
    this.functionList = [...this.functions.keys(), ...(options.ops?.failed ?? [])].join(', ');
  }

  take(statement: Statement | BrokenStatement): void {
    const { name, symbol } = statement;
    this.lastName = name;
    if (this.full) {
      // Nothing more is compiled, but later definitions still explain earlier unknown names.
      if (this.definedStart.get(symbol) === 0) this.definedStart.set(symbol, statement.start + 1);
      return;
    }
    this.statementStart = statement.start;
    const first = this.definitionAt(symbol, name);
    if (first !== undefined) this.report(alreadyDefined(statement, first));
    // A statement with a syntax error (reported by the parser) defines its name as failed.
    const id = statement.expr === undefined ? FAILED : this.statement(statement);
    if (first !== undefined) return;
    this.definedStart.set(symbol, statement.start + 1);
    if (id === FAILED) {
      this.failed.push(name);
    } else {
      this.graph.setName(id, name);
      this.nodeOf.set(symbol, id + 1);
    }
  }

  finish(): CompiledProgram {
    for (const { index, expr, statementStart } of this.unresolved) {
      const definition = this.definitionAt(expr.symbol, expr.name);
      if (definition !== undefined && index < MAX_COLLECTED_DIAGNOSTICS)
        this.diagnostics[index] = definedLater(
          expr,
          definition,
          definition.start === statementStart,
        );
    }
    return {
      graph: this.graph,
      spans: { start: Int32Array.from(this.spanStart), end: Int32Array.from(this.spanEnd) },
      idOf: (name) => {
        const id = this.byName(name, (symbol) => this.nodeOf.get(symbol)) ?? 0;
        return id === 0 ? undefined : id - 1;
      },
      definitionOf: (name) => this.byName(name, (symbol) => this.definitionAt(symbol, name)),
      lastName: this.lastName,
      diagnostics: this.diagnostics.slice(0, MAX_COLLECTED_DIAGNOSTICS),
    };
  }

  private get full(): boolean {
    return this.diagnostics.length >= MAX_COLLECTED_DIAGNOSTICS;
  }

  private statement(statement: Statement): number {
    const { expr } = statement;
    const literal = literalValue(expr);
    if (literal !== undefined) {
      return this.created(
        this.graph.addInput(this.options.set?.get(statement.name) ?? literal),
        expr,
      );
    }
    const values = emptied(this.values);
    for (const node of compiledPostOrder(expr, this.walk)) {
      values.push(this.node(node, values));
      if (this.full) return FAILED;
    }
    const id = values[0];
    if (id !== FAILED && (expr.kind === 'name' || expr.kind === 'ref')) {
      return this.report(aliasOnly(statement.name, expr));
    }
    return id;
  }

  /** One node of a statement's tree, its operands' ids on top of `values`. */
  private node(expr: Expr, values: number[]): number {
    switch (expr.kind) {
      case 'number':
        return this.created(this.graph.addConstant(expr.value), expr);
      case 'name':
        return this.name(expr);
      case 'ref':
        if (expr.id < this.graph.size) return expr.id;
        return this.report(missingRef(expr, this.graph.size));
      case 'unary': {
        if (expr.operand.kind === 'number')
          return this.created(this.graph.addConstant(-expr.operand.value), expr);
        const a = values.pop()!;
        return a === FAILED ? FAILED : this.created(this.graph.addOp(OpCode.neg, a), expr);
      }
      case 'binary':
        return expr.op === '**' ? this.power(expr, values.pop()!) : this.infix(expr, values);
      case 'call':
        return this.call(expr, values.splice(values.length - expr.args.length));
    }
  }

  private power(expr: BinaryExpr, base: number): number {
    const k = literalValue(expr.right);
    if (k === undefined) return this.report(variablePower(expr.right));
    return base === FAILED ? FAILED : this.created(this.graph.addOp(OpCode.pow, base, -1, k), expr);
  }

  private infix(expr: BinaryExpr, values: number[]): number {
    const b = values.pop()!;
    const a = values.pop()!;
    const code = INFIX.get(expr.op);
    if (code === undefined) return this.report(notInGraph(expr));
    return a === FAILED || b === FAILED ? FAILED : this.created(this.graph.addOp(code, a, b), expr);
  }

  private call(expr: CallExpr, args: number[]): number {
    const spec = this.functions.get(expr.callee);
    if (this.options.ops?.failed.has(expr.callee)) return FAILED;
    if (spec === undefined) {
      const isNode = this.byName(expr.callee, (symbol) => this.nodeOf.get(symbol) !== 0) === true;
      const guess = suggest(expr.callee, this.functions.keys());
      return this.report(unknownFunction(expr, guess, isNode, this.functionList));
    }
    if (args.length !== spec.arity) return this.report(wrongArity(expr, spec.arity, args.length));
    if (args.includes(FAILED)) return FAILED;
    return this.created(this.graph.addOp(spec.code, args[0], args[1]), expr);
  }

  private name(expr: NameExpr): number {
    const id = this.nodeOf.get(expr.symbol) - 1;
    if (id !== -1) return id;
    if (this.definedStart.get(expr.symbol) !== 0) return FAILED;
    this.unresolved.push({
      index: this.diagnostics.length,
      expr,
      statementStart: this.statementStart,
    });
    return this.report(undefinedName(expr, suggest(expr.name, this.definedNames())));
  }

  private *definedNames() {
    yield* namesOf(this.graph);
    yield* this.failed;
  }

  private report(diagnostic: LocalDiagnostic): number {
    this.diagnostics.push(diagnostic);
    return FAILED;
  }

  private created(id: number, at: { start: number; end: number }): number {
    this.spanStart.push(at.start);
    this.spanEnd.push(at.end);
    return id;
  }

  private definitionAt(symbol: number, name: string): Definition | undefined {
    const start = this.definedStart.get(symbol) - 1;
    return start === -1 ? undefined : { start, nameEnd: start + name.length };
  }

  private byName<T>(name: string, f: (symbol: number) => T): T | undefined {
    const symbol = this.symbols.find(name);
    return symbol === undefined ? undefined : f(symbol);
  }
}
