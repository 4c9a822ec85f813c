/**
 * `--gradcheck none` must cost nothing: the grad check's own forward and backward pass (made so
 * the grads it checks are final wherever the cursor is) runs only when some node is to be probed.
 * Counted through the engine's exports, which every session module imports.
 */
import { describe, expect, it, vi } from 'vitest';
import * as engine from '../../src/engine/index.js';
import { createSession, gradCheckOf, reduce } from '../../src/session/index.js';
import { mixed, seed } from './fixtures.js';

vi.mock('../../src/engine/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/index.js')>();
  return { ...real, forward: vi.fn(real.forward), backward: vi.fn(real.backward) };
});

/** Forward and backward passes made by the first grad check of a session at F2. */
function passes(budget: 'none' | 'all'): { forward: number; backward: number } {
  const s = reduce(createSession(seed(), { gradcheck: budget }), { type: 'goto', step: 'F2' });
  vi.mocked(engine.forward).mockClear();
  vi.mocked(engine.backward).mockClear();
  const report = gradCheckOf(s);
  expect(report.checked).toBe(budget === 'none' ? 0 : report.total);
  return {
    forward: vi.mocked(engine.forward).mock.calls.length,
    backward: vi.mocked(engine.backward).mock.calls.length,
  };
}

describe('grad check budget none', () => {
  it('runs no forward or backward pass for the check', () => {
    expect(passes('none')).toEqual({ forward: 0, backward: 0 });
  });

  it('while a budget that probes nodes runs one of each (so the count above can fail)', () => {
    expect(passes('all')).toEqual({ forward: 1, backward: 1 });
  });

  it('still counts the nodes a full check would examine', () => {
    // mixed(): a, b, lg, p, n, d, r, sq and s feed out; the constant 2 and 'unused' are not counted.
    const none = gradCheckOf(createSession(mixed(), { gradcheck: 'none' }));
    const all = gradCheckOf(createSession(mixed(), { gradcheck: 'all' }));
    expect(none.total).toBe(9);
    expect(all.total).toBe(9);
    expect(none.results).toEqual([]);
  });
});
