/**
 * The expression language: its lexer, parser, trees and printer. Graph statements, custom ops'
 * formulas and breakpoint conditions are all written in it; the file format around them (YAML,
 * walkthroughs, builders) is the rest of scenario, which reads expressions only through here.
 */
export type { BinaryOp, BrokenStatement, Expr, LocalDiagnostic, Statement } from './ast.js';
export { isDigit, isNamePart, isNameStart, numberEnd } from './lexer.js';
export { NUMBER, type NumberProblem, readNumber } from './numbers.js';
export { UNARY_MINUS_PRECEDENCE } from './operators.js';
export {
  MAX_COLLECTED_DIAGNOSTICS,
  MAX_CONDITION_DEPTH,
  parseCondition,
  parseExpression,
  parseProgram,
  readStatements,
} from './parser.js';
export { printExpr, printProgram } from './print.js';
export { emptied } from './stacks.js';
export { doubled, Symbols, SymbolValues } from './symbols.js';
export { postOrder } from './tree.js';
