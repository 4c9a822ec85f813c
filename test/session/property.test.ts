import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backward, forward } from '../../src/engine/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import { createSession, reduce } from '../../src/session/index.js';
import { fanOut, mixed, seed, walkAction } from './fixtures.js';

const fixtures: [string, () => Scenario][] = [
  ['seed', seed],
  ['mixed (NaN, pow, relu, x*x)', mixed],
];

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe.each(fixtures)('random walks on %s', (_, build) => {
  const breakpoints = ['x_2', 'change:x', 'grad > 2', 'nonfinite', 'backward:d', 'r: data > 1'];

  it('going back to start restores every value bit for bit', () => {
    const total = createSession(build()).timeline.total;
    fc.assert(
      fc.property(fc.array(walkAction(total), { maxLength: 40 }), (actions) => {
        let s = createSession(build());
        for (const spec of breakpoints) s = reduce(s, { type: 'addBreakpoint', spec });
        const g = s.timeline.graph;
        const data = Float64Array.from(g.data);
        const grad = Float64Array.from(g.grad);
        for (const a of actions) s = reduce(s, a);
        s = reduce(s, { type: 'goto', step: 'start' });
        return sameValues(g.data, data) && sameValues(g.grad, grad);
      }),
    );
  });

  it('goto X lands where X single nexts from start land', () => {
    const total = createSession(build()).timeline.total;
    fc.assert(
      fc.property(
        fc.array(walkAction(total), { maxLength: 20 }),
        fc.integer({ min: 0, max: total }),
        (actions, target) => {
          let jumped = createSession(build());
          for (const a of actions) jumped = reduce(jumped, a);
          jumped = reduce(jumped, { type: 'goto', step: target });
          let stepped = createSession(build());
          for (let i = 0; i < target; i++) stepped = reduce(stepped, { type: 'next' });
          const [a, b] = [jumped.timeline.graph, stepped.timeline.graph];
          expect(jumped.position).toBe(stepped.position);
          return sameValues(a.data, b.data) && sameValues(a.grad, b.grad);
        },
      ),
    );
  });
});

describe('gotos on a graph big enough for grad checkpoints', () => {
  // 600 nodes: a far goto starts from a saved copy of the grads rather than stepping.
  const size = 600;
  const reference = createSession(fanOut(size), { gradcheck: 'none' });
  const total = reference.timeline.total;
  const g = reference.timeline.graph;
  const data: Float64Array[] = [];
  const grad: Float64Array[] = [];
  let s = reference;
  for (let p = 0; p <= total; p++) {
    data.push(g.data.slice(0, g.size));
    grad.push(g.grad.slice(0, g.size));
    s = reduce(s, { type: 'next' });
  }

  it("the single steps reach the grads of the engine's own backward pass", () => {
    const engine = fanOut(size);
    forward(engine.graph);
    backward(engine.graph, engine.output);
    expect(sameValues(grad[total], engine.graph.grad.subarray(0, size))).toBe(true);
    expect(sameValues(data[0], engine.graph.data.subarray(0, size))).toBe(true);
  });

  it('every action leaves every value as single steps from start leave it', () => {
    fc.assert(
      fc.property(fc.array(walkAction(total), { minLength: 1, maxLength: 30 }), (actions) => {
        let t = createSession(fanOut(size), { gradcheck: 'none' });
        const h = t.timeline.graph;
        for (const a of actions) {
          t = reduce(t, a);
          const p = t.position;
          if (!sameValues(h.data.subarray(0, size), data[p])) return false;
          if (!sameValues(h.grad.subarray(0, size), grad[p])) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
