/**
 * Deep nesting and long chains are inputs like any other: the parser, compiler and printer keep
 * their work on explicit stacks, so none of these may throw (a RangeError would be a stack overflow).
 */
import { describe, expect, it } from 'vitest';
import { backward, forward } from '../../src/engine/index.js';
import { compileProgram } from '../../src/scenario/compile.js';
import {
  MAX_CONDITION_DEPTH,
  parseCondition,
  parseProgram,
  postOrder,
  printExpr,
  printProgram,
} from '../../src/scenario/expression/index.js';

const DEPTH = 20_000;
const TERMS = 100_000;

function parseClean(text: string) {
  const parsed = parseProgram(text);
  expect(parsed.diagnostics).toEqual([]);
  return parsed;
}

describe('deep and long expressions', () => {
  it(`${DEPTH} nested parentheses parse to the inner expression`, () => {
    const text = `x = 1\ny = ${'('.repeat(DEPTH)}x + 1${')'.repeat(DEPTH)}\n`;
    const { statements } = parseClean(text);
    expect(statements[1].expr).toMatchObject({ kind: 'binary', op: '+', start: 10 + DEPTH });
    expect(statements[1].end).toBe(text.length - 1);
  });

  it(`${DEPTH} nested negations and calls compile, run and print`, () => {
    const inner = `${'-tanh('.repeat(DEPTH)}x${')'.repeat(DEPTH)}`;
    const { statements, symbols } = parseClean(`x = 0.5\ny = ${inner}\n`);
    const { graph, diagnostics } = compileProgram(statements, symbols);
    expect(diagnostics).toEqual([]);
    expect(graph.size).toBe(1 + 2 * DEPTH);
    forward(graph);
    backward(graph, graph.idOf('y')!);
    expect(Number.isFinite(graph.grad[0])).toBe(true);
    expect(printExpr(statements[1].expr) === inner).toBe(true);
  });

  it(`a ${DEPTH}-deep right-nested sum keeps its parentheses when printed`, () => {
    const inner = `${'x + ('.repeat(DEPTH)}x + x${')'.repeat(DEPTH)}`;
    const { statements, symbols } = parseClean(`x = 1\ny = ${inner}\n`);
    expect(printExpr(statements[1].expr) === inner).toBe(true);
    const { graph, diagnostics } = compileProgram(statements, symbols);
    expect(diagnostics).toEqual([]);
    forward(graph);
    expect(graph.data[graph.size - 1]).toBe(DEPTH + 2);
  });

  it(`a ${TERMS}-term sum parses, compiles and prints`, () => {
    const sum = Array.from({ length: TERMS }, (_, i) => (i % 2 === 0 ? 'x' : '1')).join(' + ');
    const { statements, symbols } = parseClean(`x = 1\ny = ${sum}\n`);
    expect(postOrder(statements[1].expr)).toHaveLength(2 * TERMS - 1);
    const { graph, diagnostics } = compileProgram(statements, symbols);
    expect(diagnostics).toEqual([]);
    forward(graph);
    expect(graph.data[graph.idOf('y')!]).toBe(TERMS);
    expect(printProgram(statements) === `x = 1\ny = ${sum}\n`).toBe(true);
  });

  it(`a ${TERMS}-term ** chain is right-associative and is one error, not a crash`, () => {
    const chain = Array.from({ length: TERMS }, () => 'x').join(' ** ');
    const { statements, symbols } = parseClean(`x = 1\ny = ${chain}\n`);
    const root = statements[1].expr;
    expect(root.kind === 'binary' && root.left.kind).toBe('name');
    const { diagnostics } = compileProgram(statements, symbols);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "The exponent of ** must be a number literal, found 'x ** x ** x ** x ** x ** x ** x ** x **…'.",
    ]);
  });

  it(`${TERMS} statements compile into a chain`, () => {
    const lines = ['v0 = 1'];
    for (let i = 1; i < TERMS; i++) lines.push(`v${i} = v${i - 1} * 1`);
    const { statements, symbols } = parseClean(lines.join('\n'));
    const { graph, diagnostics, lastName } = compileProgram(statements, symbols);
    expect(diagnostics).toEqual([]);
    expect(lastName).toBe(`v${TERMS - 1}`);
    expect(graph.size).toBe(1 + 2 * (TERMS - 1));
  });

  it('a condition with deep parentheses parses; a tree deeper than the limit is refused', () => {
    const parens = `${'('.repeat(DEPTH)}grad > 1${')'.repeat(DEPTH)}`;
    expect(parseCondition(`${parens} and data < 0`)).toMatchObject({
      expr: { kind: 'binary', op: 'and' },
      diagnostics: [],
    });
    const limit = `${'-'.repeat(MAX_CONDITION_DEPTH - 2)}data < 0`;
    expect(parseCondition(limit).diagnostics).toEqual([]);
    expect(parseCondition(`-${limit}`).diagnostics).toHaveLength(1);
    const deep = `grad > 1 and ${'-'.repeat(DEPTH)}data < 0`;
    expect(parseCondition(deep)).toEqual({
      diagnostics: [
        {
          message: `Expressions nest too deeply (more than ${MAX_CONDITION_DEPTH} levels).`,
          start: 0,
          end: deep.length,
        },
      ],
    });
  });
});
