import { describe, expect, it } from 'vitest';
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
    names.push(stepName(s.timeline, s.position));
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
    names.push(stepName(s.timeline, s.position));
  }
}

describe('breakpoints on the seed', () => {
  const seedWith = (...specs: string[]) => withBreakpoints(createSession(seed()), ...specs);

  it('reports a hit on next at exactly the steps where continue stops', () => {
    let s = seedWith('xy', 'change:y');
    const hits: string[] = [];
    while (s.position < s.timeline.total) {
      s = reduce(s, { type: 'next' });
      if (s.last?.hit !== undefined) hits.push(stepName(s.timeline, s.position));
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
    expect(stepName(s.timeline, s.position)).toBe('B5');
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
  const problem = (spec: string) => {
    const parsed = parseBreakpoint(spec, scenario);
    if ('breakpoint' in parsed) throw new Error(`${spec} parsed`);
    const [d] = parsed.diagnostics;
    return { at: spec.slice(d.start, d.end), message: d.message, hint: d.hint };
  };

  it('names an unknown node with a suggestion', () => {
    expect(problem('forward:xyy')).toEqual({
      at: 'xyy',
      message: 'Unknown node xyy.',
      hint: 'did you mean xy?',
    });
    expect(problem('tanh_x: data > 1').at).toBe('tanh_x');
  });

  it('rejects forward and backward on a leaf', () => {
    expect(problem('backward:x')).toMatchObject({
      at: 'x',
      hint: 'change:x stops where its grad changes',
    });
  });

  it('rejects unknown names, functions and non-conditions in conditions', () => {
    expect(problem('x: dat > 1')).toMatchObject({
      at: 'dat',
      message: 'Unknown name dat.',
      hint: 'did you mean data?',
    });
    expect(problem('x: sqrt(grad) > 1')).toMatchObject({ message: 'Unknown function sqrt.' });
    expect(problem('x: grad + 1')).toMatchObject({
      at: 'grad + 1',
      message: 'Expected a comparison, `nonfinite` or `saturated`, found a number.',
    });
  });

  it('passes on the parser diagnostics shifted to the spec', () => {
    const d = problem('x: grad >');
    expect(d.message.length).toBeGreaterThan(0);
  });

  it('never evaluates the spec as code', () => {
    expect(() => parseBreakpoint('x: process.exit(1)', scenario)).not.toThrow();
  });
});
