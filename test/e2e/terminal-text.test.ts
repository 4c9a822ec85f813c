/**
 * The bundle's stand-ins for string-width and ansi-tokenize (scripts/shims/terminal-text.ts) give
 * what the packages give: on every character they read without the packages, and on random lines
 * of colour codes, those characters and characters they must leave to the packages.
 */
import * as ansi from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  type AnsiTokenize,
  fastAnsiTokenize,
  fastStringWidth,
  isOneColumn,
} from '../../scripts/shims/terminal-text.js';

const real = ansi as unknown as AnsiTokenize;
const width = fastStringWidth(() => stringWidth, 50);
const fast = fastAnsiTokenize(real, 50);

/** Every UTF-16 unit the stand-ins read themselves. */
const SHORTCUT = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter(
  isOneColumn,
);
const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length;

describe('characters read without the packages', () => {
  it('are the screens’ own: ASCII, box drawing, arrows, maths, Greek, ✓ ✗, and not marks', () => {
    for (const char of ' ~aZ09─│╭╮╰╯┃━▶◌Δ·×→∂≠…✓✗⏎') expect(SHORTCUT).toContain(char);
    for (const char of ['\x1b', '\t', '\u00ad', '\u0301', '\u200d', '漢', '\u25fd', '\u231a'])
      expect(SHORTCUT).not.toContain(char);
    expect(SHORTCUT.length).toBeGreaterThan(1000);
  });

  it('are each one column for string-width, never double width, and a grapheme of their own', () => {
    for (const char of SHORTCUT) {
      expect([char, stringWidth(char)]).toEqual([char, 1]);
      expect(real.tokenize(char)).toEqual([{ type: 'char', value: char, fullWidth: false }]);
      for (const pair of [`a${char}`, `${char}a`, `${char}${char}`])
        expect([pair, graphemes(pair)]).toEqual([pair, 2]);
    }
  });
});

const CODES = [
  '\x1b[0m',
  '\x1b[m',
  '\x1b[1m',
  '\x1b[2m',
  '\x1b[22m',
  '\x1b[31m',
  '\x1b[39m',
  '\x1b[1;33m',
  '\x1b[7;4m',
  '\x1b[38;5;208m',
  '\x1b[48;2;10;20;30m',
  '\x1b[49m',
];
/** Pieces the stand-ins must hand to the packages. */
const OTHERS = [
  '\u0301',
  '👍',
  '漢',
  '\t',
  '\u00ad',
  '\x1b',
  '\x1b[12345m',
  '\x1b]8;;https://x.org\x07',
  '\x1b[2J',
  '\u200d',
  '\u25fd',
];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...CODES), weight: 2 },
  { arbitrary: fc.constantFrom(...SHORTCUT), weight: 6 },
  { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
);
const line = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('random lines', () => {
  it('measure as string-width measures them', () => {
    fc.assert(
      fc.property(line, (text) => width(text) === stringWidth(text)),
      { numRuns: 3000 },
    );
  });

  it('tokenize, style and print back as ansi-tokenize does', () => {
    fc.assert(
      fc.property(line, (text) => {
        const tokens = fast.tokenize(text);
        expect(tokens).toEqual(real.tokenize(text));
        const chars = fast.styledCharsFromTokens(tokens);
        const expected = real.styledCharsFromTokens(real.tokenize(text));
        expect(chars).toEqual(expected);
        expect(fast.styledCharsToString(chars)).toBe(real.styledCharsToString(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('print a row as ansi-tokenize does when Ink lays lines and blank cells side by side', () => {
    const blank = () => ({ type: 'char' as const, value: ' ', fullWidth: false, styles: [] });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), fc.nat(3), (texts, gap) => {
        const row = texts.flatMap((text) => [
          ...fast.styledCharsFromTokens(fast.tokenize(text)),
          ...Array.from({ length: gap }, blank),
        ]);
        expect(fast.styledCharsToString(row)).toBe(real.styledCharsToString(row));
      }),
      { numRuns: 2000 },
    );
  });

  it('are remembered until the memo holds its size, then it starts over', () => {
    const memo = fastAnsiTokenize(real, 50);
    const text = '\x1b[1m─┤ a\x1b[22m';
    const first = memo.tokenize(text);
    expect(memo.tokenize(text)).toBe(first);
    for (let i = 0; i < 50; i++) memo.tokenize(`line ${i}`);
    const again = memo.tokenize(text);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
