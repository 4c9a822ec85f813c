import { describe, expect, it } from 'vitest';
import type { WalkthroughItem } from '../../src/scenario/index.js';
import {
  createSession,
  gradCheckOf,
  gradCheckStatus,
  ledgerOf,
  reduce,
  walkthroughAt,
} from '../../src/session/index.js';
import { seed } from './fixtures.js';

/** 3·(1 - tanh(6)²) = 3·sech²(6), from python3's decimal at 40 digits (0.0000737296422159981039…). */
const THREE_SECH2_6 = 7.37296422159981e-5;

const [X, Y, X2, , , , Z] = [0, 1, 2, 3, 4, 5, 6];

describe('grad ledger', () => {
  it('counts consumer edges in the cone, x * x twice', () => {
    const s = createSession(seed());
    expect(ledgerOf(s, X)).toMatchObject({ expected: 3, received: [], final: false });
    expect(ledgerOf(s, Y).expected).toBe(2);
    expect(ledgerOf(s, Z)).toMatchObject({ expected: 0, final: false });
  });

  it('lists contributions as they arrive, from which consumer, and marks the final grad', () => {
    let s = reduce(createSession(seed()), { type: 'goto', step: 'B0' });
    expect(ledgerOf(s, Z).final).toBe(true);
    s = reduce(s, { type: 'goto', step: 'B3' });
    const x = ledgerOf(s, X);
    expect(x.received.map((e) => [s.timeline.graph.nameOf(e.from), e.step])).toEqual([
      ['xy', 'B3'],
    ]);
    expect(x.final).toBe(false);
    s = reduce(s, { type: 'last' });
    const done = ledgerOf(s, X);
    expect(done.received.map((e) => [e.step, e.term])).toEqual([
      ['B3', THREE_SECH2_6],
      ['B5', 6],
      ['B5', 6],
    ]);
    expect(done.final).toBe(true);
    expect(ledgerOf(s, X2).received.map((e) => e.term)).toEqual([3]);
  });
});

describe('grad check', () => {
  it('passes every node of the seed and leaves the cursor values alone', () => {
    const s = reduce(createSession(seed()), { type: 'goto', step: 'F2' });
    const data = Float64Array.from(s.timeline.graph.data);
    const report = gradCheckOf(s);
    expect(report.failed).toEqual([]);
    expect(gradCheckStatus(s, X)?.status).toBe('pass');
    expect(Math.abs((gradCheckStatus(s, X)?.numeric ?? 0) - 12.000073729642216)).toBeLessThan(1e-5);
    expect(gradCheckStatus(s, Z)).toBeUndefined();
    expect(s.timeline.graph.data.every((v, i) => Object.is(v, data[i]))).toBe(true);
  });

  it('checks nothing with the budget none', () => {
    const s = createSession(seed(), { gradcheck: 'none' });
    expect(gradCheckOf(s).checked).toBe(0);
  });
});

describe('walkthrough', () => {
  const item = (at: WalkthroughItem['at'], rest: Partial<WalkthroughItem>): WalkthroughItem => ({
    at,
    atText: '',
    pause: false,
    span: { start: 0, end: 0 },
    ...rest,
  });
  const items = [
    item({ kind: 'start' }, { say: 'Welcome.' }),
    item({ kind: 'backward', index: 3 }, { say: 'x gets its first grad.', pause: true }),
    item(
      { kind: 'backward-node', node: 4 },
      {
        expect: { node: X, field: 'grad', value: 7.3729642e-5, tol: 1e-6 },
      },
    ),
    item(
      { kind: 'forward-node', node: 2 },
      { expect: { node: X2, field: 'grad', value: 3, tol: 1e-9 } },
    ),
    item({ kind: 'end' }, { expect: { node: X, field: 'grad', value: 12, tol: 1e-9 } }),
  ];

  it('attaches say and pause to positions', () => {
    const s = createSession(seed(items));
    expect(walkthroughAt(s).say).toEqual(['Welcome.']);
    const b3 = walkthroughAt(s, 9);
    expect(b3).toMatchObject({ say: ['x gets its first grad.'], pause: true, items: [1, 2] });
  });

  it('checks expects whenever the cursor passes their step, also on jumps', () => {
    const s = reduce(createSession(seed(items)), { type: 'last' });
    expect(s.last?.expects.map((r) => [r.item, r.ok, r.actual])).toEqual([
      [3, false, null],
      [2, true, THREE_SECH2_6],
      [4, false, THREE_SECH2_6 + 6 + 6],
    ]);
    expect(s.expectResults[4]).toMatchObject({ expected: 12, ok: false });
    const back = reduce(s, { type: 'goto', step: 'F2' });
    expect(back.last?.expects.map((r) => r.item)).toEqual([2]);
    expect(reduce(back, { type: 'next' }).last?.expects).toEqual([]);
  });
});
