import { describe, expect, it } from 'vitest';
import { backward, forward, OpCode } from '../../src/engine/index.js';
import { compileProgram } from '../../src/scenario/compile.js';
import { parseProgram } from '../../src/scenario/expression/index.js';
import { closeTo, referenceValues } from './fixtures.js';

function compile(text: string, set?: ReadonlyMap<string, number>) {
  const parsed = parseProgram(text);
  expect(parsed.diagnostics).toEqual([]);
  return compileProgram(parsed.statements, parsed.symbols, { set });
}

/** Compiles, runs forward and backward from the last name, and compares with the reference values. */
function expectValues(text: string, expected: Readonly<Record<string, readonly [number, number]>>) {
  const { graph, lastName, diagnostics } = compile(text);
  expect(diagnostics).toEqual([]);
  const output = graph.idOf(lastName!)!;
  forward(graph);
  backward(graph, output);
  for (const [name, [data, grad]] of Object.entries(expected)) {
    const id = graph.idOf(name)!;
    expect(closeTo(graph.data[id], data), `${name}.data = ${graph.data[id]}, want ${data}`).toBe(
      true,
    );
    expect(closeTo(graph.grad[id], grad), `${name}.grad = ${graph.grad[id]}, want ${grad}`).toBe(
      true,
    );
  }
}

describe('compileProgram: reference graphs (../shared/reference-values.md)', () => {
  it('1. the seed notebook', () => {
    const text = `x = 2.0
y = 3.0
x_2 = x * x
x_2_y = x_2 * y
xy = x * y
tanh_xy = tanh(xy)
z = x_2_y + tanh_xy
`;
    expectValues(text, referenceValues('seed notebook'));
  });

  it("3. micrograd's README example: / ** relu, unary minus, constants", () => {
    const text = `a = -4.0
b = 2.0
c = a + b
d = a * b + b ** 3
c1 = c + (c + 1)
c2 = c1 + (1 + c1 + (-a))
d1 = d + (d * 2 + relu(b + a))
d2 = d1 + (3 * d1 + relu(b - a))
e = c2 - d2
f = e ** 2
g = f / 2.0
g1 = g + 10.0 / f
`;
    expectValues(text, referenceValues("micrograd's README example"));
  });
});

describe('compileProgram: nodes', () => {
  it('one node per operation, in evaluation order, with the statement name on the last', () => {
    const { graph } = compile('x = 2\ny = 3 * x + x\n');
    expect(Array.from(graph.op.subarray(0, graph.size))).toEqual([
      OpCode.input,
      OpCode.constant,
      OpCode.mul,
      OpCode.add,
    ]);
    expect(graph.inputsOf(3)).toEqual([2, 0]);
    expect(graph.idOf('y')).toBe(3);
    expect(graph.nameOf(3)).toBe('y');
    expect(graph.nameOf(2)).toBeUndefined();
  });

  it('a signed literal alone declares an input; inside an expression it is one constant', () => {
    const { graph } = compile('x = -1.5\ny = -2 * x\nz = -x\n');
    expect(graph.opOf(graph.idOf('x')!)).toBe(OpCode.input);
    expect(graph.data[graph.idOf('x')!]).toBe(-1.5);
    expect(graph.opOf(1)).toBe(OpCode.constant);
    expect(graph.data[1]).toBe(-2);
    expect(graph.opOf(graph.idOf('z')!)).toBe(OpCode.neg);
  });

  it('x ** k is one pow node with its exponent as a parameter', () => {
    const { graph } = compile('x = 2\ny = x ** -0.5\n');
    const y = graph.idOf('y')!;
    expect(graph.opOf(y)).toBe(OpCode.pow);
    expect(graph.inputsOf(y)).toEqual([0]);
    expect(graph.param[y]).toBe(-0.5);
    expect(graph.size).toBe(2);
  });

  it('#ID refers to an earlier node', () => {
    const { graph } = compile('x = 2\ny = x * 3 + 1\nz = #2 * #2\n');
    expect(graph.inputsOf(graph.idOf('z')!)).toEqual([2, 2]);
  });

  it('records spans: an input its literal, an op node its expression', () => {
    const text = 'x = -2.5\ny = (x + 1) * tanh(x)\n';
    const { spans, graph } = compile(text);
    const textOf = (id: number) => text.slice(spans.start[id], spans.end[id]);
    expect(spans.start).toHaveLength(graph.size);
    expect(Array.from({ length: graph.size }, (_, id) => textOf(id))).toEqual([
      '-2.5',
      '1',
      'x + 1',
      'tanh(x)',
      '(x + 1) * tanh(x)',
    ]);
  });

  it('set replaces the values of inputs and ignores other names', () => {
    const set = new Map([
      ['x', 5],
      ['y', 7],
      ['nope', 1],
    ]);
    const { graph } = compile('x = 2\ny = x * 2\n', set);
    expect(graph.data[graph.idOf('x')!]).toBe(5);
    forward(graph);
    expect(graph.data[graph.idOf('y')!]).toBe(10);
  });

  it('returns where each name is defined and the last name', () => {
    const { definitionOf, lastName } = compile('x = 2\n\ny = x * 2\n');
    expect(definitionOf('y')).toEqual({ start: 7, nameEnd: 8 });
    expect(definitionOf('z')).toBeUndefined();
    expect(lastName).toBe('y');
  });
});

describe('compileProgram: diagnostics', () => {
  const diagnose = (text: string) => {
    const parsed = parseProgram(text);
    expect(parsed.diagnostics).toEqual([]);
    return compileProgram(parsed.statements, parsed.symbols).diagnostics;
  };

  it('an undefined name, with a did-you-mean from the names defined so far', () => {
    expect(diagnose('weight = 2\ny = wieght * 2')).toEqual([
      { message: "Undefined name 'wieght'.", start: 15, end: 21, hint: "Did you mean 'weight'?" },
    ]);
    expect(diagnose('x = 2\ny = qqq * 2')).toEqual([
      { message: "Undefined name 'qqq'.", start: 10, end: 13 },
    ]);
    expect(diagnose('x = 2\ny = tanh * 2')[0].hint).toBe(
      "'tanh' is a function: call it as tanh(...).",
    );
  });

  it('a name used before its definition points at the later definition', () => {
    expect(diagnose('x = 2\ny = x * w\nw = 3')).toEqual([
      {
        message: "Name 'w' is used before its definition.",
        start: 14,
        end: 15,
        hint: "Statements run top to bottom; move the definition of 'w' above this line.",
        related: [{ start: 16, end: 17, message: "'w' is defined here." }],
      },
    ]);
  });

  it('a name used in its own definition', () => {
    expect(diagnose('x = x + 1')).toEqual([
      {
        message: "Name 'x' is used in its own definition.",
        start: 4,
        end: 5,
        hint: 'A graph has no cycles; to update a value, use a new name: x1 = x + 1.',
      },
    ]);
  });

  it('a redefined name: the error at the second, related at the first', () => {
    expect(diagnose('x = 2\ny = x * 2\nx = 3')).toEqual([
      {
        message: "Name 'x' is already defined.",
        start: 16,
        end: 17,
        hint: "Each name is assigned once; give the new value a new name, such as 'x1'.",
        related: [{ start: 0, end: 1, message: "'x' is first defined here." }],
      },
    ]);
  });

  it('an unknown function, with a did-you-mean', () => {
    expect(diagnose('x = 2\ny = tahn(x)')).toEqual([
      { message: "Unknown function 'tahn'.", start: 10, end: 14, hint: "Did you mean 'tanh'?" },
    ]);
    expect(diagnose('x = 2\ny = frobnicate(x)')[0].hint).toBe(
      'The functions are tanh, relu, exp, log, sigmoid.',
    );
  });

  it('the wrong number of arguments', () => {
    expect(diagnose('x = 2\ny = tanh(x, x)')).toEqual([
      { message: "'tanh' takes 1 argument, found 2.", start: 10, end: 20 },
    ]);
    expect(diagnose('y = exp()')[0].message).toBe("'exp' takes 1 argument, found 0.");
  });

  it('a #ID ref to a node that does not exist yet', () => {
    expect(diagnose('x = 2\ny = x * #5')).toEqual([
      {
        message: 'Node #5 does not exist yet.',
        start: 14,
        end: 16,
        hint: 'The only node so far is #0.',
      },
    ]);
  });

  it('the #ID hint names the range of existing nodes', () => {
    expect(diagnose('y = #0 * 2')[0].hint).toBe('No node has been created before this point.');
    expect(diagnose('x = 2\ny = x * 3 + #9')[0].hint).toBe('The nodes so far are #0 to #2.');
  });

  it('an exponent that is not a number literal', () => {
    expect(diagnose('x = 2\nn = 3\ny = x ** n')).toEqual([
      {
        message: "The exponent of ** must be a number literal, found name 'n'.",
        start: 21,
        end: 22,
        hint: "micrograd's ** raises to a constant power; for a variable power write exp(y * log(x)).",
      },
    ]);
    expect(diagnose('x = 2\ny = x ** (1 + 1)')[0].message).toBe(
      "The exponent of ** must be a number literal, found '1 + 1'.",
    );
  });

  it('an alias is an error: it would create no node', () => {
    expect(diagnose('x = 2\ny = x')).toEqual([
      {
        message: "Expected an expression with an operation, found only name 'x'.",
        start: 10,
        end: 11,
        hint: "'y = x' would only give that node a second name, and aliases are not nodes; use 'x' itself.",
      },
    ]);
  });

  it('collects every error and reports a failed name only once', () => {
    const text = 'x = 2\ny = tahn(x)\nz = y * 2 + q\nw = x ** z';
    expect(diagnose(text).map((d) => d.message)).toEqual([
      "Unknown function 'tahn'.",
      "Undefined name 'q'.",
      "The exponent of ** must be a number literal, found name 'z'.",
    ]);
  });
});
