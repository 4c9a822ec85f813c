import { describe, expect, it } from 'vitest';
import {
  MAX_COLLECTED_DIAGNOSTICS,
  parseCondition,
  parseProgram,
} from '../../src/scenario/expression/index.js';
import { sexpr } from './expr-sexpr.js';

/** The one statement of `y = <text>`, failing on any diagnostic. */
function expression(text: string): string {
  const { statements, diagnostics } = parseProgram(`y = ${text}`);
  expect(diagnostics).toEqual([]);
  expect(statements).toHaveLength(1);
  return sexpr(statements[0].expr);
}

/** Message and offsets of each diagnostic (hints are checked where they matter). */
function faults(text: string) {
  return parseProgram(text).diagnostics.map(({ message, start, end }) => ({ message, start, end }));
}

describe('parseProgram: precedence and associativity as in Python', () => {
  it.each([
    ['-x ** 2', '(neg (** x 2))'],
    ['2 ** 3 ** 2', '(** 2 (** 3 2))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b * c', '(* (/ a b) c)'],
    ['a + b * c', '(+ a (* b c))'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['-x * y', '(* (neg x) y)'],
    ['(-x) ** 2', '(** (neg x) 2)'],
    ['2 ** -1', '(** 2 (neg 1))'],
    ['2 ** -x ** 2', '(** 2 (neg (** x 2)))'],
    ['-x ** 2 * 3', '(* (neg (** x 2)) 3)'],
    ['a - -b', '(- a (neg b))'],
    ['--a', '(neg (neg a))'],
    ['tanh(a + b) * relu(c)', '(* (tanh (+ a b)) (relu c))'],
    ['f(a, b * 2, g())', '(f a (* b 2) (g))'],
    ['#3 * 2', '(* #3 2)'],
  ])('%s parses as %s', (text, shape) => {
    expect(expression(text)).toBe(shape);
  });

  it('reads every number form and its value', () => {
    const { statements } = parseProgram('a = 2\nb = 0.5\nc = 1e-3\nd = .5\ne = 2.\nf = 3E+2\n');
    expect(statements.map((s) => s.expr.kind === 'number' && s.expr.value)).toEqual([
      2, 0.5, 0.001, 0.5, 2, 300,
    ]);
  });

  it('gives operands their own spans and the parent the parentheses', () => {
    const [statement] = parseProgram('y = (a + b) * c').statements;
    expect(statement).toMatchObject({ name: 'y', start: 0, nameEnd: 1, end: 15 });
    const { expr } = statement;
    expect(expr).toMatchObject({ kind: 'binary', start: 4, end: 15 });
    if (expr.kind !== 'binary') throw new Error('not binary');
    expect(expr.left).toMatchObject({ kind: 'binary', op: '+', start: 5, end: 10 });
  });

  it('spans a call from its name to its closing parenthesis', () => {
    const [{ expr }] = parseProgram('y = tanh( x )').statements;
    expect(expr).toMatchObject({ kind: 'call', callee: 'tanh', start: 4, calleeEnd: 8, end: 13 });
  });

  it('skips comments and blank lines, and tolerates CRLF', () => {
    const text = '# inputs\r\nx = 2.0   # a comment\r\n\r\n  \r\ny = x * 2\r\n';
    const { statements, diagnostics } = parseProgram(text);
    expect(diagnostics).toEqual([]);
    expect(statements.map((s) => [s.name, sexpr(s.expr)])).toEqual([
      ['x', '2.0'],
      ['y', '(* x 2)'],
    ]);
    expect(text.slice(statements[1].start, statements[1].end)).toBe('y = x * 2');
  });
});

describe('parseProgram: diagnostics', () => {
  it('an unexpected token', () => {
    const [d] = parseProgram('y = a b').diagnostics;
    expect(d).toEqual({
      message: "Expected an operator or end of line, found name 'b'.",
      start: 6,
      end: 7,
      hint: 'Is an operator missing before it?',
    });
  });

  it('a comment written #1st reads as a node reference, and says so', () => {
    expect(parseProgram('x = 2 #1st input').diagnostics).toEqual([
      {
        message: "Expected an operator or end of line, found '#1'.",
        start: 6,
        end: 8,
        hint: "'#' and a digit refer to a node; a comment starts with '# ' (with a space).",
      },
    ]);
  });

  it('a missing operand, at the end of the line or of the text', () => {
    const message = 'Expected an expression, found end of line.';
    expect(faults('y = a +\nz = 1')).toEqual([{ message, start: 7, end: 7 }]);
    expect(faults('y = a +')).toEqual([{ message, start: 7, end: 7 }]);
    expect(faults('y = a +\r\n')).toEqual([{ message, start: 7, end: 7 }]);
    expect(faults('y =')).toEqual([{ message, start: 3, end: 3 }]);
  });

  it('an unclosed parenthesis points at the unclosed "("', () => {
    const [d] = parseProgram('y = (a + (b)\nz = 1').diagnostics;
    expect(d).toEqual({
      message: "Expected ')' to close '(', found end of line.",
      start: 4,
      end: 5,
      related: [{ start: 12, end: 12, message: 'The expression ends here.' }],
    });
    expect(faults('y = tanh(x')).toEqual([
      { message: "Expected ')' to close '(', found end of line.", start: 8, end: 9 },
    ]);
  });

  it('a ")" without "("', () => {
    const [d] = parseProgram('y = a + b)').diagnostics;
    expect(d).toEqual({
      message: "Expected an operator or end of line, found ')'.",
      start: 9,
      end: 10,
      hint: "This ')' has no matching '('.",
    });
  });

  it('bad numbers are reported whole', () => {
    expect(faults('y = 1.2.3 * x')).toEqual([
      { message: "Invalid number '1.2.3'.", start: 4, end: 9 },
    ]);
    expect(faults('y = 1e + x')).toEqual([{ message: "Invalid number '1e'.", start: 4, end: 6 }]);
    expect(faults('y = 2x')).toEqual([{ message: "Invalid number '2x'.", start: 4, end: 6 }]);
  });

  it('a line that is not `name = expression`', () => {
    const [first] = parseProgram('2 = 3').diagnostics;
    expect(first).toEqual({
      message: "Expected a name, found number '2'.",
      start: 0,
      end: 1,
      hint: 'Each line of a graph is one statement: name = expression.',
    });
    expect(faults('x + 1')).toEqual([
      { message: "Expected '=' after 'x', found '+'.", start: 2, end: 3 },
    ]);
    expect(faults('x')).toEqual([
      { message: "Expected '=' after 'x', found end of line.", start: 1, end: 1 },
    ]);
  });

  it('unknown characters, with a hint for habits from other notations', () => {
    expect(faults('y = a $ b')).toEqual([
      { message: "Unexpected character '$'.", start: 6, end: 7 },
    ]);
    const [caret] = parseProgram('y = x ^ 2').diagnostics;
    expect(caret).toMatchObject({
      message: "Unexpected character '^'.",
      hint: 'Use ** for powers: x ** 2.',
    });
    expect(faults('y = a @@ b')).toEqual([
      { message: "Unexpected characters '@@'.", start: 6, end: 8 },
    ]);
    expect(faults('y = a\u0007')).toEqual([
      { message: "Unexpected character 'U+0007'.", start: 5, end: 6 },
    ]);
  });

  it('comparisons are not arithmetic', () => {
    const [d] = parseProgram('y = a < b').diagnostics;
    expect(d).toMatchObject({
      message: "Expected an operator or end of line, found '<'.",
      start: 6,
      hint: 'Comparisons belong in breakpoint conditions, not in a graph.',
    });
  });

  it('empty and trailing arguments', () => {
    expect(faults('y = f(a,)')).toEqual([
      { message: "Expected an expression, found ')'.", start: 8, end: 9 },
    ]);
    expect(faults('y = ()')).toEqual([
      { message: "Expected an expression, found ')'.", start: 5, end: 6 },
    ]);
    expect(faults('y = a, b')).toEqual([
      { message: "Expected an operator or end of line, found ','.", start: 5, end: 6 },
    ]);
  });

  it('collects one error per bad line, in order, and keeps the good lines', () => {
    const text = 'a = 1\nb = a +\nc = a * 2\nd = (a\ne = 1.2.3\nf = a';
    const { statements, diagnostics } = parseProgram(text);
    expect(statements.map((s) => s.name)).toEqual(['a', 'c', 'f']);
    expect(diagnostics.map((d) => d.start)).toEqual([
      text.indexOf('\nc'),
      text.indexOf('(a'),
      text.indexOf('1.2.3'),
    ]);
  });

  it('reports a lexical fault once, not again as a syntax error', () => {
    expect(faults('y = a $ $ b +')).toHaveLength(2);
  });

  it(`stops at ${MAX_COLLECTED_DIAGNOSTICS} diagnostics`, () => {
    const text = 'x = +\n'.repeat(2 * MAX_COLLECTED_DIAGNOSTICS);
    expect(parseProgram(text).diagnostics).toHaveLength(MAX_COLLECTED_DIAGNOSTICS);
  });
});

describe('parseCondition', () => {
  const shape = (text: string) => {
    const { expr, diagnostics } = parseCondition(text);
    expect(diagnostics).toEqual([]);
    return expr === undefined ? undefined : sexpr(expr);
  };

  it.each([
    ['grad > 10 and abs(data) < 1', '(and (> grad 10) (< (abs data) 1))'],
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a + 1 <= b * 2', '(<= (+ a 1) (* b 2))'],
    ['x == 0 or x != -1', '(or (== x 0) (!= x (neg 1)))'],
    ['nonfinite', 'nonfinite'],
    ['(a < b) == c', '(== (< a b) c)'],
    ['grad >\n  10', '(> grad 10)'],
  ])('%s parses as %s', (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it('comparisons do not chain', () => {
    expect(parseCondition('a < b < c')).toEqual({
      diagnostics: [
        {
          message: "Expected 'and' or 'or', found '<'.",
          start: 6,
          end: 7,
          hint: "Comparisons do not chain: write 'a < b and b < c'.",
        },
      ],
    });
  });

  it('reports a missing operand and a keyword in place of an operand', () => {
    expect(parseCondition('a and').diagnostics).toEqual([
      { message: 'Expected an expression, found end of input.', start: 5, end: 5 },
    ]);
    expect(parseCondition('').diagnostics).toEqual([
      { message: 'Expected an expression, found end of input.', start: 0, end: 0 },
    ]);
    expect(parseCondition('or x').diagnostics).toEqual([
      { message: "Expected an expression, found 'or'.", start: 0, end: 2 },
    ]);
    expect(parseCondition('grad = 1').diagnostics).toEqual([
      {
        message: "Expected an operator or end of input, found '='.",
        start: 5,
        end: 6,
        hint: 'Use == to compare.',
      },
    ]);
  });
});
