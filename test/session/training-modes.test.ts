/**
 * Training under a wrong backward mode trains on that mode's grads, as the buggy code would: the
 * losses follow a reference written here from the chain rule by hand, not the correct run's.
 */
import { describe, expect, it } from 'vitest';
import { createSession, reduce, trainingOf, valueAt } from '../../src/session/index.js';
import { load } from './fixtures.js';

const scenario = (mode: string) => `title: t
mode: ${mode}
graph: |
  x = 2.0
  y = 1.0
  w = -3.0
  b = 0.5
  n = w * x + b * w
  loss = (n - y) ** 2
train: { params: [w, b], lr: 0.01, steps: 6 }
`;

/**
 * With e = n - y and g = dloss/dn = 2e, the correct grads are w: g·(x + b), b: g·w. The backward
 * order is loss, n - y, n, b * w, w * x (reverse creation order), so:
 * - overwrite: w * x runs last and assigns w.grad = g·x; b.grad = g·w.
 * - double-backward: the second pass starts from the first's grads (loss's reset to 1): n - y
 *   holds 2g after it, n 3g, each product 4g, so w gets g·(x + b) + 4g·(x + b) = 5× correct.
 */
function referenceLosses(grads: (g: number, w: number, b: number) => [number, number]): number[] {
  let w = -3;
  let b = 0.5;
  const losses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const e = w * 2 + b * w - 1;
    losses.push(e * e);
    const [gw, gb] = grads(2 * e, w, b);
    w -= 0.01 * gw;
    b -= 0.01 * gb;
  }
  return losses;
}

const REFERENCES: Record<string, (g: number, w: number, b: number) => [number, number]> = {
  correct: (g, w, b) => [g * (2 + b), g * w],
  overwrite: (g, w) => [g * 2, g * w],
  'double-backward': (g, w, b) => [5 * g * (2 + b), 5 * g * w],
};

describe('training in a backward mode', () => {
  it.each(Object.keys(REFERENCES))(
    '%s: the loss of each iteration follows that mode’s grads',
    (mode) => {
      const training = trainingOf(createSession(load(scenario(mode))))!;
      const expected = referenceLosses(REFERENCES[mode]);
      expect(training.losses.length).toBe(expected.length);
      for (const [i, loss] of training.losses.entries()) {
        expect(Math.abs(loss - expected[i])).toBeLessThanOrEqual(1e-12 * expected[i]);
      }
    },
  );

  it('overwrite: the stepped update U1 uses the grad the stepped backward pass left', () => {
    let s = createSession(load(scenario('overwrite')));
    const g = s.timeline.graph;
    const w = g.idOf('w')!;
    s = reduce(s, { type: 'goto', step: 'U1' });
    // e = -6 - 1.5 - 1 = -8.5, g = -17: w.grad = g·x = -34 (the correct one is -42.5).
    expect(valueAt(s, w, 'grad')).toBe(-34);
    expect(valueAt(s, w, 'data')).toBeCloseTo(-3 + 0.34, 14);
    s = reduce(s, { type: 'goto', step: 'I2' });
    expect(trainingOf(s)!.value(2, 0)).toBeCloseTo(-3 + 0.34, 14);
  });
});
