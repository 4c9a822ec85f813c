import { describe, expect, it } from 'vitest';
import {
  createSession,
  isDataKnown,
  isGradKnown,
  parseStep,
  reduce,
  type SessionState,
  stepName,
  valueAt,
} from '../../src/session/index.js';
import { mixed, seed } from './fixtures.js';

const [X, Y, X2, X2Y, XY, TANH, Z] = [0, 1, 2, 3, 4, 5, 6];
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 + 1e-9 * Math.abs(expected));

function run(state: SessionState, ...types: ('next' | 'prev' | 'finish' | 'reverseFinish')[]) {
  return types.reduce((s, type) => reduce(s, { type }), state);
}

describe('the seed timeline', () => {
  it('names F1..F5, B0, B1..B5 and runs the backward steps in reverse creation order', () => {
    const s = createSession(seed());
    const tl = s.timeline;
    expect(tl.total).toBe(11);
    const names = Array.from({ length: 12 }, (_, p) => stepName(s, p));
    expect(names).toEqual([
      'start',
      'F1',
      'F2',
      'F3',
      'F4',
      'F5',
      'B0',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
    ]);
    const backwardNodes = [7, 8, 9, 10, 11].map((p) => tl.graph.nameOf(tl.nodeOf(p)));
    expect(backwardNodes).toEqual(['z', 'tanh_xy', 'xy', 'x_2_y', 'x_2']);
  });

  it('at B3 x.grad goes from 0 to 3 * (1 - tanh(6)^2)', () => {
    let s = createSession(seed());
    s = reduce(s, { type: 'goto', step: 'B2' });
    expect(s.timeline.graph.grad[X]).toBe(0);
    s = reduce(s, { type: 'next' });
    expect(stepName(s, s.position)).toBe('B3');
    const toX = s.last?.step?.contributions.find((c) => c.to === X);
    expect(toX?.before).toBe(0);
    near(toX?.after ?? Number.NaN, 3 * (1 - 0.9999877116507956 ** 2));
    near(s.timeline.graph.grad[X], 7.372964221585843e-5);
  });

  it('at B5 x receives two contributions through x * x and ends at the reference grads', () => {
    const s = reduce(createSession(seed()), { type: 'last' });
    const b5 = s.last?.step;
    expect(b5?.name).toBe('B5');
    expect(b5?.contributions.map((c) => [c.to, c.term])).toEqual([
      [X, 6],
      [X, 6],
    ]);
    expect(b5?.contributions[1].before).toBe(b5?.contributions[0].after);
    const g = s.timeline.graph;
    near(g.grad[X], 12.000073729642216);
    near(g.grad[Y], 4.00004915309481);
    near(g.grad[X2], 3);
    near(g.grad[XY], 2.4576547405286142e-5);
    near(g.data[Z], 12.999987711650796);
  });

  it('keeps op data and every grad unknown until their steps', () => {
    let s = createSession(seed());
    expect(isDataKnown(s, X)).toBe(true);
    expect(isDataKnown(s, X2)).toBe(false);
    expect(valueAt(s, X2, 'data')).toBeUndefined();
    s = run(s, 'next');
    expect(valueAt(s, X2, 'data')).toBe(4);
    expect(isDataKnown(s, X2Y)).toBe(false);
    s = run(s, 'finish');
    expect(isGradKnown(s, Z)).toBe(false);
    expect(valueAt(s, Z, 'grad')).toBeUndefined();
    s = run(s, 'next');
    expect(valueAt(s, Z, 'grad')).toBe(1);
    expect(valueAt(s, TANH, 'grad')).toBe(0);
  });

  it('undoes a step exactly and reports what it undid', () => {
    const s = reduce(createSession(seed()), { type: 'last' });
    const back = reduce(s, { type: 'prev' });
    expect(back.last?.undone?.name).toBe('B5');
    expect(back.last?.step?.name).toBe('B4');
    expect(Object.is(back.timeline.graph.grad[X], back.last?.undone?.contributions[0].before)).toBe(
      true,
    );
    const start = reduce(back, { type: 'first' });
    expect(valueAt(start, X2, 'data')).toBeUndefined();
    expect(start.last?.step).toBeUndefined();
  });
});

describe('finish and reverse finish', () => {
  it('go to the end of the phase, then of the next one, and mirror it', () => {
    let s = createSession(seed());
    const at = () => stepName(s, s.position);
    s = run(s, 'next', 'finish');
    expect(at()).toBe('F5');
    s = run(s, 'finish');
    expect(at()).toBe('B5');
    s = run(s, 'prev', 'prev', 'reverseFinish');
    expect(at()).toBe('F5');
    s = run(s, 'reverseFinish');
    expect(at()).toBe('start');
  });
});

describe('no-op actions return the same object', () => {
  it.each([
    ['prev at start', 'prev', 0],
    ['first at start', 'first', 0],
    ['reverseFinish at start', 'reverseFinish', 0],
    ['reverseContinue at start', 'reverseContinue', 0],
    ['next at end', 'next', 11],
    ['last at end', 'last', 11],
    ['finish at end', 'finish', 11],
    ['continue at end', 'continue', 11],
  ] as const)('%s', (_, type, position) => {
    const s = reduce(createSession(seed()), { type: 'goto', step: position });
    expect(reduce(s, { type })).toBe(s);
  });

  it('goto the current step, an unknown step, or a bad position', () => {
    const s = reduce(createSession(seed()), { type: 'goto', step: 'F3' });
    expect(reduce(s, { type: 'goto', step: 'F3' })).toBe(s);
    expect(reduce(s, { type: 'goto', step: 'nope' })).toBe(s);
    expect(reduce(s, { type: 'goto', step: 99 })).toBe(s);
    expect(reduce(s, { type: 'goto', step: 1.5 })).toBe(s);
  });

  it('bad breakpoint changes', () => {
    const s = createSession(seed());
    expect(reduce(s, { type: 'removeBreakpoint', index: 0 })).toBe(s);
    expect(reduce(s, { type: 'addBreakpoint', spec: 'nope' })).toBe(s);
  });
});

describe('parseStep', () => {
  const s = createSession(seed());
  const at = (text: string) => {
    const found = parseStep(s, text);
    return 'position' in found ? stepName(s, found.position) : found.message;
  };

  it('reads step names, node steps and a leaf as its first contribution', () => {
    expect(at('start')).toBe('start');
    expect(at('end')).toBe('B5');
    expect(at('F3')).toBe('F3');
    expect(at('B0')).toBe('B0');
    expect(at('xy')).toBe('F3');
    expect(at('forward:xy')).toBe('F3');
    expect(at('backward:xy')).toBe('B3');
    expect(at('backward:#4')).toBe('B3');
    expect(at('x')).toBe('B3');
    expect(at('y')).toBe('B3');
  });

  it('explains what it cannot find', () => {
    expect(at('F6')).toBe('There is no step F6.');
    expect(at('B6')).toBe('There is no step B6.');
    expect(at('forward:x')).toBe('x is a leaf: it has no forward step.');
    expect(at('backward:y')).toBe('y has no backward step.');
    expect(at('w')).toBe("Unknown node 'w'.");
    expect(at('#99')).toBe('There is no node #99.');
  });

  it('gives no backward step to a node outside the cone', () => {
    const m = createSession(mixed());
    const found = parseStep(m, 'backward:unused');
    expect(found).toEqual({
      message: 'unused has no backward step.',
      hint: 'the output does not depend on it',
    });
  });
});
