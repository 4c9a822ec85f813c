/**
 * advanceGradCheck: the session's grad check in slices, with the cursor moving between them (as
 * the TUI answers keys between slices). Its report must be exactly the one-shot gradCheckOf's,
 * and each slice must leave the graph's values where the cursor had them.
 */
import { describe, expect, it } from 'vitest';
import { randomDagScenario } from '../../bench/shapes.js';
import type { Scenario } from '../../src/scenario/index.js';
import {
  advanceGradCheck,
  createSession,
  gradCheckOf,
  reduce,
  type SessionState,
  shapeOf,
} from '../../src/session/index.js';
import { fanOut, load, mixed, NEURON, seed } from './fixtures.js';

const SCENARIOS: Record<string, () => Scenario> = {
  seed: () => seed(),
  mixed: () => mixed(),
  'fan-out of 300 nodes': () => fanOut(300),
  'a trained neuron (checks iteration 1)': () => load(NEURON),
  'random DAG of 600 nodes': () => load(randomDagScenario(600)),
};

const arrays = (s: SessionState) => {
  const { graph } = s.timeline;
  return { data: graph.data.slice(0, graph.size), grad: graph.grad.slice(0, graph.size) };
};

/** One node per slice (the clock is always past the deadline), a goto between slices. */
function sliced(scenario: Scenario) {
  let s = createSession(scenario);
  const { total } = shapeOf(s);
  let slices = 0;
  for (;;) {
    const before = arrays(s);
    const done = advanceGradCheck(s, 0, () => 1);
    slices++;
    expect(arrays(s)).toEqual(before);
    if (done) break;
    s = reduce(s, { type: 'goto', step: (slices * 7) % (total + 1) });
  }
  return { state: s, slices };
}

describe('advanceGradCheck', () => {
  for (const [name, make] of Object.entries(SCENARIOS)) {
    it(`${name}: in slices, with the cursor moving between them, reports what gradCheckOf does`, () => {
      const once = gradCheckOf(createSession(make()));
      const { state, slices } = sliced(make());
      expect(gradCheckOf(state)).toEqual(once);
      // The first slice also makes the forward and backward pass; each probes one node.
      expect(slices).toBe(Math.max(1, once.results.length));
    });
  }

  it('the random DAG is checked in hundreds of slices, with passes and skips', () => {
    const once = gradCheckOf(createSession(load(randomDagScenario(600))));
    expect(once.results.length).toBeGreaterThan(200);
    expect(once.checked).toBeGreaterThan(100);
    expect(once.skipped.length).toBeGreaterThan(0);
  });

  it('gradCheckOf finishes a check begun in slices from where it stopped', () => {
    const make = SCENARIOS['random DAG of 600 nodes'];
    const once = gradCheckOf(createSession(make()));
    const s = createSession(make());
    let reads = 0;
    // A clock past its deadline at the fifth reading: five nodes in the first slice.
    expect(advanceGradCheck(s, 5, () => ++reads)).toBe(false);
    expect(reads).toBe(5);
    expect(gradCheckOf(s)).toEqual(once);
    expect(advanceGradCheck(s, 0, () => 1)).toBe(true);
  });

  it('with the budget none it is over at once', () => {
    const s = createSession(mixed(), { gradcheck: 'none' });
    expect(advanceGradCheck(s, 0, () => 1)).toBe(true);
    expect(gradCheckOf(s).results).toEqual([]);
  });
});
