/**
 * An unnamed node's label reads only the start of its span; it must be the label the whole span
 * gives: whitespace runs collapsed to one space, then cut. And `cut` counts code points without
 * an array when it can; it must cut where counting them does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cut } from '../../src/scenario/index.js';
import { spanLabel } from '../../src/scenario/scenario.js';

/** `cut` by its definition: the first width - 1 code points, trimmed, and `…`, if it is longer. */
function cutByCodePoints(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 0
    ? ''
    : `${chars
        .slice(0, width - 1)
        .join('')
        .trimEnd()}…`;
}

/** The label as it was first written: the whole span read, collapsed and cut. */
const wholeSpanLabel = (text: string, start: number, end: number, width: number) =>
  cutByCodePoints(text.slice(start, end).replace(/\s+/g, ' '), width);

const piece = fc.constantFrom(
  'a',
  'x_2',
  ' ',
  '  ',
  '\n    ',
  '\t',
  '*',
  '+',
  '(',
  '😀',
  'é',
  '\u00a0',
);
const text = fc.array(piece, { maxLength: 400 }).map((pieces) => pieces.join(''));

describe('cut', () => {
  it('cuts at code points, with or without surrogates in the text', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 60 }), (t, width) => {
        expect(cut(t, width)).toBe(cutByCodePoints(t, width));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('spanLabel', () => {
  it('gives what the whole span gives, for any span and width', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 60 }), (t, a, b, width) => {
        const start = a % (t.length + 1);
        const end = start + (b % (t.length - start + 1));
        expect(spanLabel(t, start, end, width)).toBe(wholeSpanLabel(t, start, end, width));
      }),
      { numRuns: 5000 },
    );
  });

  it('labels a partial sum of a long line by its start', () => {
    const line = Array.from({ length: 20_000 }, (_, i) => `(h_${i} - y_${i}) ** 2`).join(' + ');
    expect(spanLabel(line, 0, line.length, 40)).toBe('(h_0 - y_0) ** 2 + (h_1 - y_1) ** 2 + (…');
  });
});
