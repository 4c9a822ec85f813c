import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/scenario/suggest.js';

const FUNCTIONS = ['tanh', 'relu', 'exp', 'log', 'sigmoid'];

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

  it('does not offer just any other one-letter name for a one-letter name', () => {
    expect(suggest('q', ['x', 'y', 'z'])).toBeUndefined();
    expect(suggest('w', ['w1', 'w2', 'b'])).toBeUndefined();
    expect(suggest('x', ['xy'])).toBeUndefined();
  });

  it('keeps suggestions that leave part of a short name in place', () => {
    expect(suggest('zz', ['x', 'y', 'z'])).toBe('z');
    expect(suggest('yx', ['xy', 'z'])).toBe('xy');
    expect(suggest('w3', ['w1', 'b'])).toBe('w1');
  });

  it('prefers a difference in case alone over any edit', () => {
    expect(suggest('X', ['y', 'x', 'z'])).toBe('x');
    expect(suggest('Tanh', ['tank', 'tanh'])).toBe('tanh');
    // A case slip on top of a swap is still one edit.
    expect(suggest('Tahn', FUNCTIONS)).toBe('tanh');
  });

  it('between equally close candidates, prefers the one sharing the longer start', () => {
    expect(suggest('x3', ['y3', 'x2'])).toBe('x2');
    expect(suggest('w_10', ['b_11', 'w_11'])).toBe('w_11');
  });

  it('completes a start of 3 letters or more when one candidate has it', () => {
    expect(suggest('sig', FUNCTIONS)).toBe('sigmoid');
    expect(suggest('Sigm', FUNCTIONS)).toBe('sigmoid');
    expect(suggest('wei', ['weight_1', 'weight_2'])).toBeUndefined();
    expect(suggest('si', FUNCTIONS)).toBeUndefined();
  });
});
