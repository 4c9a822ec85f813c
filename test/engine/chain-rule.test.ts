/** The one backward step: adds (or assigns) local × upstream into each input, and undoes exactly. */
import { describe, expect, it } from 'vitest';
import {
  backwardStep,
  Graph,
  OpCode,
  type UndoRecord,
  undoBackwardStep,
} from '../../src/engine/index.js';

/** x = 3, sq = x * x with grad 2 upstream; x already holds 0.5 from elsewhere. */
function square() {
  const g = new Graph();
  const x = g.addInput(3, 'x');
  const sq = g.addOp(OpCode.mul, x, x);
  g.data[sq] = 9;
  g.grad[sq] = 2;
  g.grad[x] = 0.5;
  return { g, x, sq };
}

describe('backwardStep', () => {
  it('x * x: both slots add into x (0.5 + 3·2 + 3·2 = 12.5)', () => {
    const { g, x, sq } = square();
    backwardStep(g, sq);
    expect(g.grad[x]).toBe(12.5);
  });

  it('records each slot before its change, and the undo restores x exactly', () => {
    const { g, x, sq } = square();
    const record: UndoRecord = { before: new Float64Array(4), at: 2 };
    backwardStep(g, sq, record);
    // Slot 0 saw 0.5; slot 1 saw 0.5 + 6 after slot 0's term.
    expect([record.before[2], record.before[3]]).toEqual([0.5, 6.5]);
    undoBackwardStep(g, sq, record);
    expect(g.grad[x]).toBe(0.5);
  });

  it('assign (the overwrite bug): each slot replaces the grad, so x keeps only one term (6)', () => {
    const { g, x, sq } = square();
    backwardStep(g, sq, undefined, true);
    expect(g.grad[x]).toBe(6);
  });

  it("a scenario's own op goes through its table entry", () => {
    const g = new Graph();
    const cube = g.defineOp({
      name: 'cube',
      symbol: 'cube',
      syntax: 'call',
      arity: 1,
      forward: (a) => a ** 3,
      local: [(a) => 3 * a * a],
      rule: ['3·{a}²'],
      formula: ['d cube(a)/da = 3a²'],
    });
    const x = g.addInput(2, 'x');
    const c = g.addOp(cube, x);
    g.data[c] = 8;
    g.grad[c] = 0.25;
    backwardStep(g, c);
    // 3·2² · 0.25
    expect(g.grad[x]).toBe(3);
  });
});
