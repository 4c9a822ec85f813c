/**
 * Faster equivalents of the text functions Ink calls on every line of every frame, which
 * scripts/bundle.mjs puts in the bundle in place of the packages' own (string-width, and
 * @alcalzone/ansi-tokenize's tokenize, styledCharsFromTokens and styledCharsToString). Each gives
 * exactly what the package gives (test/e2e/terminal-text.test.ts compares them on every
 * character they shortcut and on random lines); they differ only in how fast.
 *
 * Why: Ink measures, tokenizes and styles each line of each frame character by character, through
 * Intl.Segmenter and Unicode-property regexes, and keeps its caches for one frame only. A graph
 * screen is box drawing and colour codes, so a new 120×40 frame spent most of its time there.
 * Here the characters our screens draw with are handled one code unit each, colour codes are
 * parsed once per distinct code, and unchanged lines cost a map lookup.
 */

/**
 * Characters that string-width counts one column wide, that are never double width for
 * ansi-tokenize, and that stand alone as a grapheme next to any other (no marks, joiners, Hangul
 * or regional indicators): printable ASCII, Latin-1 but the soft hyphen, Greek, punctuation,
 * super- and subscripts, arrows, maths, box drawing, blocks and shapes but the two emoji squares,
 * control pictures, and the few symbols the screens use (⌕ ⌫ ⏎ ✓ ✗ �). All are one UTF-16 unit.
 */
const ONE_COLUMN =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u03ff\u2010-\u2027\u2030-\u205e\u2070-\u2071\u2074-\u208e\u2090-\u209c\u2190-\u22ff\u2315\u232b\u23ce\u2400-\u2426\u2500-\u25fc\u25ff\u2713\u2717\ufffd]$/;

/** A character of ONE_COLUMN: the stand-ins below read lines of these (and SGR codes) themselves. */
export const isOneColumn = (char: string): boolean => ONE_COLUMN.test(char);

/** One SGR code as string-width's ANSI regex and ansi-tokenize both read it whole. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: an SGR code begins with ESC.
const SGR = /\x1b\[(?:\d{1,4}(?:;\d{0,4})*)?m/y;

/** Hands a line's SGR codes and one-column characters on in order; false at anything else. */
function scan(text: string, onCode: (code: string) => void, onChar: (char: string) => void) {
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) === 0x1b) {
      SGR.lastIndex = i;
      const match = SGR.exec(text);
      if (match === null) return false;
      onCode(match[0]);
      i += match[0].length;
    } else {
      const char = text[i];
      if (!isOneColumn(char)) return false;
      onChar(char);
      i++;
    }
  }
  return true;
}

/** Clears a map that reached `size` entries before adding to it: it keeps the recent frames. */
function remember<K, V>(memo: Map<K, V>, size: number, key: K, value: V): V {
  if (memo.size >= size) memo.clear();
  memo.set(key, value);
  return value;
}

type StringWidth = (text: string, options?: object) => number;

/**
 * string-width, with lines of colour codes and one-column characters measured as their count of
 * characters, and other lines remembered (at most `size` of them). `load` gives the package's
 * function: called on the first other line, as loading it costs 20 to 30 ms.
 */
export function fastStringWidth(load: () => StringWidth, size: number): StringWidth {
  const memo = new Map<string, number>();
  return (text, options) => {
    if (options !== undefined) return load()(text, options);
    let width = 0;
    if (scan(text, noop, () => width++)) return width;
    return memo.get(text) ?? remember(memo, size, text, load()(text));
  };
}

const noop = () => {};

/** What @alcalzone/ansi-tokenize exports that this module uses and replaces. */
export interface AnsiTokenize {
  tokenize(text: string, endChar?: number): Token[];
  styledCharsFromTokens(tokens: Token[]): StyledChar[];
  styledCharsToString(chars: StyledChar[]): string;
  reduceAnsiCodesIncremental(codes: AnsiCode[], newCodes: AnsiCode[]): AnsiCode[];
  diffAnsiCodes(from: AnsiCode[], to: AnsiCode[]): AnsiCode[];
  ansiCodesToString(codes: AnsiCode[]): string;
}

interface AnsiCode {
  readonly type: 'ansi';
  readonly code: string;
  readonly endCode: string;
}

interface CharToken {
  readonly type: 'char';
  readonly value: string;
  readonly fullWidth: boolean;
}

type Token = AnsiCode | CharToken;

interface StyledChar extends CharToken {
  readonly styles: AnsiCode[];
}

/**
 * ansi-tokenize's three per-line functions. tokenize reads lines of SGR codes and one-column
 * characters a code unit at a time (the package segments every line into graphemes) and
 * remembers the last `size` lines; styledCharsFromTokens gives the characters of one style run
 * one shared styles array (the package copies it per character), which styledCharsToString then
 * recognises as no change of style without diffing. Nothing downstream writes to these arrays.
 */
export function fastAnsiTokenize(real: AnsiTokenize, size: number) {
  const lines = new Map<string, Token[]>();
  const codes = new Map<string, Token[]>();
  const tokensOfCode = (code: string) =>
    codes.get(code) ?? remember(codes, size, code, real.tokenize(code));

  function tokenize(text: string, endChar?: number): Token[] {
    if (endChar !== undefined) return real.tokenize(text, endChar);
    const known = lines.get(text);
    if (known !== undefined) return known;
    const tokens: Token[] = [];
    const plain = scan(
      text,
      (code) => tokens.push(...tokensOfCode(code)),
      (value) => tokens.push({ type: 'char', value, fullWidth: false }),
    );
    return remember(lines, size, text, plain ? tokens : real.tokenize(text));
  }

  const styled = new WeakMap<Token[], StyledChar[]>();
  function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
    const known = styled.get(tokens);
    if (known !== undefined) return known;
    let styles: AnsiCode[] = [];
    const chars: StyledChar[] = [];
    for (const token of tokens) {
      if (token.type === 'ansi') styles = real.reduceAnsiCodesIncremental(styles, [token]);
      else chars.push({ ...token, styles });
    }
    styled.set(tokens, chars);
    return chars;
  }

  function styledCharsToString(chars: StyledChar[]): string {
    let text = '';
    let before: AnsiCode[] = [];
    for (const char of chars) {
      // diffAnsiCodes(x, x) is empty for any x: the one case skipped.
      if (char.styles !== before && (char.styles.length > 0 || before.length > 0)) {
        text += real.ansiCodesToString(real.diffAnsiCodes(before, char.styles));
      }
      text += char.value;
      before = char.styles;
    }
    return before.length > 0 ? text + real.ansiCodesToString(real.diffAnsiCodes(before, [])) : text;
  }

  return { tokenize, styledCharsFromTokens, styledCharsToString };
}
