/**
 * Session states are values: every state of a session shares one graph, yet a state read after
 * later transitions still answers for its own position, as a fresh session moved straight to that
 * position would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackwardMode } from '../../src/engine/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import {
  createSession,
  nodeFacts,
  reduce,
  type SessionState,
  shapeOf,
  stepAt,
  valueAt,
} from '../../src/session/index.js';
import { load, mixed, NEURON, seed, walkAction } from './fixtures.js';

const neuron = () => load(NEURON);

const fixtures: [string, () => Scenario, BackwardMode][] = [
  ['seed', seed, 'correct'],
  ['mixed (NaN, pow, relu, x*x)', mixed, 'correct'],
  ['seed, double-backward', seed, 'double-backward'],
  ['mixed, no-topo', mixed, 'no-topo'],
  ['seed, overwrite', seed, 'overwrite'],
  ['a trained neuron (3 iterations)', neuron, 'correct'],
];

/** Everything a state answers about its position: each node's data and grad, and its step. */
function reading(state: SessionState): unknown[] {
  const values: unknown[] = [];
  for (let id = 0; id < shapeOf(state).nodes; id++) {
    values.push(valueAt(state, id, 'data'), valueAt(state, id, 'grad'));
  }
  if (state.position > 0) values.push(stepAt(state, state.position));
  return values;
}

describe('a state read after later transitions', () => {
  it('end still reads its own grads after a goto B0 from it (x.grad = 2xy + y·(1 − tanh²(xy)))', () => {
    const end = reduce(createSession(seed()), { type: 'goto', step: 'end' });
    const b0 = reduce(end, { type: 'goto', step: 'B0' });
    const x = 0;
    expect(nodeFacts(end, x).label).toBe('x');
    const expected = 2 * 2 * 3 + 3 * (1 - Math.tanh(6) ** 2);
    expect(valueAt(b0, x, 'grad')).toBe(0);
    expect(valueAt(end, x, 'grad')).toBeCloseTo(expected, 12);
    expect(valueAt(b0, x, 'grad')).toBe(0);
  });

  describe.each(fixtures)('%s', (_, build, mode) => {
    const total = shapeOf(createSession(build(), { mode })).total;

    it('every earlier state reads what a fresh replay to its position reads', () => {
      fc.assert(
        fc.property(
          fc.array(walkAction(total), { minLength: 1, maxLength: 25 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
          (actions, order) => {
            // mismatch reads other positions' values while continue runs (a wrong mode's).
            let s = createSession(build(), { mode, breakpoints: [] });
            s = reduce(s, { type: 'addBreakpoint', spec: 'mismatch' });
            const states = [s];
            for (const a of actions) {
              s = reduce(s, a);
              states.push(s);
            }
            // Read the states in an order unrelated to the one they were made in.
            for (const pick of order) {
              const state = states[pick % states.length];
              const fresh = reduce(createSession(build(), { mode }), {
                type: 'goto',
                step: state.position,
              });
              expect(reading(state)).toEqual(reading(fresh));
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});
