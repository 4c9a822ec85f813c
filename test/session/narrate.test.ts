import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../src/engine/index.js';
import { makeScenario } from '../../src/scenario/index.js';
import { createSession, formatNumber, narrate, reduce, stepAt } from '../../src/session/index.js';
import { mixed, seed } from './fixtures.js';

/** Every step's narration, from start to end. */
function transcript(scenario = seed(), precision?: number): string[] {
  let s = createSession(scenario);
  const lines: string[] = [];
  while (s.position < s.timeline.total) {
    s = reduce(s, { type: 'next' });
    const step = s.last!.step!;
    for (const line of narrate(s, step, precision)) lines.push(`${step.name}: ${line}`);
  }
  return lines;
}

describe('narration of the seed', () => {
  // tanh(6) = 0.9999877116507956; 1 - tanh(6)^2 = 2.4576547405286142e-5 (reference §1);
  // x.grad at B3: 3 × that = 7.3729642e-5; y.grad: 2 × that = 4.9153095e-5, then + 4 at B4;
  // x.grad at B5: + 2·3 twice -> 6.0000737, 12.0000737.
  it('is pinned line by line', () => {
    expect(transcript()).toEqual([
      'F1: x_2 = x * x = 2 × 2 = 4',
      'F2: x_2_y = x_2 * y = 4 × 3 = 12',
      'F3: xy = x * y = 2 × 3 = 6',
      'F4: tanh_xy = tanh(xy) = tanh(6) = 0.99999',
      'F5: z = x_2_y + tanh_xy = 12 + 0.99999 = 13.000',
      'B0: z.grad = 1; the grads of the 6 other nodes z depends on = 0',
      'B1: x_2_y.grad += 1 · z.grad = 1 × 1 = 1   (0 → 1)',
      'B1: tanh_xy.grad += 1 · z.grad = 1 × 1 = 1   (0 → 1)',
      // The rule shows its substitution, with tanh(6) to 11 digits: 1 - 0.99998771165² = 2.45765e-5.
      'B2: xy.grad += (1 - tanh_xy²) · tanh_xy.grad = (1 - 0.99998771165²) × 1 = 2.4577e-5   (0 → 2.4577e-5)',
      // 3 × 2.4577e-5 would be 7.3731e-5: the factor gets a sixth digit so the line checks.
      'B3: x.grad += y · xy.grad = 3 × 2.45765e-5 = 7.3730e-5   (0 → 7.3730e-5)',
      'B3: y.grad += x · xy.grad = 2 × 2.45765e-5 = 4.9153e-5   (0 → 4.9153e-5)',
      'B4: x_2.grad += y · x_2_y.grad = 3 × 1 = 3   (0 → 3)',
      'B4: y.grad += x_2 · x_2_y.grad = 4 × 1 = 4   (4.9153e-5 → 4.0000)',
      'B5: x.grad += x · x_2.grad = 2 × 3 = 6   (7.3730e-5 → 6.0001)',
      'B5: x.grad += x · x_2.grad = 2 × 3 = 6   (6.0001 → 12.000)',
    ]);
  });

  it('honours the precision', () => {
    const lines = transcript(seed(), 8);
    expect(lines).toContain('B5: x.grad += x · x_2.grad = 2 × 3 = 6   (6.0000737 → 12.000074)');
  });

  it('narrates a step looked up later the same way as when it ran', () => {
    const s = reduce(createSession(seed()), { type: 'last' });
    expect(narrate(s, stepAt(s, 9))).toEqual([
      'x.grad += y · xy.grad = 3 × 2.45765e-5 = 7.3730e-5   (0 → 7.3730e-5)',
      'y.grad += x · xy.grad = 2 × 2.45765e-5 = 4.9153e-5   (0 → 4.9153e-5)',
    ]);
  });
});

describe('narration of other ops', () => {
  // a = -1.5, b = 0.5: log(a) = NaN; a**3 = -3.375; -p = 3.375; n/b = 6.75; relu = 6.75;
  // sq = 45.5625; s = 2·sq = 91.125; out = NaN.
  it('shows NaN, pow, prefix minus, constants and the rule templates with numbers', () => {
    const lines = transcript(mixed());
    expect(lines.slice(0, 9)).toEqual([
      'F1: lg = log(a) = log(-1.5) = NaN',
      'F2: p = a ** 3 = (-1.5) ** 3 = -3.375',
      'F3: n = -p = -(-3.375) = 3.375',
      'F4: d = n / b = 3.375 / 0.5 = 6.75',
      'F5: r = relu(d) = relu(6.75) = 6.75',
      'F6: sq = r * r = 6.75 × 6.75 = 45.563',
      'F7: s = 2 * sq = 2 × 45.5625 = 91.125',
      'F8: out = s + lg = 91.125 + NaN = NaN',
      'F9: unused = exp(b) = exp(0.5) = 1.6487',
    ]);
    // Backward: sq.grad = 2; r.grad = 2·r·2 = 27 (two contributions); d.grad = 27 (d > 0);
    // n.grad = 27/b = 54; p.grad = -54; a.grad = 3a²·(-54) = -364.5, then + 1/a = -0.66667.
    // The constant 2 (#2) receives sq · s.grad = 45.5625; as an operand it shows its value.
    expect(lines).toContain('B2: #2.grad += sq · s.grad = 45.563 × 1 = 45.563   (0 → 45.563)');
    expect(lines).toContain('B2: sq.grad += 2 · s.grad = 2 × 1 = 2   (0 → 2)');
    expect(lines).toContain('B3: r.grad += r · sq.grad = 6.75 × 2 = 13.5   (0 → 13.5)');
    expect(lines).toContain('B4: d.grad += [d > 0] · r.grad = [6.75 > 0] × 27 = 27   (0 → 27)');
    expect(lines).toContain('B5: n.grad += 1/b · d.grad = 1/0.5 × 27 = 54   (0 → 54)');
    expect(lines).toContain('B6: p.grad += -1 · n.grad = -1 × 54 = -54   (0 → -54)');
    expect(lines).toContain(
      'B7: a.grad += 3·a**(3-1) · p.grad = 3·(-1.5)**(3-1) × (-54) = -364.5   (0 → -364.5)',
    );
    expect(lines).toContain(
      'B8: a.grad += 1/a · lg.grad = 1/(-1.5) × 1 = -0.66667   (-364.5 → -365.17)',
    );
  });
});

describe('narration of constants', () => {
  // out = 2·x + 2·x at x = 3, ids x #0, 2 #1, #2 = #1·x, 2 #3, #4 = #3·x, out #5: each constant
  // receives x · 1 = 3, x receives 2 twice.
  it('writes a constant that receives a grad as #ID, so two 2s stay apart', () => {
    const g = new Graph();
    const x = g.addInput(3, 'x');
    const left = g.addOp(OpCode.mul, g.addConstant(2), x);
    const right = g.addOp(OpCode.mul, g.addConstant(2), x);
    const out = g.addOp(OpCode.add, left, right);
    g.setName(out, 'out');
    const scenario = makeScenario({
      source: { name: 'c', text: '' },
      title: 'c',
      graph: g,
      output: out,
    });
    expect(transcript(scenario).filter((l) => l.startsWith('B'))).toEqual([
      'B0: out.grad = 1; the grads of the 5 other nodes out depends on = 0',
      'B1: #2.grad += 1 · out.grad = 1 × 1 = 1   (0 → 1)',
      'B1: #4.grad += 1 · out.grad = 1 × 1 = 1   (0 → 1)',
      'B2: #3.grad += x · #4.grad = 3 × 1 = 3   (0 → 3)',
      'B2: x.grad += 2 · #4.grad = 2 × 1 = 2   (0 → 2)',
      'B3: #1.grad += x · #2.grad = 3 × 1 = 3   (0 → 3)',
      'B3: x.grad += 2 · #2.grad = 2 × 1 = 2   (2 → 4)',
    ]);
  });
});

describe('formatNumber', () => {
  it.each([
    [6, '6'],
    [12.000073729642216, '12.000'],
    [7.3729642215858426e-5, '7.3730e-5'],
    [2.4576547405286142e-5, '2.4577e-5'],
    [0.5, '0.5'],
    [1e-7, '1e-7'],
    [0.001, '0.001'],
    [1234567, '1.2346e6'],
    [-3.375, '-3.375'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [-0, '-0'],
  ])('%d -> %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });
});
