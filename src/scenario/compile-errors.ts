/** The compiler's longer messages: names defined further down, what an operand is, node refs. */

import { FUNCTIONS } from '../engine/index.js';
import type { Definition } from './compile.js';
import type { Expr, LocalDiagnostic } from './expression/index.js';
import { printExpr } from './expression/index.js';
import { cut } from './scenario.js';

export type NameExpr = Extract<Expr, { kind: 'name' }>;
type CallExpr = Extract<Expr, { kind: 'call' }>;

export const at = (expr: { start: number; end: number }) => ({ start: expr.start, end: expr.end });

/** A use of a name that a statement further down (or the use's own statement) defines. */
export function definedLater(
  expr: NameExpr,
  definition: Definition,
  own: boolean,
): LocalDiagnostic {
  if (own) {
    return {
      ...at(expr),
      message: `Name '${expr.name}' is used in its own definition.`,
      hint: `A graph has no cycles; to update a value, use a new name: ${expr.name}1 = ${expr.name} + 1.`,
    };
  }
  return {
    ...at(expr),
    message: `Name '${expr.name}' is used before its definition.`,
    hint: `Statements run top to bottom; move the definition of '${expr.name}' above this line.`,
    related: [
      {
        start: definition.start,
        end: definition.nameEnd,
        message: `'${expr.name}' is defined here.`,
      },
    ],
  };
}

export function describe(expr: Expr): string {
  switch (expr.kind) {
    case 'name':
      return `name '${expr.name}'`;
    case 'ref':
      return `'#${expr.id}'`;
    default:
      return `'${cut(printExpr(expr), 40)}'`;
  }
}

export function refHint(size: number): string {
  if (size === 0) return 'No node has been created before this point.';
  if (size === 1) return 'The only node so far is #0.';
  return `The nodes so far are #0 to #${size - 1}.`;
}

export function undefinedName(expr: NameExpr, guess: string | undefined): LocalDiagnostic {
  const hint = FUNCTIONS.has(expr.name)
    ? `'${expr.name}' is a function: call it as ${expr.name}(...).`
    : guess === undefined
      ? undefined
      : `Did you mean '${guess}'?`;
  const diagnostic = { ...at(expr), message: `Undefined name '${expr.name}'.` };
  return hint === undefined ? diagnostic : { ...diagnostic, hint };
}

export function unknownFunction(
  expr: CallExpr,
  guess: string | undefined,
  isNode: boolean,
  functionList: string,
): LocalDiagnostic {
  const known = isNode ? `'${expr.callee}' is a node, not a function; t` : 'T';
  return {
    start: expr.start,
    end: expr.calleeEnd,
    message: `Unknown function '${expr.callee}'.`,
    hint:
      guess === undefined
        ? `${known}he functions are ${functionList}.`
        : `Did you mean '${guess}'?`,
  };
}

export function wrongArity(expr: CallExpr, arity: number, found: number): LocalDiagnostic {
  const plural = arity === 1 ? '' : 's';
  return {
    ...at(expr),
    message: `'${expr.callee}' takes ${arity} argument${plural}, found ${found}.`,
  };
}

export const missingRef = (
  expr: Extract<Expr, { kind: 'ref' }>,
  size: number,
): LocalDiagnostic => ({
  ...at(expr),
  message: `Node #${expr.id} does not exist yet.`,
  hint: refHint(size),
});

export const variablePower = (exponent: Expr): LocalDiagnostic => ({
  ...at(exponent),
  message: `The exponent of ** must be a number literal, found ${describe(exponent)}.`,
  hint: "micrograd's ** raises to a constant power; for a variable power write exp(y * log(x)).",
});

export const notInGraph = (expr: Extract<Expr, { kind: 'binary' }>): LocalDiagnostic => ({
  ...at(expr),
  message: `Operator '${expr.op}' is not allowed in a graph.`,
  hint: 'Comparisons and and/or belong in breakpoint conditions.',
});

/** `y = x`: a statement that would only name an existing node again. */
export const aliasOnly = (name: string, expr: Expr): LocalDiagnostic => ({
  ...at(expr),
  message: `Expected an expression with an operation, found only ${describe(expr)}.`,
  hint: `'${name} = ${printExpr(expr)}' would only give that node a second name, and aliases are not nodes; use '${printExpr(expr)}' itself.`,
});

export function alreadyDefined(
  statement: { start: number; nameEnd: number; name: string },
  first: Definition,
): LocalDiagnostic {
  const { name } = statement;
  return {
    start: statement.start,
    end: statement.nameEnd,
    message: `Name '${name}' is already defined.`,
    hint: `Each name is assigned once; give the new value a new name, such as '${name}1'.`,
    related: [
      { start: first.start, end: first.nameEnd, message: `'${name}' is first defined here.` },
    ],
  };
}
