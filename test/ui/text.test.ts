import { describe, expect, it } from 'vitest';
import { wrapFormula, wrapToWidth } from '../../src/ui/text.js';

const CONTRIBUTION = 'x.grad += y · xy.grad = 3 × 2.4577e-5 = 7.3730e-5 (0 → 7.3730e-5)';

describe('wrapFormula', () => {
  it('leaves a line that fits alone', () => {
    expect(wrapFormula(CONTRIBUTION, 80)).toEqual([CONTRIBUTION]);
  });

  it('puts (before → after) on its own indented line when the whole does not fit', () => {
    expect(wrapFormula(CONTRIBUTION, 58)).toEqual([
      'x.grad += y · xy.grad = 3 × 2.4577e-5 = 7.3730e-5',
      '  (0 → 7.3730e-5)',
    ]);
  });

  it('breaks before = rather than inside a product, indented, (before → after) after the result when it fits', () => {
    expect(wrapFormula(CONTRIBUTION, 38)).toEqual([
      'x.grad += y · xy.grad = 3 × 2.4577e-5',
      '  = 7.3730e-5  (0 → 7.3730e-5)',
    ]);
    expect(
      wrapFormula('B2 from tanh_xy: 2.4577e-5 × 1 = 2.4577e-5 (0 → 2.4577e-5)', 30, 4),
    ).toEqual(['B2 from tanh_xy: 2.4577e-5 × 1', '    = 2.4577e-5', '    (0 → 2.4577e-5)']);
  });

  it('word-wraps a piece wider than a line', () => {
    const lines = wrapFormula('a b c d e f g h i j k l m n o p = 1', 10);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(10);
    expect(lines.join(' ').split(/\s+/).join(' ')).toBe('a b c d e f g h i j k l m n o p = 1');
  });

  it('word-wraps prose with a `; ` instead of breaking it before =', () => {
    const b0 = 'z.grad = 1; the grads of the 6 other nodes z depends on = 0';
    expect(wrapFormula(b0, 36)).toEqual([
      'z.grad = 1; the grads of the 6 other',
      '  nodes z depends on = 0',
    ]);
  });
});

describe('wrapToWidth', () => {
  it('leaves a line that fits alone, and breaks a longer one at its last space that fits', () => {
    expect(wrapToWidth('check   ✓ pass', 20)).toEqual(['check   ✓ pass']);
    // The spacing before the break is kept; continuation lines are indented by two cells.
    expect(wrapToWidth('check   – output: grad 1 by definition', 37)).toEqual([
      'check   – output: grad 1 by',
      '  definition',
    ]);
    expect(wrapToWidth('abcdefghij', 4)).toEqual(['abcd', '  ef', '  gh', '  ij']);
  });

  it('paints every piece of a line painted in one style, so no style runs into a border', () => {
    const red = (t: string) => `\u001B[31m${t}\u001B[0m`;
    expect(wrapToWidth(red('✗ expect x.grad = 2, got 3'), 16)).toEqual([
      red('✗ expect x.grad'),
      red('  = 2, got 3'),
    ]);
  });
});
