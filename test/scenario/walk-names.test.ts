/**
 * A walkthrough's `at` takes every step name a session has: U<n>, I<n>, I<n>.B<k> with training,
 * B'<n> with `mode: double-backward`. Values by hand: the neuron below, and the seed notebook.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { createSession, reduce } from '../../src/session/index.js';
import { load, NEURON } from '../session/fixtures.js';

/**
 * n = w·x + b, loss = (n − y)², x = 2, y = 1, w = −3, b = 1, lr = 0.01: 4 forward steps, B0…B4,
 * U1 (w), U2 (b). Iteration 1: n = −5, dloss/dn = 2(n − y) = −12, dw = −24, db = −12, so U1
 * makes w −2.76 and U2 makes b 1.12. Iteration 2: n = −4.4, loss 29.16, dw = 2(−5.4)·2 = −21.6.
 */
const neuron = (walkthrough: string) => `${NEURON}walkthrough:\n${walkthrough}`;

function results(text: string) {
  const end = reduce(createSession(load(text)), { type: 'last' });
  return end.expectResults;
}

function problems(text: string): string[] {
  const loaded = loadScenario({ name: 't.yaml', text });
  return loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.message} | ${d.hint ?? ''}`);
}

describe('walkthrough steps of a training run and of a wrong mode', () => {
  it('U1, I2 and I2.B4 attach to those steps and check their values', () => {
    const found = results(
      neuron(`  - at: U1
    expect: { node: w, data: -2.76 }
  - at: I2
    expect: { node: loss, data: 29.16 }
  - at: I2.B4
    expect: { node: w, grad: -21.6 }
`),
    );
    expect(found.map((r) => [r?.actual, r?.ok])).toEqual([
      [expect.closeTo(-2.76, 12), true],
      [expect.closeTo(29.16, 12), true],
      [expect.closeTo(-21.6, 12), true],
    ]);
  });

  it("B'5 in a file with mode: double-backward: pass 2 adds onto pass 1's grads", () => {
    // s = tanh'(xy). Pass 1 leaves z_c = 1, a = x·x's grad 3, x.grad 12 + 3s; pass 2 reseeds z,
    // makes c.grad 2, a.grad 3 + 3·2 = 9 and adds 3·2s + 2·2·9 to x: x.grad = 48 + 12s.
    const s = 1 - Math.tanh(6) ** 2;
    const expected = 48 + 12 * s;
    const found = results(`title: t
mode: double-backward
graph: |
  x = 2.0
  y = 3.0
  z = x * x * y + tanh(x * y)
walkthrough:
  - at: "B'5"
    expect: { node: x, grad: ${expected} }
`);
    expect(found[0]?.ok).toBe(true);
    expect(found[0]?.actual).toBeCloseTo(expected, 12);
  });

  it('names what the walk lacks: an update without training, an iteration past the last', () => {
    const plain = `title: t\ngraph: |\n  x = 2.0\n  z = x * 3\nwalkthrough:\n  - at: U1\n    say: hi\n`;
    expect(problems(plain)).toEqual(['There is no step U1. | This walk has no U steps.']);
    expect(problems(neuron('  - at: I4\n    say: hi\n'))).toEqual([
      'There is no iteration I4. | Iterations go from I1 to I3.',
    ]);
    expect(problems(neuron('  - at: "B\'1"\n    say: hi\n'))).toEqual([
      "There is no step B'1. | This walk has no B' steps.",
    ]);
  });
});
