/**
 * The backward modes against hand-derived values and against a tiny micrograd written here,
 * object by object, with each algorithm as its bug report describes it (no code shared with src).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/engine/index.js';
import { makeScenario, type Scenario } from '../../src/scenario/index.js';
import {
  correctGrad,
  createSession,
  gradMismatch,
  gradMismatches,
  narrate,
  parseStep,
  reduce,
  type SessionState,
  stepAt,
  stepName,
  valueAt,
} from '../../src/session/index.js';
import { seed } from './fixtures.js';
import { referenceRun, Twin, type V } from './micrograd-twin.js';

const close = (a: number, b: number) =>
  Object.is(a, b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
const atEnd = (s: SessionState) => reduce(s, { type: 'last' });
const grad = (s: SessionState, name: string) => valueAt(s, s.timeline.graph.idOf(name)!, 'grad');

/** a = 1, b = a + a, c = b + b: the no-topo example. */
function doubling() {
  const t = new Twin();
  const a = t.leaf(1, 'a');
  const b = t.name(t.add(a, a), 'b');
  const c = t.name(t.add(b, b), 'c');
  return { t, out: c };
}

describe('overwrite', () => {
  it('on the seed, x ends at 6 (= 2 × 3, B5 assigning twice), not 12.0000737', () => {
    const s = atEnd(createSession(seed(), { mode: 'overwrite' }));
    expect(grad(s, 'x')).toBe(6);
    // y's B3 term (2 × 2.4577e-5) is lost when B4 assigns x_2 × 1 = 4.
    expect(grad(s, 'y')).toBe(4);
    const x = s.timeline.graph.idOf('x')!;
    expect(correctGrad(s, x)).toBeCloseTo(12.000073729642216, 12);
    expect(gradMismatch(s, x)).toBe(true);
  });

  it('the steps are the correct ones, and narration says what was overwritten', () => {
    let s = createSession(seed(), { mode: 'overwrite' });
    expect(s.timeline.total).toBe(createSession(seed()).timeline.total);
    s = reduce(s, { type: 'goto', step: 'B5' });
    const lines = narrate(s, stepAt(s, s.position), 5);
    expect(lines[0]).toMatch(/^x\.grad = x · x_2\.grad = 2 × 3 = 6 {3}\(overwrote 7\.3730e-5\)/);
    expect(lines[1]).toMatch(/^x\.grad = .* = 6 {3}\(overwrote 6\)/);
  });

  it('before any overwrite loses a term, nothing differs; at B4 y does', () => {
    let s = reduce(createSession(seed(), { mode: 'overwrite' }), { type: 'goto', step: 'B3' });
    expect(gradMismatches(s)).toEqual([]);
    s = reduce(s, { type: 'next' });
    expect(gradMismatches(s).map((id) => s.timeline.scenario.labelOf(id))).toEqual(['y']);
  });
});

describe('no-topo', () => {
  it('a=1, b=a+a, c=b+b visits c, b, a, a, b, a, a and a ends at 8 (4 when correct)', () => {
    const { t, out } = doubling();
    let s = createSession(t.scenario(out), { mode: 'no-topo' });
    const tl = s.timeline;
    const names = [...tl.steps].map((id) => tl.scenario.labelOf(id));
    expect(names).toEqual(['c', 'b', 'a', 'a', 'b', 'a', 'a']);
    expect(tl.total).toBe(2 + 1 + 7);
    expect(stepName(s, tl.total)).toBe('B7');
    s = atEnd(s);
    expect(grad(s, 'a')).toBe(8);
    expect(grad(s, 'b')).toBe(2);
    expect(correctGrad(s, 0)).toBe(4);
    expect(gradMismatches(s)).toEqual([0]);
  });

  it('the first visit of b matches the correct run; the second one is where a departs', () => {
    const { t, out } = doubling();
    let s = reduce(createSession(t.scenario(out), { mode: 'no-topo' }), {
      type: 'goto',
      step: 'B4',
    });
    expect(gradMismatches(s)).toEqual([]);
    s = reduce(s, { type: 'next' });
    expect(grad(s, 'a')).toBe(8);
    expect(gradMismatches(s)).toEqual([0]);
    expect(narrate(s, stepAt(s, s.position)).at(-1)).toMatch(/b runs again \(visit 2\)/);
  });

  it('refuses a graph whose paths would need more than a million steps', () => {
    const t = new Twin();
    let v = t.leaf(1, 'a');
    for (let i = 0; i < 30; i++) v = t.add(v, v);
    expect(() => createSession(t.scenario(v), { mode: 'no-topo' })).toThrow(/no-topo would run/);
  });
});

describe('double-backward', () => {
  it("names the second pass B'0…B'm and finds its steps by name", () => {
    const s = createSession(seed(), { mode: 'double-backward' });
    const tl = s.timeline;
    const m = 5;
    expect(tl.total).toBe(5 + 1 + 2 * m + 1);
    expect(stepName(s, tl.zeroPosition + m)).toBe('B5');
    expect(stepName(s, tl.zeroPosition + m + 1)).toBe("B'0");
    expect(stepName(s, tl.total)).toBe("B'5");
    expect(parseStep(s, "B'2")).toEqual({ position: tl.zeroPosition + m + 3 });
    expect(parseStep(s, 'B6')).toMatchObject({ message: 'There is no step B6.' });
  });

  it('on a chain o = tanh(y), y = w * x: x ends at 3 × its correct grad, w too', () => {
    // By hand: pass 1 gives y = t', x = t'·w; pass 2 adds y += t' (o.grad is 1 again), then
    // x += w·(2t'): x = 3·t'·w.
    const t = new Twin();
    const x = t.leaf(0.5, 'x');
    const w = t.leaf(-2, 'w');
    const y = t.name(t.mul(w, x), 'y');
    const o = t.name(t.tanh(y), 'o');
    const s = atEnd(createSession(t.scenario(o), { mode: 'double-backward' }));
    const d = 1 - Math.tanh(-1) ** 2;
    expect(grad(s, 'y')).toBeCloseTo(2 * d, 15);
    expect(grad(s, 'x')).toBeCloseTo(3 * d * -2, 14);
    expect(grad(s, 'w')).toBeCloseTo(3 * d * 0.5, 14);
    expect(correctGrad(s, x.id)).toBeCloseTo(d * -2, 15);
  });
});

/** A random program over add, mul and tanh with plenty of reuse (operands drawn from earlier nodes). */
const programs = fc
  .record({
    inputs: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 3 }),
    ops: fc.array(
      fc.record({
        kind: fc.constantFrom('add', 'mul', 'tanh'),
        a: fc.nat(),
        b: fc.nat(),
      }),
      { minLength: 1, maxLength: 7 },
    ),
  })
  .map(({ inputs, ops }) => {
    const t = new Twin();
    const vs = inputs.map((x, i) => t.leaf(x, `i${i}`));
    for (const op of ops) {
      const a = vs[op.a % vs.length];
      const b = vs[op.b % vs.length];
      vs.push(op.kind === 'tanh' ? t.tanh(a) : op.kind === 'add' ? t.add(a, b) : t.mul(a, b));
    }
    return { t, out: vs[vs.length - 1] };
  })
  .map(({ t, out }) => ({ t, out, again: () => rebuild(t, out) }));

/** The same program on a graph of its own (one live session per graph). */
function rebuild(t: Twin, out: V): Scenario {
  const g = new Graph();
  for (let id = 0; id < t.g.size; id++) {
    if (t.g.isLeaf(id)) g.addInput(t.g.data[id], t.g.nameOf(id));
    else g.addOp(t.g.opOf(id), t.g.in0[id], t.g.in1[id] < 0 ? undefined : t.g.in1[id]);
  }
  return makeScenario({
    source: { name: 'twin', text: '' },
    title: 'twin',
    graph: g,
    output: out.id,
  });
}

describe.each(['correct', 'overwrite', 'no-topo', 'double-backward'] as const)(
  '%s against the reference micrograd',
  (mode) => {
    // The engine's tanh slope is computed from e^-|a| (exact at the extremes), the reference's as
    // 1 - out², so the last bits may differ.
    it('runs the same visits and ends with the same grads', () => {
      fc.assert(
        fc.property(programs, ({ t, out }) => {
          const visited = referenceRun(t.values, out, mode);
          const s = atEnd(createSession(t.scenario(out), { mode }));
          expect([...s.timeline.steps]).toEqual(visited);
          for (const v of t.values) {
            if (v.id <= out.id && s.timeline.cone[v.id] === 1)
              expect(close(valueAt(s, v.id, 'grad')!, v.grad)).toBe(true);
          }
        }),
        { numRuns: 60 },
      );
    });

    it('stepping back and forth reproduces the values of a straight run', () => {
      fc.assert(
        fc.property(programs, fc.array(fc.nat(), { maxLength: 8 }), ({ t, out, again }, jumps) => {
          let s = createSession(t.scenario(out), { mode });
          const total = s.timeline.total;
          for (const j of jumps) s = reduce(s, { type: 'goto', step: j % (total + 1) });
          s = atEnd(s);
          const walked = Float64Array.from(s.timeline.graph.grad);
          const fresh = atEnd(createSession(again(), { mode }));
          expect(Float64Array.from(fresh.timeline.graph.grad)).toEqual(walked);
        }),
        { numRuns: 40 },
      );
    });
  },
);

describe('the comparison with the correct run', () => {
  it('never marks a node in the correct mode, at any step', () => {
    fc.assert(
      fc.property(programs, ({ t, out }) => {
        let s = createSession(t.scenario(out));
        for (let p = 0; p <= s.timeline.total; p++) {
          s = reduce(s, { type: 'goto', step: p });
          for (let id = 0; id < t.values.length; id++) {
            expect(gradMismatch(s, id)).toBe(false);
            expect(correctGrad(s, id)).toBe(valueAt(s, id, 'grad'));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('in a wrong mode, compares with the correct run that ran the same nodes', () => {
    fc.assert(
      fc.property(programs, ({ t, out, again }) => {
        // Overwrite runs the correct steps: its reference at each step is the correct run's.
        let wrong = createSession(t.scenario(out), { mode: 'overwrite' });
        const right = createSession(again());
        for (let p = 0; p <= wrong.timeline.total; p++) {
          wrong = reduce(wrong, { type: 'goto', step: p });
          const values = t.values.map((v) => correctGrad(wrong, v.id));
          const r = reduce(right, { type: 'goto', step: p });
          expect(values).toEqual(t.values.map((v) => valueAt(r, v.id, 'grad')));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a scenario's mode is the session's default; an option overrides it", () => {
    const { t, out } = doubling();
    expect(createSession(t.scenario(out, 'no-topo')).timeline.mode).toBe('no-topo');
    const s = createSession(t.scenario(out, 'no-topo'), { mode: 'correct' });
    expect(s.timeline.mode).toBe('correct');
  });
});
