import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import { createSession, reduce, type SessionState, scoreOf } from '../../src/session/index.js';
import { seed } from './fixtures.js';

const NEURON = readFileSync(new URL('../../scenarios/neuron.yaml', import.meta.url), 'utf8');

/** The neuron with walkthrough items appended (its own list stays first). */
function neuron(items: string): Scenario {
  const result = loadScenario({ name: 'neuron.yaml', text: `${NEURON}${items}` });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.scenario;
}

const label = (s: SessionState, i: number) =>
  `${s.timeline.scenario.labelOf(s.predictions[i].node)}.${s.predictions[i].field}`;

describe('predictions', () => {
  // Neuron (reference §4): o = tanh(n) = 1/√2, so n.grad = 1 - o² = 0.5; x1.grad = w1 · 0.5 = -1.5
  // arrives at the step of x1w1 = x1 * w1, which is x1's only consumer.
  it('stops before the settling step, asks, and reveals with a verdict once answered', () => {
    let s = createSession(neuron('  - predict: { node: x1, grad }\n'), { ask: true });
    expect(s.predictions).toHaveLength(1);
    s = reduce(s, { type: 'last' });
    const before = s.position;
    expect(s.asking).toBe(0);
    expect(label(s, 0)).toBe('x1.grad');
    // x1.grad is not final yet: no contribution has reached it.
    expect(s.timeline.graph.grad[s.predictions[0].node]).toBe(0);
    expect(reduce(s, { type: 'next' })).toBe(s);
    s = reduce(s, { type: 'answer', value: -1.5 });
    expect(s.position).toBe(before + 1);
    expect(s.asking).toBeUndefined();
    expect(s.answers[0]).toEqual({ answer: -1.5, actual: expect.closeTo(-1.5, 12), ok: true });
    expect(scoreOf(s)).toEqual({ right: 1, asked: 1, skipped: 0 });
    // Answered once: going back and forth asks no more.
    s = reduce(reduce(s, { type: 'first' }), { type: 'last' });
    expect(s.position).toBe(s.timeline.total);
  });

  it('runs every step without asking in a front end that cannot take answers', () => {
    // check and export create sessions without `ask`: a prediction must not
    // stop them, or `check` would report x1.grad 0 (reference §4: x1.grad = -1.5 at the end).
    let s = createSession(neuron('  - predict: { node: x1, grad }\n'));
    expect(s.predictions).toHaveLength(0);
    s = reduce(s, { type: 'last' });
    expect(s.position).toBe(s.timeline.total);
    expect(s.asking).toBeUndefined();
    expect(s.timeline.graph.grad[s.timeline.graph.idOf('x1')!]).toBeCloseTo(-1.5, 12);
  });

  it('counts a wrong answer and a skip, with a 1% default tolerance', () => {
    let s = createSession(
      neuron('  - predict: { node: n, grad }\n  - predict: { node: w1, grad }\n'),
      { ask: true },
    );
    s = reduce(s, { type: 'last' });
    expect(label(s, s.asking!)).toBe('n.grad');
    s = reduce(s, { type: 'answer', value: 0.504 }); // within 1% of 0.5
    s = reduce(s, { type: 'last' });
    expect(label(s, s.asking!)).toBe('w1.grad');
    s = reduce(s, { type: 'answer', value: null });
    expect(s.answers.map((a) => a?.ok)).toEqual([true, false]);
    expect(scoreOf(s)).toEqual({ right: 1, asked: 2, skipped: 1 });
  });

  it('asks every value at one step in turn before running it (--quiz)', () => {
    // Seed B1 (z = x_2_y + tanh_xy) settles both inputs' grads at 1.
    let s = createSession(seed(), { quiz: 'backward', ask: true });
    const labels = s.predictions.map((_, i) => label(s, i));
    // B1: x_2_y, tanh_xy; B2: xy; B4: x_2, y; B5: x (its last two contributions).
    expect(labels).toEqual([
      'x_2_y.grad',
      'tanh_xy.grad',
      'xy.grad',
      'x_2.grad',
      'y.grad',
      'x.grad',
    ]);
    s = reduce(s, { type: 'last' });
    expect(s.position).toBe(s.timeline.zeroPosition);
    s = reduce(s, { type: 'answer', value: 1 });
    expect(s.position).toBe(s.timeline.zeroPosition);
    expect(label(s, s.asking!)).toBe('tanh_xy.grad');
    s = reduce(s, { type: 'answer', value: 2 });
    expect(s.position).toBe(s.timeline.zeroPosition + 1);
    expect(s.answers.slice(0, 2).map((a) => a?.ok)).toEqual([true, false]);
  });

  it('asks every forward value with --quiz forward, and going back does not ask', () => {
    let s = createSession(seed(), { quiz: 'forward', ask: true });
    expect(s.predictions).toHaveLength(5);
    s = reduce(s, { type: 'next' });
    expect(s.position).toBe(0);
    s = reduce(s, { type: 'answer', value: 4 }); // x_2 = 2 × 2
    expect(s.position).toBe(1);
    s = reduce(s, { type: 'prev' });
    expect(s.asking).toBeUndefined();
    expect(s.answers[0]).toEqual({ answer: 4, actual: 4, ok: true });
  });

  it('refuses a prediction no step settles, and one with a wrong at', () => {
    const messages = (items: string) => {
      const r = loadScenario({ name: 'n.yaml', text: `${NEURON}${items}` });
      return r.ok ? [] : r.diagnostics.map((d) => d.message);
    };
    expect(messages('  - predict: { node: x1, data }\n')).toEqual([
      "'x1' is a leaf: its data is known from the start, so there is nothing to predict.",
    ]);
    expect(messages('  - at: B1\n    predict: { node: x1, grad }\n')).toEqual([
      'A prediction is asked just before the step that settles its value, not at B1.',
    ]);
    expect(messages('  - predict: { node: x1 }\n')).toEqual([
      "A predict takes 'data' or 'grad' (one).",
    ]);
    expect(messages('  - say: hi\n')).toEqual([
      "Missing required field 'at' in walkthrough item 12.",
    ]);
  });
});
