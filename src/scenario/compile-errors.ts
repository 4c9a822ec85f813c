/** The compiler's longer messages: names defined further down, what an operand is, node refs. */

import type { Definition } from './compile.js';
import type { Expr, LocalDiagnostic } from './expression/index.js';
import { printExpr } from './expression/index.js';
import { cut } from './scenario.js';

export type NameExpr = Extract<Expr, { kind: 'name' }>;

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
