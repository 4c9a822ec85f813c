/**
 * `once` (check's walk, start to end) keeps no grad checkpoints and no step records, and answers
 * every query as the default session does: checkpoints and records are a cache for moving back,
 * not state. Moving back replays from zeros; the grad before an earlier step is replayed too.
 */
import { describe, expect, it } from 'vitest';
import { BACKWARD_MODES } from '../../src/engine/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import {
  createSession,
  reduce,
  type SessionOptions,
  type SessionState,
  sessionBytes,
  shapeOf,
  stepAt,
  valueAt,
} from '../../src/session/index.js';
import { fanOut, load, NEURON } from './fixtures.js';

const SIZE = 300;

function grads(state: SessionState): (number | undefined)[] {
  const size = state.timeline.graph.size;
  return Array.from({ length: size }, (_, id) => valueAt(state, id, 'grad'));
}

const atEnd = (scenario: Scenario, options: SessionOptions = {}) =>
  reduce(createSession(scenario, { ...options, mode: options.mode ?? scenario.mode }), {
    type: 'last',
  });

describe('a session walked once', () => {
  it('keeps neither the three checkpoints nor the two doubles a backward step of the default', () => {
    const once = atEnd(fanOut(SIZE), { once: true });
    const kept = atEnd(fanOut(SIZE));
    const { backwardSteps } = shapeOf(once);
    expect(backwardSteps).toBeGreaterThan(SIZE / 2);
    // A checkpoint holds the grads of ids 0…output; a record two doubles a backward step.
    const dropped = 3 * 8 * (SIZE / 2) + 16 * (backwardSteps - 1);
    expect(sessionBytes(kept) - sessionBytes(once)).toBeGreaterThanOrEqual(dropped);
    expect(sessionBytes(once) - sessionBytes(createSession(fanOut(SIZE), { once: true }))).toBe(0);
  });

  it('gives the same grads as the default session at every position, walking back from the end', () => {
    let once = atEnd(fanOut(SIZE), { once: true });
    let kept = atEnd(fanOut(SIZE));
    const { total } = shapeOf(once);
    expect(shapeOf(kept).total).toBe(total);
    for (let step = total; step >= 0; step -= 7) {
      once = reduce(once, { type: 'goto', step });
      kept = reduce(kept, { type: 'goto', step });
      expect(grads(once)).toEqual(grads(kept));
    }
  });

  it.each(BACKWARD_MODES)(
    'in %s mode, steps back one at a time with the same undone steps and grads',
    (mode) => {
      let once = atEnd(fanOut(20), { once: true, mode });
      let kept = atEnd(fanOut(20), { mode });
      expect(once.last?.step).toEqual(kept.last?.step);
      while (kept.position > shapeOf(kept).forwardCount) {
        once = reduce(once, { type: 'prev' });
        kept = reduce(kept, { type: 'prev' });
        expect(once.position).toBe(kept.position);
        // The step undone carries each input's grad before it: replayed, not recorded.
        expect(once.last?.undone).toEqual(kept.last?.undone);
        expect(grads(once)).toEqual(grads(kept));
      }
    },
  );

  it('answers the grad before any earlier step, and leaves the grads where they were', () => {
    const once = atEnd(fanOut(SIZE), { once: true });
    const kept = atEnd(fanOut(SIZE));
    const end = grads(once);
    const { total, forwardCount } = shapeOf(once);
    let asked = 0;
    for (let p = total; p > forwardCount + 1; p -= 5) {
      const a = stepAt(once, p).contributions;
      expect(a).toEqual(stepAt(kept, p).contributions);
      asked += a.length;
    }
    expect(asked).toBeGreaterThan(50);
    expect(grads(once)).toEqual(end);
  });

  it('with training, reads the parameters as before the updates when it replays a step', () => {
    // At `end`, the last iteration's updates are applied: a replayed backward step must read
    // the parameters as they were before them, as the recorded ones did.
    const once = atEnd(load(NEURON), { once: true });
    const kept = atEnd(load(NEURON));
    const { total, iterationLength, zeroPosition, backwardSteps, updates } = shapeOf(once);
    expect(updates).toBe(2);
    const start = total - iterationLength;
    for (let p = start + zeroPosition + backwardSteps; p > start + zeroPosition; p--) {
      expect(stepAt(once, p)).toEqual(stepAt(kept, p));
    }
    expect(grads(once)).toEqual(grads(kept));
    const w = once.timeline.scenario.graph;
    expect(Array.from(w.data.subarray(0, w.size))).toEqual(
      Array.from(kept.timeline.graph.data.subarray(0, w.size)),
    );
  });
});
