/** The fast path's name table: a name is an offset into the text, found by hashing in place. */
import { describe, expect, it } from 'vitest';
import { FastNames } from '../../src/scenario/fast-graph-names.js';

describe('FastNames', () => {
  // Names that are prefixes of each other, so a match must also end where the name ends.
  const text = 'x = 1\nx1 = 2\nx12 = x1 + x\n_a = 3\n';
  const spans: [string, number][] = [
    ['x', text.indexOf('x =')],
    ['x1', text.indexOf('x1 =')],
    ['x12', text.indexOf('x12 =')],
    ['_a', text.indexOf('_a =')],
  ];

  it('finds each node by its name, in the text or as a string, and cuts its name', () => {
    // Sized for one name and one node: the table and the offsets grow past both.
    const names = new FastNames(text, 1, 1);
    spans.forEach(([name, at], i) => {
      expect(names.find(at, at + name.length)).toBe(-1);
      names.define(2 * i, at, at + name.length);
    });
    spans.forEach(([name, at], i) => {
      expect(names.find(at, at + name.length)).toBe(2 * i);
      expect(names.findName(name)).toBe(2 * i);
      expect(names.nameOf(2 * i)).toBe(name);
      expect(names.nameSource()(2 * i)).toBe(name);
    });
    const use = text.indexOf('x1 + x');
    expect(names.find(use, use + 2)).toBe(2);
    expect(names.find(use + 5, use + 6)).toBe(0);
    for (const missing of ['x2', 'x123', '', 'a', '_']) expect(names.findName(missing)).toBe(-1);
    expect(names.nameOf(1)).toBeUndefined();
    expect(names.nameOf(99)).toBeUndefined();
  });

  it('tells apart a thousand names that are prefixes of one another', () => {
    const lines = Array.from({ length: 1000 }, (_, k) => `v${k} = x`);
    const many = `${lines.join('\n')}\n`;
    const names = new FastNames(many, 8, 8);
    let at = 0;
    for (let k = 0; k < 1000; k++) {
      const end = many.indexOf(' ', at);
      expect(names.find(at, end)).toBe(-1);
      names.define(k, at, end);
      at = many.indexOf('\n', at) + 1;
    }
    for (let k = 0; k < 1000; k++) expect(names.findName(`v${k}`)).toBe(k);
    for (const missing of ['v', 'v1000', 'v00', 'v01', 'x'])
      expect(names.findName(missing)).toBe(-1);
  });
});
