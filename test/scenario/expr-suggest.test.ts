import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/scenario/suggest.js';

describe('suggest', () => {
  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('tahn', 'tanh')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('picks the closest candidate within the limit', () => {
    expect(suggest('tahn', ['tanh', 'relu', 'exp'])).toBe('tanh');
    expect(suggest('sigmod', ['tanh', 'sigmoid'])).toBe('sigmoid');
    expect(suggest('Tanh', ['tanh'])).toBe('tanh');
    expect(suggest('x_22', ['x_2', 'x_2_y'])).toBe('x_2');
  });

  it('allows one edit for names of up to 3 letters, two for longer ones, and none is no answer', () => {
    expect(suggest('ab', ['xy'])).toBeUndefined();
    expect(suggest('abc', ['axy'])).toBeUndefined();
    expect(suggest('abcd', ['abxy'])).toBe('abxy');
    expect(suggest('weight', ['bias', 'output'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
    expect(suggest('x', ['x'])).toBeUndefined();
  });
});
