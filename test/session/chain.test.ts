import { describe, expect, it } from 'vitest';
import { createSession, ledgerOf, reduce, stepName } from '../../src/session/index.js';
import { chain } from './fixtures.js';

describe('a 1e6-node chain', () => {
  it('steps all the way forward and backward, and back to start exactly', () => {
    const n = 1_000_000;
    let s = createSession(chain(n), { gradcheck: 'none' });
    const g = s.timeline.graph;
    const data = Float64Array.from(g.data.subarray(0, g.size));
    const grad = Float64Array.from(g.grad.subarray(0, g.size));
    expect(s.timeline.total).toBe(2 * n + 1);
    s = reduce(s, { type: 'last' });
    // v_n = (n + 1) · 0.5 exactly; x receives n + 1 contributions of 1.
    expect(g.data[n]).toBe((n + 1) * 0.5);
    expect(g.grad[0]).toBe(n + 1);
    expect(ledgerOf(s, 1)).toMatchObject({ expected: 1, final: true });
    s = reduce(s, { type: 'goto', step: `B${n / 2}` });
    expect(stepName(s, s.position)).toBe(`B${n / 2}`);
    expect(g.grad[0]).toBe(n / 2);
    s = reduce(s, { type: 'prev' });
    s = reduce(s, { type: 'first' });
    expect(g.data.subarray(0, g.size).every((v, i) => Object.is(v, data[i]))).toBe(true);
    expect(g.grad.subarray(0, g.size).every((v, i) => Object.is(v, grad[i]))).toBe(true);
  });
});

describe('the memory a timeline adds', () => {
  it('is 25 bytes per step-taking node, plus 8 per node for each checkpoint reached', () => {
    const n = 1000;
    let s = createSession(chain(n), { gradcheck: 'none' });
    // ids of forward and backward steps (4 + 4), the cone mask (1 per node), two grads before
    // each backward step (16).
    const fixed = 4 * n + 4 * n + (n + 1) + 16 * n;
    expect(s.timeline.byteLength).toBe(fixed);
    s = reduce(s, { type: 'last' });
    expect(s.timeline.byteLength).toBe(fixed + 3 * 8 * (n + 1));
  });
});
