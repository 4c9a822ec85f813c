import { describe, expect, it } from 'vitest';
import {
  createSession,
  reduce,
  type SessionState,
  scenarioOf,
  stepName,
  stepWritingNode,
} from '../../src/session/index.js';
import { load, NEURON } from './fixtures.js';

/** The step names `]` visits from start, or `[` from the end, for one node. */
function visits(state: SessionState, name: string, direction: 1 | -1): string[] {
  const node = scenarioOf(state).graph.idOf(name)!;
  let s = direction === 1 ? state : reduce(state, { type: 'last' });
  const names: string[] = [];
  for (;;) {
    const to = stepWritingNode(s, node, direction);
    if (to === undefined) return names;
    s = reduce(s, { type: 'goto', step: to });
    names.push(stepName(s, s.position));
  }
}

// a is used twice by b and once by c: F1 computes b, F2 c; B0 seeds c, B1 runs c's backward
// (b and a receive), B2 runs b's (a receives both of b's terms in one step).
const REUSE = `title: t
graph: |
  a = 2
  b = a * a
  c = b + a
`;

describe('[ and ]: the steps that write a node', () => {
  it('visits the forward step, B0 and every step that hands the node a term, both ways', () => {
    const s = createSession(load(REUSE));
    expect(visits(s, 'a', 1)).toEqual(['B1', 'B2']);
    expect(visits(s, 'a', -1)).toEqual(['B1']); // from the end (after B2): B1, then nothing
    expect(visits(s, 'b', 1)).toEqual(['F1', 'B1']);
    expect(visits(s, 'c', 1)).toEqual(['F2', 'B0']);
    expect(visits(s, 'c', -1)).toEqual(['B0', 'F2']);
  });

  it('in training: the parameter`s backward term, its update, then each whole iteration', () => {
    // n = w * x + b: B1 runs loss, B2 n - y, B3 n (b receives), B4 w * x (w receives);
    // U1 updates w, U2 b; iterations 2 and 3 are one step each.
    const s = createSession(load(NEURON));
    expect(visits(s, 'w', 1)).toEqual(['B4', 'U1', 'I2', 'I3']);
    expect(visits(s, 'b', 1)).toEqual(['B3', 'U2', 'I2', 'I3']);
  });

  it('under no-topo, one step per visit: a receives only when b runs (PR #64`s order)', () => {
    // c, b, a, a, b, a, a: B1 visits c, B2 b, B3 and B4 a (a leaf writes nothing), B5 b, …
    const s = createSession(
      load('title: t\nmode: no-topo\ngraph: |\n  a = 1\n  b = a + a\n  c = b + b\n'),
    );
    expect(visits(s, 'a', 1)).toEqual(['B2', 'B5']);
    expect(visits(s, 'b', 1)).toEqual(['F1', 'B1']);
  });
});
