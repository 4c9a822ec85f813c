/**
 * `final:NODE` and `mismatch` on graphs whose steps are known by hand. The seed's backward steps
 * (reference values §1): B1 z → x_2_y, tanh_xy; B2 tanh_xy → xy; B3 xy → x, y; B4 x_2_y → x_2, y;
 * B5 x_2 → x, x. So x's grad is final after B5, y's after B4, xy's after B2, z's at B0.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import {
  createSession,
  parseBreakpoint,
  reduce,
  type SessionState,
  stepName,
} from '../../src/session/index.js';
import { seed } from './fixtures.js';

/** Where `continue` stops from start to end with these breakpoints, and on which node. */
function stops(state: SessionState, ...specs: string[]): string[] {
  let s = specs.reduce((t, spec) => reduce(t, { type: 'addBreakpoint', spec }), state);
  expect(s.breakpoints).toHaveLength(specs.length);
  const found: string[] = [];
  for (;;) {
    const next = reduce(s, { type: 'continue' });
    const hit = next.last?.hit;
    if (next === s || hit === undefined) return found;
    s = next;
    found.push(`${stepName(s, s.position)} ${s.timeline.scenario.labelOf(hit.node)}`);
  }
}

function load(text: string): Scenario {
  const result = loadScenario({ name: 't.yaml', text });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.scenario;
}

describe('final:NODE', () => {
  it.each([
    ['final:x', ['B5 x']],
    ['final:y', ['B4 y']],
    ['final:xy', ['B2 xy']],
    ['final:z', ['B0 z']],
  ])('%s stops where the grad receives its last term', (spec, expected) => {
    expect(stops(createSession(seed()), spec)).toEqual(expected);
  });

  it('stops once in each pass of double-backward', () => {
    const found = stops(createSession(seed(), { mode: 'double-backward' }), 'final:y');
    expect(found).toHaveLength(2);
    expect(found[0]).toBe('B4 y');
    expect(found[1]).toMatch(/^B'\d+ y$/);
  });

  it('names an unknown node', () => {
    const parsed = parseBreakpoint('final:nope', seed());
    expect('diagnostics' in parsed && parsed.diagnostics[0].message).toBe("Unknown node 'nope'.");
  });
});

describe('mismatch', () => {
  it('never stops in the correct mode', () => {
    expect(stops(createSession(seed()), 'mismatch')).toEqual([]);
  });

  it('overwrite (= instead of +=): stops where a second term replaces the first', () => {
    // y gets 4.9153e-5 at B3 and 4 at B4: overwritten, 4 instead of 4.00005. x gets 7.37e-5 at
    // B3 and 6 twice at B5: 6 instead of 12.00007. Nothing differs before.
    expect(stops(createSession(seed(), { mode: 'overwrite' }), 'mismatch')).toEqual([
      'B4 y',
      'B5 x',
    ]);
  });

  it('stops once per node: a grad that already differs and changes again is no new mismatch', () => {
    // Backward runs t, s, c, b, a: x gets 5 (B3), 4 (B4) and 3 (B5); overwritten it is 5, 4, 3
    // where the correct sums are 5, 9, 12: it parts at B4 and stays apart.
    const s = load(
      'title: t\ngraph: |\n  x = 2.0\n  a = x * 3\n  b = x * 4\n  c = x * 5\n  s = a + b\n  t = s + c\n',
    );
    expect(stops(createSession(s, { mode: 'overwrite' }), 'mismatch')).toEqual(['B4 x']);
  });

  it('a wrongly written derivative: stops at the step that uses it, on the input it wrongs', () => {
    const s = load(`title: t
ops:
  mymul:
    args: [a, b]
    forward: a * b
    grad: { a: b, b: b }
graph: |
  x = 2.0
  y = 3.0
  m = mymul(x, y)
  o = m + 1
`);
    // B1 o hands m its grad; B2 runs mymul, whose d/db is written as b (3) instead of a (2).
    expect(stops(createSession(s), 'mismatch')).toEqual(['B2 y']);
  });
});
