/**
 * Splits graph statements and breakpoint conditions into tokens with offsets into the text. Bad
 * characters and malformed numbers become `invalid` tokens plus a diagnostic, so the parser can skip
 * the rest of that line without reporting the same fault twice.
 *
 * Tokens are made one at a time as the parser asks (graphql-js's Lexer does the same): a
 * 100,000-line graph never holds a million token objects at once, which the garbage collector would
 * have to move out of its young generation and sweep later.
 */
import type { LocalDiagnostic } from './ast.js';
import { readNumber } from './numbers.js';
import { Symbols } from './symbols.js';

export type TokenKind = 'number' | 'name' | 'ref' | 'punct' | 'newline' | 'eof' | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The token as written (empty for `newline` and `eof`). */
  readonly text: string;
  /** A number's value, a `#ID` ref's id, or a name's symbol; 0 otherwise. */
  readonly value: number;
}

export interface LexOptions {
  /** Whether `\n` ends a statement (graph blocks) or is plain whitespace (conditions). */
  readonly newlines: boolean;
  /** Where names are interned; a table of the lexer's own by default. */
  readonly symbols?: Symbols;
}

/** Punctuators by their first character, longest first: `**` wins over `*` and `<=` over `<`. */
const PUNCTUATORS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['*', ['**', '*']],
  ['<', ['<=', '<']],
  ['>', ['>=', '>']],
  ['=', ['==', '=']],
  ['!', ['!=']],
  ...['+', '-', '/', '(', ')', ','].map((p) => [p, [p]] as const),
]);
/** Characters people type by habit from other notations, and what to write instead. */
const CHARACTER_HINTS: ReadonlyMap<string, string> = new Map([
  ['^', 'Use ** for powers: x ** 2.'],
  ['×', 'Use * to multiply.'],
  ['·', 'Use * to multiply.'],
  ['−', "Use the ASCII minus '-'."],
  [';', 'Write one statement per line.'],
]);

const NAME_HINT =
  'A name may use only ASCII letters, digits and _, and does not start with a digit: x_2, w1.';

// Character codes: `charCodeAt` past the end is NaN, which every test below rejects.
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
export const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xfeff;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;
const DOT = 46;

export class Lexer {
  /** The faults found so far, in text order. */
  readonly diagnostics: LocalDiagnostic[] = [];
  /** The token under the cursor. */
  token: Token;
  readonly symbols: Symbols;
  private next: Token | undefined;
  private offset = 0;

  constructor(
    private readonly text: string,
    private readonly options: LexOptions,
  ) {
    this.symbols = options.symbols ?? new Symbols();
    this.token = this.lex();
  }

  /** Moves to the next token; at the end, stays on `eof`. */
  advance(): Token {
    this.token = this.next ?? this.lex();
    this.next = undefined;
    return this.token;
  }

  /** The token after the current one, without moving. */
  lookahead(): Token {
    this.next ??= this.lex();
    return this.next;
  }

  private lex(): Token {
    const { text } = this;
    let i = this.offset;
    for (;;) {
      const start = i;
      if (i >= text.length) return this.made('eof', i, i, '');
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        i++;
        if (!this.options.newlines) continue;
        // Zero width, before a CRLF's `\r`, so "found end of line" points just after the text.
        const at = text.charCodeAt(start - 1) === CR ? start - 1 : start;
        this.offset = i;
        return this.made('newline', at, at, '');
      }
      if (isSpace(c)) {
        i++;
      } else if (c === HASH) {
        i++;
        if (isDigit(text.charCodeAt(i))) {
          while (isDigit(text.charCodeAt(i))) i++;
          return this.made('ref', start, i, text.slice(start, i), Number(text.slice(start + 1, i)));
        }
        while (i < text.length && text.charCodeAt(i) !== NEWLINE) i++;
      } else if (isNameStart(c)) {
        while (isNamePart(text.charCodeAt(i))) i++;
        // Every use of a name shares one string, cut once.
        const symbol = this.symbols.intern(text, start, i);
        return this.made('name', start, i, this.symbols.name(symbol), symbol);
      } else if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
        i = numberEnd(text, i);
        return this.number(start, i, text.slice(start, i));
      } else {
        const punct = punctuatorAt(text, i);
        if (punct !== undefined) return this.made('punct', start, i + punct.length, punct);
        i = unknownRunEnd(text, i);
        const run = text.slice(start, i);
        this.diagnostics.push(unexpectedCharacters(run, start, i));
        return this.made('invalid', start, i, run);
      }
    }
  }

  /** A number literal; a malformed or overflowing one is `invalid` (a graph of Infinity would be no mistake of the math). */
  private number(start: number, end: number, raw: string): Token {
    const { value, problem } = readNumber(raw);
    if (problem !== undefined) {
      const { severity, message, hint } = problem;
      this.diagnostics.push({
        start,
        end,
        message,
        hint,
        ...(severity === 'warning' ? { severity } : {}),
      });
    }
    if (problem?.severity === 'error') return this.made('invalid', start, end, raw);
    return this.made('number', start, end, raw, value);
  }

  // A newline token sits before its line break (and a CRLF's `\r`): the cursor is already past it.
  private made(kind: TokenKind, start: number, end: number, text: string, value = 0): Token {
    this.offset = Math.max(this.offset, end);
    return { kind, start, end, text, value };
  }
}

/**
 * The end of a number-like run: letters, digits and dots stick to a number, and a sign right after
 * an exponent `e`, so that `1.2.3`, `1e` and `2x` are reported whole rather than as two tokens.
 */
export function numberEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text[j];
    const afterExponent = (text[j - 1] === 'e' || text[j - 1] === 'E') && (c === '+' || c === '-');
    if (isNamePart(text.charCodeAt(j)) || c === '.' || afterExponent) j++;
    else break;
  }
  return j;
}

function isKnownStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (
    c === NEWLINE ||
    c === HASH ||
    isSpace(c) ||
    isNameStart(c) ||
    isDigit(c) ||
    (c === DOT && isDigit(text.charCodeAt(i + 1))) ||
    punctuatorAt(text, i) !== undefined
  );
}

function punctuatorAt(text: string, i: number): string | undefined {
  for (const punct of PUNCTUATORS.get(text[i]) ?? []) if (text.startsWith(punct, i)) return punct;
  return undefined;
}

/** Adjacent unknown characters are one fault (a pasted symbol), reported once. */
function unknownRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isKnownStart(text, j)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
  return j;
}

function unexpectedCharacters(run: string, start: number, end: number): LocalDiagnostic {
  const shown = [...run].map(printable).join('');
  const plural = [...run].length > 1 ? 's' : '';
  const first = [...run][0];
  const hint = CHARACTER_HINTS.get(first) ?? (/\p{L}/u.test(first) ? NAME_HINT : undefined);
  return {
    start,
    end,
    message: `Unexpected character${plural} '${shown}'.`,
    ...(hint === undefined ? {} : { hint }),
  };
}

/** Invisible and control characters are shown by code point. */
function printable(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && /\s|\p{C}/u.test(c))) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return c;
}
