import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOp, Expr } from '../../src/scenario/expression/index.js';
import {
  parseCondition,
  parseProgram,
  printExpr,
  printProgram,
} from '../../src/scenario/expression/index.js';
import { sexpr } from './expr-sexpr.js';

const printedCondition = (text: string): string => {
  const { expr, diagnostics } = parseCondition(text);
  expect(diagnostics).toEqual([]);
  return printExpr(expr!);
};

describe('printExpr', () => {
  it.each([
    ['(a + b) * c', '(a + b) * c'],
    ['a + (b * c)', 'a + b * c'],
    ['(a - b) - c', 'a - b - c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['a / (b * c)', 'a / (b * c)'],
    ['(2 ** 3) ** 2', '(2 ** 3) ** 2'],
    ['2 ** (3 ** 2)', '2 ** 3 ** 2'],
    ['-(x ** 2)', '-x ** 2'],
    ['(-x) ** 2', '(-x) ** 2'],
    ['2 ** (-1)', '2 ** -1'],
    ['-(a + b)', '-(a + b)'],
    ['- -a', '--a'],
    ['a * (-b)', 'a * -b'],
    ['tanh( x ,y )', 'tanh(x, y)'],
    ['f()', 'f()'],
    ['#3*1e-3', '#3 * 1e-3'],
    ['.5 + 2.', '.5 + 2.'],
    ['(a < b) == c', '(a < b) == c'],
    ['a < (b + 1)', 'a < b + 1'],
    ['(a or b) and c', '(a or b) and c'],
    ['a or (b and c)', 'a or b and c'],
    ['(a and b) + 1', '(a and b) + 1'],
  ])('%s prints as %s', (text, printed) => {
    expect(printedCondition(text)).toBe(printed);
  });

  it('printProgram writes one statement a line, without comments', () => {
    const { statements } = parseProgram('# c\nx = -2.0\n\ny = (x*x) + tanh(x) # why\n');
    expect(printProgram(statements)).toBe('x = -2.0\ny = x * x + tanh(x)\n');
  });
});

const at = { start: 0, end: 0 };
const ARITHMETIC: BinaryOp[] = ['+', '-', '*', '/', '**'];
const CONDITION: BinaryOp[] = [...ARITHMETIC, '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];

/** Random expression trees over the given binary operators, with every kind of leaf. */
function trees(ops: BinaryOp[]): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc
      .constantFrom('x', 'y', 'grad', 'w_1')
      .map((name): Expr => ({ kind: 'name', name, symbol: 0, ...at })),
    fc
      .oneof(fc.nat(1000).map(String), fc.constantFrom('0.5', '.5', '1e-3', '2.', '3E+2'))
      .map((raw): Expr => ({ kind: 'number', value: Number(raw), raw, ...at })),
    fc.nat(50).map((id): Expr => ({ kind: 'ref', id, ...at })),
  );
  const { expr } = fc.letrec<{ expr: Expr; unary: Expr; binary: Expr; call: Expr }>((tie) => ({
    expr: fc.oneof(
      { maxDepth: 6, depthIdentifier: 'expr' },
      leaf,
      tie('unary'),
      tie('binary'),
      tie('call'),
    ),
    unary: tie('expr').map((operand): Expr => ({ kind: 'unary', op: '-', operand, ...at })),
    binary: fc
      .record({ op: fc.constantFrom(...ops), left: tie('expr'), right: tie('expr') })
      .map((parts): Expr => ({ kind: 'binary', ...parts, ...at })),
    call: fc
      .record({
        callee: fc.constantFrom('tanh', 'abs'),
        args: fc.array(tie('expr'), { maxLength: 3 }),
      })
      .map((parts): Expr => ({ kind: 'call', ...parts, calleeEnd: 0, ...at })),
  }));
  return expr;
}

describe('print -> parse -> print', () => {
  it('conditions: re-parses to the same tree, so the text is stable', () => {
    fc.assert(
      fc.property(trees(CONDITION), (tree) => {
        const printed = printExpr(tree);
        const { expr, diagnostics } = parseCondition(printed);
        expect(diagnostics).toEqual([]);
        expect(sexpr(expr!)).toBe(sexpr(tree));
        expect(printExpr(expr!)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('graph statements: the same through parseProgram and printProgram', () => {
    fc.assert(
      fc.property(trees(ARITHMETIC), (tree) => {
        const text = `y = ${printExpr(tree)}\n`;
        const { statements, diagnostics } = parseProgram(text);
        expect(diagnostics).toEqual([]);
        expect(sexpr(statements[0].expr)).toBe(sexpr(tree));
        expect(printProgram(statements)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
