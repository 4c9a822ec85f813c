/**
 * Graph statements (`name = expression`, one a line) and breakpoint conditions, each expression
 * read by ExpressionParser (expression.ts). A fault is reported as `Expected X, found Y.`
 * (syntax-errors.ts) and parsing resumes on the next line.
 */
import type { BrokenStatement, Expr, LocalDiagnostic, Statement } from './ast.js';
import { Lexer } from './lexer.js';
import { ExpressionParser, type ExpressionResult } from './read-expression.js';
import { Symbols } from './symbols.js';
import { expected, type Mode, STATEMENT_HINT } from './syntax-errors.js';
import { depthOf } from './tree.js';

/**
 * Reading and compiling a graph stop collecting diagnostics here, so a broken million-line file
 * costs no more than a short one. Reports show fewer (format.ts MAX_DIAGNOSTICS) and count the
 * rest, so this is larger than that.
 */
export const MAX_COLLECTED_DIAGNOSTICS = 50;
/**
 * Conditions are short, and evaluators often walk them recursively: a tree deeper than this is
 * refused. (Graph statements have no such limit; everything that walks them is iterative.)
 */
export const MAX_CONDITION_DEPTH = 500;

export function parseProgram(text: string): {
  statements: Statement[];
  symbols: Symbols;
  diagnostics: LocalDiagnostic[];
} {
  const diagnostics: LocalDiagnostic[] = [];
  const symbols = new Symbols();
  const statements: Statement[] = [];
  for (const statement of readStatements(text, diagnostics, symbols))
    if (statement.expr !== undefined) statements.push(statement);
  return { statements, symbols, diagnostics };
}

/**
 * The statements of a graph one at a time, so that a caller can compile each and let its tree go
 * (a 100,000-line graph's trees, all alive at once, keep the garbage collector busy). A `name = `
 * whose expression has a fault comes as a BrokenStatement. Once the statements are read,
 * `diagnostics` holds every fault found, sorted.
 */
export function* readStatements(
  text: string,
  diagnostics: LocalDiagnostic[],
  symbols: Symbols,
): Generator<Statement | BrokenStatement, void, undefined> {
  const lexer = new Lexer(text, { newlines: true, symbols });
  const parser = new ExpressionParser(lexer, 'program');
  const errors: LocalDiagnostic[] = [];
  for (let name = lexer.token; name.kind !== 'eof'; name = lexer.advance()) {
    if (name.kind === 'newline') continue;
    const equals = lexer.lookahead();
    let result: ExpressionResult;
    let assigned = false;
    if (name.kind === 'invalid') {
      // The lexer has reported this token (`2qq = 1`); once is enough.
      result = {};
    } else if (name.kind !== 'name') {
      result = { error: expected('a name', name, 'program', STATEMENT_HINT) };
    } else if (equals.kind !== 'punct' || equals.text !== '=') {
      lexer.advance();
      result =
        equals.kind === 'invalid'
          ? {}
          : { error: expected(`'=' after '${name.text}'`, equals, 'program', STATEMENT_HINT) };
    } else {
      lexer.advance();
      lexer.advance();
      result = parser.parse();
      assigned = true;
    }
    const { text: statementName, value: symbol, start, end: nameEnd } = name;
    if (result.expr !== undefined) {
      yield { name: statementName, symbol, nameEnd, start, end: result.end, expr: result.expr };
    } else {
      if (result.error !== undefined) errors.push(result.error);
      if (assigned) yield { name: statementName, symbol, nameEnd, start, end: lexer.token.end };
    }
    // After a fault, the rest of the line is skipped (still lexed, so its bad characters count).
    while (lexer.token.kind !== 'newline' && lexer.token.kind !== 'eof') lexer.advance();
  }
  diagnostics.push(...mergeByStart(lexer.diagnostics, errors));
}

/** One expression with comparisons and `and`/`or`; names and calls are the caller's to check. */
export function parseCondition(text: string): { expr?: Expr; diagnostics: LocalDiagnostic[] } {
  return parseOne(text, 'condition');
}

/** One arithmetic expression (a custom op's `forward` or `grad`); names are the caller's to check. */
export function parseExpression(text: string): { expr?: Expr; diagnostics: LocalDiagnostic[] } {
  return parseOne(text, 'program');
}

function parseOne(text: string, mode: Mode): { expr?: Expr; diagnostics: LocalDiagnostic[] } {
  const lexer = new Lexer(text, { newlines: false });
  const result = new ExpressionParser(lexer, mode).parse();
  while (lexer.token.kind !== 'eof') lexer.advance();
  const { expr } = result;
  if (expr !== undefined && depthOf(expr) > MAX_CONDITION_DEPTH) {
    const message = `Expressions nest too deeply (more than ${MAX_CONDITION_DEPTH} levels).`;
    return { diagnostics: [{ start: expr.start, end: expr.end, message }] };
  }
  if (expr !== undefined) return { expr, diagnostics: lexer.diagnostics };
  const errors = result.error === undefined ? [] : [result.error];
  return { diagnostics: mergeByStart(lexer.diagnostics, errors) };
}

/** Two lists already sorted by start, merged and cut to `MAX_COLLECTED_DIAGNOSTICS`. */
function mergeByStart(a: readonly LocalDiagnostic[], b: readonly LocalDiagnostic[]) {
  const merged: LocalDiagnostic[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < MAX_COLLECTED_DIAGNOSTICS && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  return merged;
}
