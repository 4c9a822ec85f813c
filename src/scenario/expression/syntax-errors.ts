/**
 * The parser's errors: one constructor, so that they all read `Expected X, found Y.`, and the hints
 * for the slips people make most.
 */
import type { BinaryOp, LocalDiagnostic } from './ast.js';
import type { Token } from './lexer.js';
import { BINARY_OPERATORS } from './operators.js';

/** Graph statements (`program`) or a breakpoint condition. */
export type Mode = 'program' | 'condition';

export const STATEMENT_HINT = 'Each line of a graph is one statement: name = expression.';
export const CHAINED_COMPARISON_HINT = "Comparisons do not chain: write 'a < b and b < c'.";
const KEYWORDS = new Set(['and', 'or']);

export const isKeyword = (name: string): boolean => KEYWORDS.has(name);
export const isPunct = (token: Token | undefined, text: string): boolean =>
  token?.kind === 'punct' && token.text === text;

function describe(token: Token, mode: Mode): string {
  switch (token.kind) {
    case 'number':
      return `number '${token.text}'`;
    case 'name':
      return isKeyword(token.text) && mode === 'condition'
        ? `'${token.text}'`
        : `name '${token.text}'`;
    case 'newline':
      return 'end of line';
    case 'eof':
      return mode === 'program' ? 'end of line' : 'end of input';
    default:
      return `'${token.text}'`;
  }
}

export function expected(what: string, found: Token, mode: Mode, hint?: string): LocalDiagnostic {
  const message = `Expected ${what}, found ${describe(found, mode)}.`;
  return { start: found.start, end: found.end, message, ...(hint === undefined ? {} : { hint }) };
}

export function expectedOperator(found: Token, mode: Mode, hint = operatorHint(found, mode)) {
  const end = mode === 'program' ? 'end of line' : 'end of input';
  return expected(`an operator or ${end}`, found, mode, hint);
}

export function operandHint(found: Token): string | undefined {
  if (isPunct(found, '+')) return 'There is no unary +: write the operand alone.';
  if (isPunct(found, ')')) return 'Parentheses need an expression inside.';
  return undefined;
}

function operatorHint(found: Token, mode: Mode): string | undefined {
  if (isPunct(found, '(')) return 'To multiply, write * before the parenthesis: 2 * (x + 1).';
  if (found.kind === 'ref') {
    return "'#' and a digit refer to a node; a comment starts with '# ' (with a space).";
  }
  if (found.kind === 'number' || found.kind === 'name') {
    return 'Is an operator missing before it?';
  }
  if (isPunct(found, ',')) return 'Commas separate the arguments of a function call.';
  if (isPunct(found, '=')) return mode === 'program' ? STATEMENT_HINT : 'Use == to compare.';
  const op = BINARY_OPERATORS.get(found.text as BinaryOp);
  if (op?.conditionOnly === true && mode === 'program') {
    return 'Comparisons belong in breakpoint conditions, not in a graph.';
  }
  return undefined;
}
