/**
 * Splits graph statements and breakpoint conditions into tokens with offsets into the text. Bad
 * characters and malformed numbers become `invalid` tokens plus a diagnostic, so the parser can skip
 * the rest of that line without reporting the same fault twice.
 */
import type { LocalDiagnostic } from './ast.js';

export type TokenKind = 'number' | 'name' | 'ref' | 'punct' | 'newline' | 'eof' | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The token as written (empty for `newline` and `eof`). */
  readonly text: string;
  /** A number's value, or a `#ID` ref's id; 0 otherwise. */
  readonly value: number;
}

export interface LexOptions {
  /** Whether `\n` ends a statement (graph blocks) or is plain whitespace (conditions). */
  readonly newlines: boolean;
}

const PUNCTUATORS: ReadonlySet<string> = new Set('** <= >= == != + - * / ( ) , = < >'.split(' '));
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Characters people type by habit from other notations, and what to write instead. */
const CHARACTER_HINTS: ReadonlyMap<string, string> = new Map([
  ['^', 'Use ** for powers: x ** 2.'],
  ['×', 'Use * to multiply.'],
  ['·', 'Use * to multiply.'],
  ['−', "Use the ASCII minus '-'."],
  [';', 'Write one statement per line.'],
]);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff';

export function tokenize(
  text: string,
  options: LexOptions,
): { tokens: Token[]; diagnostics: LocalDiagnostic[] } {
  const tokens: Token[] = [];
  const diagnostics: LocalDiagnostic[] = [];
  const push = (kind: TokenKind, start: number, end: number, value = 0): void => {
    tokens.push({ kind, start, end, text: text.slice(start, end), value });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (c === '\n') {
      i++;
      // Zero width, before a CRLF's `\r`, so "found end of line" points just after the text.
      const at = text[start - 1] === '\r' ? start - 1 : start;
      if (options.newlines) push('newline', at, at);
    } else if (isSpace(c)) {
      i++;
    } else if (c === '#') {
      i++;
      if (isDigit(text[i] ?? '')) {
        while (isDigit(text[i] ?? '')) i++;
        push('ref', start, i, Number(text.slice(start + 1, i)));
      } else {
        while (i < text.length && text[i] !== '\n') i++;
      }
    } else if (isNameStart(c)) {
      while (isNamePart(text[i] ?? '')) i++;
      push('name', start, i);
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      i = numberEnd(text, i);
      const raw = text.slice(start, i);
      if (NUMBER.test(raw)) {
        push('number', start, i, Number(raw));
      } else {
        push('invalid', start, i);
        diagnostics.push({
          start,
          end: i,
          message: `Invalid number '${raw}'.`,
          hint: 'A number is digits with at most one decimal point and an optional exponent, as in 2, 0.5, .5 or 1e-3.',
        });
      }
    } else {
      const punct = punctuatorAt(text, i);
      if (punct !== undefined) {
        i += punct.length;
        push('punct', start, i);
      } else {
        i = unknownRunEnd(text, i);
        push('invalid', start, i);
        diagnostics.push(unexpectedCharacters(text.slice(start, i), start, i));
      }
    }
  }
  push('eof', text.length, text.length);
  return { tokens, diagnostics };
}

/**
 * The end of a number-like run: letters, digits and dots stick to a number, and a sign right after
 * an exponent `e`, so that `1.2.3`, `1e` and `2x` are reported whole rather than as two tokens.
 */
function numberEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text[j];
    const afterExponent = (text[j - 1] === 'e' || text[j - 1] === 'E') && (c === '+' || c === '-');
    if (isNamePart(c) || c === '.' || afterExponent) j++;
    else break;
  }
  return j;
}

function isKnownStart(text: string, i: number): boolean {
  const c = text[i];
  return (
    c === '\n' ||
    c === '#' ||
    isSpace(c) ||
    isNameStart(c) ||
    isDigit(c) ||
    (c === '.' && isDigit(text[i + 1] ?? '')) ||
    punctuatorAt(text, i) !== undefined
  );
}

/** The longest punctuator at `i`: `**` wins over `*` and `<=` over `<`. */
function punctuatorAt(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  if (PUNCTUATORS.has(two)) return two;
  return PUNCTUATORS.has(text[i]) ? text[i] : undefined;
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
  const hint = CHARACTER_HINTS.get([...run][0]);
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
