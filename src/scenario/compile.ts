/**
 * Statements -> engine graph. `name = <literal>` (or `= -<literal>`) declares an input; any other
 * statement builds one node per operation, as micrograd does, and its last node takes the name.
 * Every fault is collected; a statement that fails leaves its name "failed", so later uses of it are
 * not reported again.
 */
import { FUNCTIONS, Graph, OpCode } from '../engine/index.js';
import { at, definedLater, describe, type NameExpr, refHint } from './compile-errors.js';
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
  printExpr,
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
const POW_HINT =
  "micrograd's ** raises to a constant power; for a variable power write exp(y * log(x)).";

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
  // Names are looked up by their symbol, an index (a million-line graph would spend most of its
  // load hashing strings into Maps); both tables hold 0 for "none", so they store value + 1.
  const graph = new Graph();
  const functions = new Map(FUNCTIONS);
  for (const def of options.ops?.defs.values() ?? []) {
    functions.set(def.name, graph.ops[graph.defineOp(opSpecOf(def))]);
  }
  const functionList = [...functions.keys(), ...(options.ops?.failed ?? [])].join(', ');
  const spanStart: number[] = [];
  const spanEnd: number[] = [];
  const nodeOf = new SymbolValues();
  const definedStart = new SymbolValues();
  /** Names whose statement made no node (failed, or came after the diagnostics cap). */
  const failed: string[] = [];
  const diagnostics: LocalDiagnostic[] = [];
  /** Uses of names not defined yet, by the index of their diagnostic. */
  const unresolved: { index: number; expr: NameExpr; statementStart: number }[] = [];
  let current: Statement | BrokenStatement;
  /** Reused by every statement. */
  const values: number[] = [];
  const walk: Walk = { order: [], stack: [] };
  let lastName: string | undefined;

  const report = (diagnostic: LocalDiagnostic): number => {
    diagnostics.push(diagnostic);
    return FAILED;
  };
  const created = (id: number, at: { start: number; end: number }): number => {
    spanStart.push(at.start);
    spanEnd.push(at.end);
    return id;
  };

  const definitionAt = (symbol: number, name: string): Definition | undefined => {
    const start = definedStart.get(symbol) - 1;
    return start === -1 ? undefined : { start, nameEnd: start + name.length };
  };
  const byName = <T>(name: string, f: (symbol: number) => T): T | undefined => {
    const symbol = symbols.find(name);
    return symbol === undefined ? undefined : f(symbol);
  };

  const resolveName = (expr: NameExpr): number => {
    const id = nodeOf.get(expr.symbol) - 1;
    if (id !== -1) return id;
    if (definedStart.get(expr.symbol) !== 0) return FAILED;
    unresolved.push({ index: diagnostics.length, expr, statementStart: current.start });
    const guess = suggest(expr.name, definedNames());
    const hint = FUNCTIONS.has(expr.name)
      ? `'${expr.name}' is a function: call it as ${expr.name}(...).`
      : guess === undefined
        ? undefined
        : `Did you mean '${guess}'?`;
    return report({ ...at(expr), message: `Undefined name '${expr.name}'.`, ...withHint(hint) });
  };
  const definedNames = function* () {
    yield* namesOf(graph);
    yield* failed;
  };

  const compileCall = (expr: Extract<Expr, { kind: 'call' }>, args: number[]): number => {
    const spec = functions.get(expr.callee);
    if (options.ops?.failed.has(expr.callee)) return FAILED;
    if (spec === undefined) {
      const guess = suggest(expr.callee, functions.keys());
      const known =
        byName(expr.callee, (symbol) => nodeOf.get(symbol) !== 0) === true
          ? `'${expr.callee}' is a node, not a function; t`
          : 'T';
      return report({
        start: expr.start,
        end: expr.calleeEnd,
        message: `Unknown function '${expr.callee}'.`,
        hint:
          guess === undefined
            ? `${known}he functions are ${functionList}.`
            : `Did you mean '${guess}'?`,
      });
    }
    if (args.length !== spec.arity) {
      const plural = spec.arity === 1 ? '' : 's';
      return report({
        ...at(expr),
        message: `'${expr.callee}' takes ${spec.arity} argument${plural}, found ${args.length}.`,
      });
    }
    if (args.includes(FAILED)) return FAILED;
    return created(graph.addOp(spec.code, args[0], args[1]), expr);
  };

  const compileNode = (expr: Expr, values: number[]): number => {
    switch (expr.kind) {
      case 'number':
        return created(graph.addConstant(expr.value), expr);
      case 'name':
        return resolveName(expr);
      case 'ref':
        if (expr.id < graph.size) return expr.id;
        return report({
          ...at(expr),
          message: `Node #${expr.id} does not exist yet.`,
          hint: refHint(graph.size),
        });
      case 'unary': {
        if (expr.operand.kind === 'number')
          return created(graph.addConstant(-expr.operand.value), expr);
        const a = values.pop()!;
        return a === FAILED ? FAILED : created(graph.addOp(OpCode.neg, a), expr);
      }
      case 'binary': {
        if (expr.op === '**') {
          const base = values.pop()!;
          const k = literalValue(expr.right);
          if (k === undefined) {
            return report({
              ...at(expr.right),
              message: `The exponent of ** must be a number literal, found ${describe(expr.right)}.`,
              hint: POW_HINT,
            });
          }
          return base === FAILED ? FAILED : created(graph.addOp(OpCode.pow, base, -1, k), expr);
        }
        const b = values.pop()!;
        const a = values.pop()!;
        const code = INFIX.get(expr.op);
        if (code === undefined) {
          return report({
            ...at(expr),
            message: `Operator '${expr.op}' is not allowed in a graph.`,
            hint: 'Comparisons and and/or belong in breakpoint conditions.',
          });
        }
        return a === FAILED || b === FAILED ? FAILED : created(graph.addOp(code, a, b), expr);
      }
      case 'call':
        return compileCall(expr, values.splice(values.length - expr.args.length));
    }
  };

  const compileStatement = (statement: Statement): number => {
    const { expr } = statement;
    const literal = literalValue(expr);
    if (literal !== undefined) {
      return created(graph.addInput(options.set?.get(statement.name) ?? literal), expr);
    }
    emptied(values);
    for (const node of compiledPostOrder(expr, walk)) {
      values.push(compileNode(node, values));
      if (diagnostics.length >= MAX_COLLECTED_DIAGNOSTICS) return FAILED;
    }
    const id = values[0];
    if (id !== FAILED && (expr.kind === 'name' || expr.kind === 'ref')) {
      return report({
        ...at(expr),
        message: `Expected an expression with an operation, found only ${describe(expr)}.`,
        hint: `'${statement.name} = ${printExpr(expr)}' would only give that node a second name, and aliases are not nodes; use '${printExpr(expr)}' itself.`,
      });
    }
    return id;
  };

  for (const statement of statements) {
    const { name, symbol } = statement;
    lastName = name;
    if (diagnostics.length >= MAX_COLLECTED_DIAGNOSTICS) {
      // Nothing more is compiled, but later definitions still explain earlier unknown names.
      if (definedStart.get(symbol) === 0) definedStart.set(symbol, statement.start + 1);
      continue;
    }
    current = statement;
    const first = definitionAt(symbol, name);
    if (first !== undefined) {
      report({
        start: statement.start,
        end: statement.nameEnd,
        message: `Name '${name}' is already defined.`,
        hint: `Each name is assigned once; give the new value a new name, such as '${name}1'.`,
        related: [
          { start: first.start, end: first.nameEnd, message: `'${name}' is first defined here.` },
        ],
      });
    }
    // A statement with a syntax error (reported by the parser) defines its name as failed.
    const id = statement.expr === undefined ? FAILED : compileStatement(statement);
    if (first !== undefined) continue;
    definedStart.set(symbol, statement.start + 1);
    if (id === FAILED) {
      failed.push(name);
    } else {
      graph.setName(id, name);
      nodeOf.set(symbol, id + 1);
    }
  }
  for (const { index, expr, statementStart } of unresolved) {
    const definition = definitionAt(expr.symbol, expr.name);
    if (definition !== undefined && index < MAX_COLLECTED_DIAGNOSTICS)
      diagnostics[index] = definedLater(expr, definition, definition.start === statementStart);
  }
  return {
    graph,
    spans: { start: Int32Array.from(spanStart), end: Int32Array.from(spanEnd) },
    idOf: (name) => {
      const id = byName(name, nodeOf.get.bind(nodeOf)) ?? 0;
      return id === 0 ? undefined : id - 1;
    },
    definitionOf: (name) => byName(name, (symbol) => definitionAt(symbol, name)),
    lastName,
    diagnostics: diagnostics.slice(0, MAX_COLLECTED_DIAGNOSTICS),
  };
}

const withHint = (hint: string | undefined) => (hint === undefined ? {} : { hint });
