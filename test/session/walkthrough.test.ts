import { describe, expect, it } from 'vitest';
import { createSession, resolveRef } from '../../src/session/index.js';
import { seed } from './fixtures.js';

describe('resolveRef', () => {
  // The seed: 5 forward steps (F1..F5 at positions 1..5), B0 at 6, B1..B5 at 7..11 = end.
  const session = createSession(seed());
  const { timeline } = session;
  const id = (name: string) => timeline.graph.idOf(name) ?? -1;

  it('places each kind of walkthrough `at` on the timeline', () => {
    expect(resolveRef(session, { kind: 'start' })).toBe(0);
    expect(resolveRef(session, { kind: 'end' })).toBe(11);
    expect(resolveRef(session, { kind: 'forward', index: 3 })).toBe(3);
    expect(resolveRef(session, { kind: 'backward', index: 0 })).toBe(6);
    expect(resolveRef(session, { kind: 'backward', index: 5 })).toBe(11);
    // xy is the third op created (F3) and backward runs in reverse order: B3.
    expect(resolveRef(session, { kind: 'forward-node', node: id('xy') })).toBe(3);
    expect(resolveRef(session, { kind: 'backward-node', node: id('xy') })).toBe(9);
  });

  it('gives -1 for a step the graph does not have', () => {
    expect(resolveRef(session, { kind: 'forward', index: 6 })).toBe(-1);
    expect(resolveRef(session, { kind: 'backward', index: 6 })).toBe(-1);
    expect(resolveRef(session, { kind: 'forward-node', node: id('x') })).toBe(-1); // a leaf
  });
});
