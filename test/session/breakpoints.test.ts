import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../src/engine/index.js';
import { diagnosticToJson, makeScenario } from '../../src/scenario/index.js';
import {
  createSession,
  parseBreakpoint,
  reduce,
  type SessionState,
  stepName,
} from '../../src/session/index.js';
import { mixed, seed } from './fixtures.js';

function withBreakpoints(state: SessionState, ...specs: string[]): SessionState {
  return specs.reduce((s, spec) => {
    const next = reduce(s, { type: 'addBreakpoint', spec });
    expect(next, spec).not.toBe(s);
    return next;
  }, state);
}

/** The step names where `continue` stops, from start to end. */
function stops(state: SessionState): string[] {
  const names: string[] = [];
  let s = state;
  for (;;) {
    const next = reduce(s, { type: 'continue' });
    if (next === s || next.last?.hit === undefined) return names;
    s = next;
    names.push(stepName(s, s.position));
  }
}

/** The same, going backward from the end with reverse continue. */
function reverseStops(state: SessionState): string[] {
  const names: string[] = [];
  let s = reduce(state, { type: 'last' });
  for (;;) {
    const next = reduce(s, { type: 'reverseContinue' });
    if (next === s || next.last?.hit === undefined) return names;
    s = next;
    names.push(stepName(s, s.position));
  }
}

describe('breakpoints on the seed', () => {
  const seedWith = (...specs: string[]) => withBreakpoints(createSession(seed()), ...specs);

  it('reports a hit on next at exactly the steps where continue stops', () => {
    let s = seedWith('xy', 'change:y');
    const hits: string[] = [];
    while (s.position < s.timeline.total) {
      s = reduce(s, { type: 'next' });
      if (s.last?.hit !== undefined) hits.push(stepName(s, s.position));
    }
    expect(hits).toEqual(['F3', 'B3', 'B4']);
    expect(reduce(seedWith('xy'), { type: 'next' }).last?.hit).toBeUndefined();
  });

  it.each([
    [['xy'], ['F3', 'B3']],
    [['forward:xy'], ['F3']],
    [['backward:xy'], ['B3']],
    [['#4'], ['F3', 'B3']],
    [['x'], ['B3', 'B5']],
    [['change:y'], ['B3', 'B4']],
    [['change:z'], ['F5', 'B0']],
    [['data > 5'], ['F2', 'F3', 'F5']],
    [['xy: data > 5'], ['F3']],
    // x.grad crosses 1 at B5; y.grad at B4; x_2 at B4 (it becomes 3): fired once each, not after.
    [['grad > 1'], ['B4', 'B5']],
    [['x: abs(grad - 12) < 0.001'], ['B5']],
    [['saturated'], ['F4']],
    [['grad == 0 and data > 5'], ['B0']],
    [['grad < 0 or data < 0'], []],
  ])('%j stops at %j', (specs, expected) => {
    expect(stops(seedWith(...specs))).toEqual(expected);
    // Reverse continue starts at the end (B5), so a hit there is behind it.
    const behind = expected.filter((name) => name !== 'B5').reverse();
    expect(reverseStops(seedWith(...specs))).toEqual(behind);
  });

  it('reports which breakpoint and node fired', () => {
    const s = reduce(seedWith('forward:z', 'change:x'), { type: 'goto', step: 'B0' });
    const hit = reduce(s, { type: 'continue' });
    expect(hit.last?.hit).toEqual({ breakpoint: 1, node: 0 });
  });

  it('toggles a bare node breakpoint', () => {
    const s = createSession(seed());
    const on = reduce(s, { type: 'toggleBreakpoint', node: 4 });
    expect(on.breakpoints.map((b) => b.spec)).toEqual(['xy']);
    const off = reduce(on, { type: 'toggleBreakpoint', node: 4 });
    expect(off.breakpoints).toEqual([]);
    const removed = reduce(seedWith('x', 'y'), { type: 'removeBreakpoint', index: 0 });
    expect(removed.breakpoints.map((b) => b.spec)).toEqual(['y']);
  });

  it('continue without breakpoints runs to the end', () => {
    const s = reduce(createSession(seed()), { type: 'continue' });
    expect(stepName(s, s.position)).toBe('B5');
    expect(s.last?.hit).toBeUndefined();
  });
});

describe('NaN', () => {
  it('nonfinite fires where log(-1.5) makes NaN and where it spreads, once per node', () => {
    const s = withBreakpoints(createSession(mixed()), 'nonfinite');
    expect(stops(s)).toEqual(['F1', 'F8']);
    const first = reduce(s, { type: 'continue' });
    expect(first.last?.hit?.node).toBe(first.timeline.graph.idOf('lg'));
  });

  it('compares NaN as IEEE 754 does: only != is true', () => {
    expect(stops(withBreakpoints(createSession(mixed()), 'lg: data != 0'))).toEqual(['F1']);
    expect(stops(withBreakpoints(createSession(mixed()), 'lg: data == data'))).toEqual([]);
    expect(stops(withBreakpoints(createSession(mixed()), 'lg: data > -1e308'))).toEqual([]);
  });
});

describe('parseBreakpoint diagnostics', () => {
  const scenario = seed();
  /** The one diagnostic of a spec that does not parse, with the text it points at. */
  const problem = (spec: string, on = scenario) => {
    const parsed = parseBreakpoint(spec, on);
    if ('breakpoint' in parsed) throw new Error(`${spec} parsed`);
    expect(parsed.diagnostics).toHaveLength(1);
    const [d] = parsed.diagnostics;
    return { at: spec.slice(d.start, d.end), start: d.start, message: d.message, hint: d.hint };
  };
  const SEED_NODES = 'The nodes are x, y, x_2, x_2_y, xy, tanh_xy, z (ids #0 to #6).';
  const FORMS =
    'A breakpoint is NODE, forward:NODE, backward:NODE, change:NODE, final:NODE, mismatch or a condition such as grad > 1.';
  const CONDITION_WORDS =
    'A condition uses data, grad, abs(), nonfinite, saturated, < <= > >= == != and or.';

  it('quotes an unknown node and suggests a close name', () => {
    expect(problem('forward:xyy')).toEqual({
      at: 'xyy',
      start: 8,
      message: "Unknown node 'xyy'.",
      hint: "Did you mean 'xy'?",
    });
    expect(problem('tanh_x: data > 1')).toEqual({
      at: 'tanh_x',
      start: 0,
      message: "Unknown node 'tanh_x'.",
      hint: "Did you mean 'tanh_xy'?",
    });
    // A whole spec of one word may be a misspelt predicate.
    expect(problem(' nonfinit')).toMatchObject({ start: 1, hint: "Did you mean 'nonfinite'?" });
    expect(problem('mismatc')).toMatchObject({ hint: "Did you mean 'mismatch'?" });
  });

  it('lists what is allowed when no name is close', () => {
    expect(problem('change:nope')).toEqual({
      at: 'nope',
      start: 7,
      message: "Unknown node 'nope'.",
      hint: SEED_NODES,
    });
    expect(problem('nope')).toEqual({
      at: 'nope',
      start: 0,
      message: "Unknown node 'nope'.",
      hint: `${FORMS} ${SEED_NODES}`,
    });
    expect(problem('#99: grad > 1')).toEqual({
      at: '#99',
      start: 0,
      message: 'There is no node #99.',
      hint: 'Node ids run from #0 to #6.',
    });
  });

  it('lists only the first node names of a large graph', () => {
    const g = new Graph();
    let sum = g.addInput(0, 'n0');
    for (let i = 1; i < 12; i++) sum = g.addOp(OpCode.add, sum, g.addInput(i, `n${i}`));
    const source = { name: 'wide', text: '' };
    const wide = makeScenario({ source, title: 'wide', graph: g, output: sum });
    expect(problem('forward:zz', wide).hint).toBe(
      `The nodes are n0, n1, n2, n3, n4, n5, n6, n7, … (ids #0 to #${g.size - 1}).`,
    );
  });

  it('rejects forward and backward on a leaf', () => {
    expect(problem('backward:x')).toEqual({
      at: 'x',
      start: 9,
      message: "'x' is a leaf: it has no backward step.",
      hint: 'Use change:x to stop where its grad changes.',
    });
  });

  it('quotes unknown names in conditions, with a suggestion or what is allowed', () => {
    expect(problem('x: dat > 1')).toEqual({
      at: 'dat',
      start: 3,
      message: "Unknown name 'dat'.",
      hint: "Did you mean 'data'?",
    });
    expect(problem('x: foo > 1')).toEqual({
      at: 'foo',
      start: 3,
      message: "Unknown name 'foo'.",
      hint: CONDITION_WORDS,
    });
    expect(problem('x: y > 1')).toEqual({
      at: 'y',
      start: 3,
      message: "Unknown name 'y'.",
      hint: "'y' is a node; a condition reads its own node, as in y: data > 1.",
    });
  });

  it('names an unknown function by its name alone', () => {
    expect(problem('x: sqrt(grad) > 1')).toEqual({
      at: 'sqrt',
      start: 3,
      message: "Unknown function 'sqrt'.",
      hint: 'A condition may call only abs().',
    });
    expect(problem('x: ab(grad) > 1').hint).toBe("Did you mean 'abs'?");
  });

  it('says == for a single =', () => {
    expect(problem('x: grad = 1')).toEqual({
      at: '=',
      start: 8,
      message: "Expected an operator or end of input, found '='.",
      hint: 'Use == to compare.',
    });
  });

  it('reads a condition of condition names alone as one over every node', () => {
    const parsed = parseBreakpoint(' nonfinite ', scenario);
    expect(parsed).toMatchObject({
      breakpoint: { kind: 'condition', spec: 'nonfinite', node: undefined },
    });
  });

  it('asks to compare data or grad written alone, or any other number', () => {
    for (const name of ['data', 'grad']) {
      expect(problem(name)).toEqual({
        at: name,
        start: 0,
        message: "Expected a comparison, 'nonfinite' or 'saturated', found a number.",
        hint: `'${name}' alone is a number; compare it, as in ${name} > 1.`,
      });
    }
    expect(problem('saturated or data')).toMatchObject({ at: 'data', start: 13 });
    expect(problem('x: grad + 1')).toMatchObject({
      at: 'grad + 1',
      hint: "'grad + 1' alone is a number; compare it, as in grad + 1 > 1.",
    });
  });

  it('passes on the parser diagnostics shifted to the spec', () => {
    const spec = 'xy:  grad >';
    const parsed = parseBreakpoint(spec, scenario);
    if ('breakpoint' in parsed) throw new Error('parsed');
    const [json] = parsed.diagnostics.map((d) =>
      diagnosticToJson({ ...d, severity: 'error', source: { name: 'spec', text: spec } }),
    );
    expect(parsed.diagnostics[0]).toMatchObject({ start: 11, end: 11 });
    expect(json).toMatchObject({
      line: 1,
      col: 12,
      message: 'Expected an expression, found end of input.',
    });
  });

  it('never evaluates the spec as code', () => {
    // The lexer stops at the '.', before any name could be looked up.
    expect(problem('x: process.exit(1)')).toEqual({
      at: '.',
      start: 10,
      message: "Unexpected character '.'.",
      hint: undefined,
    });
    expect(problem('x: process > 1')).toEqual({
      at: 'process',
      start: 3,
      message: "Unknown name 'process'.",
      hint: CONDITION_WORDS,
    });
  });
});
