/**
 * Maps offsets inside a YAML scalar's value (the graph block as the parser sees it) back to offsets
 * in the file, so a diagnostic points at the file's own line and column.
 *
 * The map is a list of segments: a run of value characters that appear verbatim, one after the
 * other, in the file. An offset between segments (a folded line break, an escape) is placed after
 * the segment before it, which is where the file's line break or escape is.
 */
import type { LocalDiagnostic } from './expression/index.js';
import { lastAtMost } from './source.js';
import type { Diagnostic, Source } from './types.js';

export interface ScalarText {
  /** The scalar's value, as YAML decoded it. */
  readonly value: string;
  /** Where the scalar is written in the file: from its indicator or quote to the end of its text. */
  readonly start: number;
  readonly end: number;
  readonly style: 'block' | 'plain' | 'single' | 'double';
}

export interface OffsetMap {
  /** The file offset of a value offset (0 <= offset <= value.length). */
  toFile(offset: number): number;
}

interface Segments {
  readonly valueStart: number[];
  readonly fileStart: number[];
}

/** Builds the offset map of a scalar written in `text` (the whole file). */
export function scalarOffsetMap(text: string, scalar: ScalarText): OffsetMap {
  const segments =
    scalar.style === 'single' || scalar.style === 'double'
      ? quotedSegments(text, scalar)
      : lineSegments(text, scalar);
  return segmentMap(segments, scalar.start);
}

function segmentMap({ valueStart, fileStart }: Segments, fallback: number): OffsetMap {
  // Callers map offsets mostly in text order, many in one line: the last segment found is tried
  // before a binary search.
  let last = 0;
  const contains = (i: number, offset: number): boolean =>
    valueStart[i] <= offset && (i + 1 === valueStart.length || offset < valueStart[i + 1]);
  return {
    toFile(offset) {
      if (valueStart.length === 0) return fallback;
      if (offset <= valueStart[0]) return fileStart[0];
      if (!contains(last, offset)) last = lastAtMost(valueStart, offset);
      return fileStart[last] + (offset - valueStart[last]);
    },
  };
}

/**
 * Block (`|`, `>`) and plain scalars: each file line, without its indentation, appears in the value
 * after the previous one (separated by a line break, or a space where YAML folded the lines).
 */
function lineSegments(text: string, scalar: ScalarText): Segments {
  const segments: Segments = { valueStart: [], fileStart: [] };
  const { value } = scalar;
  let lineStart = scalar.start;
  let indent = 0;
  if (scalar.style === 'block') {
    const header = text.indexOf('\n', scalar.start);
    if (header === -1 || header >= scalar.end) return segments;
    indent = blockIndent(text, scalar.start, header + 1, scalar.end);
    lineStart = header + 1;
  }
  let v = 0;
  while (lineStart < scalar.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > scalar.end) lineEnd = scalar.end;
    let from = lineStart;
    // Plain scalars drop all leading white space; block scalars their indentation only.
    const limit = scalar.style === 'block' ? Math.min(lineStart + indent, lineEnd) : lineEnd;
    while (from < limit && (text[from] === ' ' || text[from] === '\t')) from++;
    let to = lineEnd;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) {
      const found = value.indexOf(text.slice(from, to), v);
      if (found !== -1) {
        segments.valueStart.push(found);
        segments.fileStart.push(from);
        v = found + (to - from);
      }
    }
    lineStart = lineEnd + 1;
  }
  return segments;
}

/** The indentation of a block scalar's content: its explicit indicator, or its first text line. */
function blockIndent(text: string, indicator: number, contentStart: number, end: number): number {
  const header = text.slice(indicator, contentStart);
  const explicit = /^[|>][+-]?([1-9])|^[|>]([1-9])/.exec(header);
  if (explicit !== null) {
    const keyLine = text.lastIndexOf('\n', indicator) + 1;
    let parentIndent = 0;
    while (text[keyLine + parentIndent] === ' ') parentIndent++;
    return parentIndent + Number(explicit[1] ?? explicit[2]);
  }
  const firstText = /[^\s]/g;
  firstText.lastIndex = contentStart;
  const found = firstText.exec(text);
  if (found === null || found.index >= end) return 0;
  return found.index - (text.lastIndexOf('\n', found.index) + 1);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * Quoted scalars: walks the file text, decoding escapes and folded line breaks, and records where
 * each decoded run starts. If the walk does not reproduce YAML's value (a case it does not know),
 * every offset falls back to the opening quote: a coarse position, never a wrong one.
 */
function quotedSegments(text: string, scalar: ScalarText): Segments {
  const segments: Segments = { valueStart: [], fileStart: [] };
  const quote = scalar.style === 'double' ? '"' : "'";
  const last = text.lastIndexOf(quote, scalar.end - 1);
  let decoded = '';
  let runFrom = -1;
  const emit = (chars: string, at: number, verbatim: boolean): void => {
    if (!verbatim || runFrom !== at) {
      segments.valueStart.push(decoded.length);
      segments.fileStart.push(at);
    }
    decoded += chars;
    runFrom = verbatim ? at + 1 : -1;
  };
  let i = scalar.start + 1;
  while (i < last) {
    const c = text[i];
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') {
      i = foldWhiteSpace(text, i, last, (chars, at) => emit(chars, at, false));
    } else if (quote === "'" && c === "'" && text[i + 1] === "'") {
      emit("'", i, false);
      i += 2;
    } else if (quote === '"' && c === '\\') {
      i = decodeEscape(text, i, last, (chars, at) => emit(chars, at, false));
    } else {
      emit(c, i, true);
      i++;
    }
  }
  return decoded === scalar.value ? segments : { valueStart: [], fileStart: [] };
}

/** White space in a quoted scalar: kept inside a line, folded across line breaks. */
function foldWhiteSpace(
  text: string,
  from: number,
  last: number,
  emit: (chars: string, at: number) => void,
): number {
  let i = from;
  let breaks = 0;
  while (i < last && /[ \t\r\n]/.test(text[i])) {
    if (text[i] === '\n') breaks++;
    i++;
  }
  if (breaks === 0) emit(text.slice(from, i), from);
  else emit(breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), text.indexOf('\n', from));
  return i;
}

function decodeEscape(
  text: string,
  at: number,
  last: number,
  emit: (chars: string, at: number) => void,
): number {
  const kind = text[at + 1];
  if (kind === '\n' || kind === '\r') {
    // An escaped line break joins the lines; the next line's leading white space goes too.
    let i = text.indexOf('\n', at) + 1;
    while (i < last && (text[i] === ' ' || text[i] === '\t')) i++;
    return i;
  }
  const digits = HEX_DIGITS[kind];
  if (digits !== undefined) {
    const code = Number.parseInt(text.slice(at + 2, at + 2 + digits), 16);
    emit(Number.isNaN(code) ? '' : String.fromCodePoint(code), at);
    return at + 2 + digits;
  }
  emit(SIMPLE_ESCAPES[kind] ?? kind, at);
  return at + 2;
}

/** A diagnostic of a scalar's own text, placed in the file. */
export function toFileDiagnostic(d: LocalDiagnostic, map: OffsetMap, source: Source): Diagnostic {
  return {
    severity: d.severity ?? 'error',
    source,
    start: map.toFile(d.start),
    end: map.toFile(d.end),
    message: d.message,
    hint: d.hint,
    related: d.related?.map((r) => ({
      start: map.toFile(r.start),
      end: map.toFile(r.end),
      message: r.message,
    })),
  };
}
