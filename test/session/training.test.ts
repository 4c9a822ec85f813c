import { describe, expect, it } from 'vitest';
import {
  createSession,
  narrate,
  reduce,
  type SessionState,
  stepName,
  valueAt,
} from '../../src/session/index.js';
import { LECTURE, micrograd, scenarioText } from '../scenario/model/python-reference.js';
import { load, NEURON } from './fixtures.js';

const goto = (s: SessionState, step: string | number) => reduce(s, { type: 'goto', step });
const near = (actual: number, expected: number, tol = 1e-12): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol + tol * Math.abs(expected));
};

describe('training: iterations of forward, zero grads, backward and updates', () => {
  it('one iteration of a neuron by hand: U1 and U2 update w and b by lr · grad', () => {
    let s = createSession(load(NEURON));
    const tl = s.timeline;
    // Forward: w*x, +b, n - y, **2 (4 steps); backward B0…B4; updates U1, U2.
    expect(tl.iterationLength).toBe(4 + 1 + 4 + 2);
    expect(tl.total).toBe(3 * 11);
    s = goto(s, 'B4');
    const w = tl.graph.idOf('w')!;
    const b = tl.graph.idOf('b')!;
    // n = -5, loss = 36, dloss/dn = 2(n - y) = -12, w.grad = -12 · x = -24, b.grad = -12.
    expect(valueAt(s, tl.output, 'data')).toBe(36);
    expect(valueAt(s, w, 'grad')).toBe(-24);
    expect(valueAt(s, b, 'grad')).toBe(-12);
    s = reduce(s, { type: 'next' });
    expect(stepName(s, s.position)).toBe('U1');
    expect(s.last?.step?.phase).toBe('update');
    expect(narrate(s, s.last!.step!)).toEqual([
      'w.data -= lr · w.grad = 0.01 × -24 = -0.24   (-3 → -2.76)',
    ]);
    // w moved, b not yet.
    expect(valueAt(s, w, 'data')).toBe(-3 - 0.01 * -24);
    expect(valueAt(s, b, 'data')).toBe(1);
    s = reduce(s, { type: 'next' });
    expect(stepName(s, s.position)).toBe('U2');
    expect(valueAt(s, b, 'data')).toBe(1 - 0.01 * -12);
    // Iteration 2 is one step: n = -2.76 · 2 + 1.12 = -4.4, loss = 5.4² = 29.16.
    s = reduce(s, { type: 'next' });
    expect(stepName(s, s.position)).toBe('I2');
    expect(s.last?.step?.phase).toBe('iteration');
    near(valueAt(s, tl.output, 'data')!, 29.16);
    expect(narrate(s, s.last!.step!)[0]).toMatch(
      /^iteration 2: forward, zero grads, backward, 2 updates; loss = 29\.16/,
    );
    near(tl.training!.losses[0], 36);
    near(tl.training!.losses[1], 29.16);
    // Going back over I2 lands after U2 of iteration 1 again.
    s = reduce(s, { type: 'prev' });
    expect(stepName(s, s.position)).toBe('U2');
    expect(s.last?.undone?.name).toBe('I2');
  });

  it('opens a later iteration: I3.B2 and I3.U1 by name, then next steps inside it', () => {
    let s = createSession(load(NEURON));
    s = goto(s, 'I3.B2');
    expect(s.position).toBe(2 * 11 + 4 + 1 + 2);
    expect(stepName(s, s.position)).toBe('I3.B2');
    s = goto(s, 'I3.U1');
    expect(stepName(s, s.position)).toBe('I3.U1');
    s = reduce(s, { type: 'next' });
    expect(stepName(s, s.position)).toBe('I3');
    expect(goto(s, 'I4')).toBe(s);
  });

  it('steps back exactly: every position, back and forth, across iteration boundaries', () => {
    const spec = {
      ...LECTURE,
      mlp: [3, 3, 1],
      x: LECTURE.x.slice(0, 2),
      y: LECTURE.y.slice(0, 2),
      steps: 3,
    };
    let s = createSession(load(scenarioText(spec)));
    const tl = s.timeline;
    const g = tl.graph;
    const snapshot = () => [...g.data.slice(0, g.size), ...g.grad.slice(0, g.size)];
    const seen: number[][] = [snapshot()];
    for (let p = 1; p <= tl.total; p++) {
      s = goto(s, p);
      seen.push(snapshot());
    }
    for (let p = tl.total - 1; p >= 0; p--) {
      s = reduce(s, { type: 'prev' });
      // prev skips whole iterations after the first: go to each position it skipped too.
      if (s.position !== p) s = goto(s, p);
      expect(snapshot()).toEqual(seen[p]);
    }
    // Far jumps in a shuffled order land on the same arrays, bit for bit.
    for (const p of [
      tl.total,
      5,
      2 * tl.iterationLength + 3,
      tl.iterationLength,
      0,
      tl.total - 1,
    ]) {
      s = goto(s, p);
      expect(snapshot()).toEqual(seen[p]);
    }
  });

  it('the lecture MLP: per-iteration loss, grads and updates match a small micrograd in python3', () => {
    const reference = micrograd(LECTURE);
    let s = createSession(load(scenarioText(LECTURE)));
    const tl = s.timeline;
    const run = tl.training!;
    expect(run.iterations).toBe(20);
    reference.iterations.forEach((it, i) => void near(run.losses[i], it.loss));
    // The end of iteration 1: every parameter updated once, grads of iteration 1's backward.
    s = goto(s, tl.iterationLength);
    expect(stepName(s, s.position)).toBe('U41');
    run.params.forEach((id, k) => {
      near(valueAt(s, id, 'grad')!, reference.iterations[0].grads[k]);
      near(valueAt(s, id, 'data')!, reference.iterations[0].params[k]);
    });
    // The loss falls over the 20 iterations.
    expect(run.losses[19]).toBeLessThan(run.losses[0] / 10);
    s = goto(s, 'end');
    run.params.forEach(
      (id, k) => void near(valueAt(s, id, 'data')!, reference.iterations[19].params[k], 1e-10),
    );
  });

  it("micrograd's nn.MLP conventions (relu, linear output) with the hinge loss", () => {
    const spec = { ...LECTURE, activation: 'relu' as const, loss: 'hinge' as const, steps: 10 };
    const reference = micrograd(spec);
    const run = createSession(load(scenarioText(spec))).timeline.training!;
    reference.iterations.forEach((it, i) => void near(run.losses[i], it.loss));
  });
});

describe('the grad check of a training run', () => {
  it('checks the grads of iteration 1, even when first asked at a later iteration', async () => {
    const { gradCheckOf } = await import('../../src/session/index.js');
    let s = createSession(load(NEURON));
    s = goto(s, 'I3');
    const report = gradCheckOf(s);
    const w = s.timeline.graph.idOf('w')!;
    // Iteration 1 by hand: w.grad = -24 (see above); a central difference agrees closely.
    const check = report.results.find((r) => r.id === w)!;
    expect(Math.abs(check.numeric - -24)).toBeLessThan(1e-5);
    // The cursor's values are untouched: still iteration 3's.
    expect(valueAt(s, s.timeline.output, 'data')).toBe(s.timeline.training!.losses[2]);
  });
});
