/**
 * `once` (check's walk, start to end) keeps no grad checkpoints, and answers every query as the
 * default session does: the checkpoints are a cache for moving back, not state.
 */
import { describe, expect, it } from 'vitest';
import {
  createSession,
  reduce,
  type SessionState,
  sessionBytes,
  shapeOf,
  valueAt,
} from '../../src/session/index.js';
import { fanOut } from './fixtures.js';

const SIZE = 300;

function grads(state: SessionState): (number | undefined)[] {
  return Array.from({ length: SIZE }, (_, id) => valueAt(state, id, 'grad'));
}

describe('a session walked once', () => {
  it('keeps the step records only, where the default also keeps three checkpoints', () => {
    const once = reduce(createSession(fanOut(SIZE), { once: true }), { type: 'last' });
    const kept = reduce(createSession(fanOut(SIZE)), { type: 'last' });
    const { backwardSteps } = shapeOf(once);
    // Two doubles a backward step; a checkpoint holds the grads of ids 0…output (its ids).
    expect(sessionBytes(kept) - sessionBytes(once)).toBeGreaterThanOrEqual(3 * 8 * (SIZE / 2));
    expect(sessionBytes(once) - sessionBytes(createSession(fanOut(SIZE), { once: true }))).toBe(0);
    expect(backwardSteps).toBeGreaterThan(SIZE / 2);
  });

  it('gives the same grads as the default session at every position, walking back from the end', () => {
    let once = reduce(createSession(fanOut(SIZE), { once: true }), { type: 'last' });
    let kept = reduce(createSession(fanOut(SIZE)), { type: 'last' });
    const { total } = shapeOf(once);
    expect(shapeOf(kept).total).toBe(total);
    for (let step = total; step >= 0; step -= 7) {
      once = reduce(once, { type: 'goto', step });
      kept = reduce(kept, { type: 'goto', step });
      expect(grads(once)).toEqual(grads(kept));
    }
  });
});
