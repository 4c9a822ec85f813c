import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/index.js';
import { type Action, createSession, reduce } from '../../src/session/index.js';
import { mixed, seed } from './fixtures.js';

const SIMPLE = [
  'next',
  'prev',
  'first',
  'last',
  'finish',
  'reverseFinish',
  'continue',
  'reverseContinue',
] as const;

const action = (total: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.constantFrom(...SIMPLE).map((type) => ({ type })),
    fc.integer({ min: 0, max: total }).map((step) => ({ type: 'goto' as const, step })),
  );

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
      fc.property(fc.array(action(total), { maxLength: 40 }), (actions) => {
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
        fc.array(action(total), { maxLength: 20 }),
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
