import { describe, expect, it } from 'vitest';
import { Symbols, SymbolValues } from '../../src/scenario/expression/index.js';

describe('Symbols', () => {
  it('gives one symbol and one string to every use of a name', () => {
    const symbols = new Symbols();
    const text = 'x1 = x1 + x';
    const a = symbols.intern(text, 0, 2);
    const b = symbols.intern(text, 5, 7);
    const c = symbols.intern(text, 10, 11);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect([symbols.name(a), symbols.name(c)]).toEqual(['x1', 'x']);
    expect(symbols.name(a)).toBe(symbols.name(b));
    expect([symbols.startOf(a), symbols.endOf(a), symbols.startOf(c)]).toEqual([0, 2, 10]);
    expect(symbols.find('x')).toBe(c);
    expect(symbols.find('x2')).toBeUndefined();
  });

  it('keeps 100,000 names apart as its table grows', () => {
    const symbols = new Symbols();
    const names = Array.from({ length: 100_000 }, (_, i) => `v${i}`);
    const text = names.join(' ');
    let at = 0;
    for (const [i, name] of names.entries()) {
      expect(symbols.intern(text, at, at + name.length)).toBe(i);
      at += name.length + 1;
    }
    expect(names.every((name, i) => symbols.find(name) === i)).toBe(true);
    expect(symbols.name(99_999)).toBe('v99999');
    expect(symbols.name(5)).toBe('v5');
    expect(symbols.size).toBe(names.length);
  });
});

describe('SymbolValues', () => {
  it('reads 0 until set, for any symbol', () => {
    const values = new SymbolValues();
    values.set(1000, 7);
    expect(values.get(1000)).toBe(7);
    expect(values.get(999)).toBe(0);
    expect(values.get(5000)).toBe(0);
  });
});
