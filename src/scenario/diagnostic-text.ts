/**
 * Diagnostics as text people can act on (`FILE:LINE:COL: error: message`, the line, a caret under
 * the fault, a hint) and as JSON for `check --json`. Positions are computed here, at the edge.
 */
import stringWidth from 'string-width';
import { type Painter, painter } from './paint.js';
import { lineColumn, lineText } from './source.js';
import type { Diagnostic, Source, Span } from './types.js';

/** How many diagnostics a report shows before it says how many more there are. */
export const MAX_DIAGNOSTICS = 20;
/** Widest excerpt shown; longer lines are cut around the fault. */
const EXCERPT_WIDTH = 100;
const TAB_WIDTH = 4;

export interface FormatOptions {
  /** ANSI colours; off by default so logs and tests see plain text. */
  readonly color?: boolean;
}

export interface DiagnosticsFormatOptions extends FormatOptions {
  readonly max?: number;
}

/** The `check --json` shape. Lines and columns are 1-based; `endCol` is just past the fault. */
/** A diagnostic in `--json` output; positions are null for one about the whole file. */
export interface DiagnosticJson {
  readonly file: string;
  readonly line: number | null;
  readonly col: number | null;
  readonly endLine: number | null;
  readonly endCol: number | null;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly hint: string | null;
}

/** A file that cannot be read at all (missing, a directory, not text): `FILE: error: message`. */
export function fileDiagnostic(file: string, message: string): Diagnostic {
  return {
    severity: 'error',
    source: { name: file, text: '' },
    start: 0,
    end: 0,
    message,
    wholeFile: true,
  };
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const paint = painter(options.color);
  const heading = `${paint('bold', `${d.source.name}:`)} ${paint(d.severity, `${d.severity}:`)} ${d.message}`;
  const lines = d.wholeFile ? [heading] : [...located(d.source, d, d.severity, d.message, paint)];
  if (d.hint !== undefined) lines.push(`  ${paint('hint', 'hint:')} ${d.hint}`);
  for (const note of d.related ?? [])
    lines.push(...located(d.source, note, 'note', note.message, paint));
  return lines.join('\n');
}

/** Sorted, capped at `max` (default 20) with a closing line saying how many were left out. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: DiagnosticsFormatOptions = {},
): string {
  const max = options.max ?? MAX_DIAGNOSTICS;
  const sorted = sortDiagnostics(diagnostics);
  const shown = sorted.slice(0, max).map((d) => formatDiagnostic(d, options));
  const hidden = sorted.length - shown.length;
  if (hidden > 0) shown.push(`${hidden} more ${hidden === 1 ? 'error' : 'errors'} not shown`);
  return shown.join('\n');
}

/** By source, then position; stable, so diagnostics at one place keep the order they were found. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.source === b.source ? 0 : a.source.name < b.source.name ? -1 : 1) ||
      a.start - b.start ||
      a.end - b.end,
  );
}

export function diagnosticToJson(d: Diagnostic): DiagnosticJson {
  if (d.wholeFile) {
    const nowhere = { line: null, col: null, endLine: null, endCol: null };
    return {
      file: d.source.name,
      ...nowhere,
      severity: d.severity,
      message: d.message,
      hint: d.hint ?? null,
    };
  }
  const start = lineColumn(d.source, d.start);
  const end = lineColumn(d.source, Math.max(d.start, d.end));
  return {
    file: d.source.name,
    line: start.line,
    col: start.col,
    endLine: end.line,
    endCol: end.col,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
  };
}

/** `FILE:LINE:COL: LABEL: message`, the source line, and the caret line under the span. */
function located(
  source: Source,
  span: Span,
  label: 'error' | 'warning' | 'note',
  message: string,
  paint: Painter,
): string[] {
  const { line, col } = lineColumn(source, span.start);
  const heading = `${paint('bold', `${source.name}:${line}:${col}:`)} ${paint(label, `${label}:`)} ${message}`;
  if (source.text.length === 0) return [heading];
  const text = lineText(source, line);
  const lineStart = span.start - (col - 1);
  const end = Math.min(Math.max(span.end, span.start), lineStart + text.length);
  const excerpt = excerptOf(text, col - 1, end - lineStart);
  const gutter = String(line);
  const blank = ' '.repeat(gutter.length);
  return [
    heading,
    `${paint('dim', ` ${gutter} |`)} ${excerpt.text}`,
    `${paint('dim', ` ${blank} |`)} ${' '.repeat(excerpt.caret)}${paint(label, excerpt.marks)}`,
  ];
}

/**
 * The line as a terminal shows it: tabs expanded and wide characters counted as two columns (so
 * the caret lines up), control characters made visible (a file must not drive the terminal), and
 * cut to the excerpt width around the fault.
 */
function excerptOf(
  line: string,
  from: number,
  to: number,
): { text: string; caret: number; marks: string } {
  if (line.length > LONG_LINE) return longLineExcerpt(line, from, to);
  let shown = '';
  let shownFrom = 0;
  let shownTo = 0;
  let column = 0;
  for (let i = 0; i <= line.length; ) {
    if (i <= from) shownFrom = shown.length;
    if (i <= to) shownTo = shown.length;
    if (i === line.length) break;
    const code = line.codePointAt(i)!;
    const c = String.fromCodePoint(code);
    const cell =
      c === '\t' ? ' '.repeat(TAB_WIDTH - (column % TAB_WIDTH)) : isControl(code) ? '?' : c;
    shown += cell;
    column += widthOf(cell);
    i += c.length;
  }
  const caret = stringWidth(shown.slice(0, shownFrom));
  const width = Math.max(1, stringWidth(shown.slice(shownFrom, Math.max(shownFrom, shownTo))));
  if (column <= EXCERPT_WIDTH) return { text: shown, caret, marks: marks(width) };
  const start = boundaryAt(shown, Math.max(0, Math.min(caret - 20, column - EXCERPT_WIDTH)));
  const end = boundaryAt(shown, start.column + EXCERPT_WIDTH, false);
  const head = start.column > 0 ? '…' : '';
  const tail = end.index < shown.length ? '…' : '';
  return {
    text: head + shown.slice(start.index, end.index) + tail,
    caret: caret - start.column + head.length,
    marks: marks(Math.min(width, end.column - caret)),
  };
}

/** A line longer than this is cut around the span before it is measured (a 50 MB line would take seconds). */
const LONG_LINE = 4 * EXCERPT_WIDTH;

/** The excerpt of a window of the line around the span, with `…` where the window cut it. */
function longLineExcerpt(line: string, from: number, to: number) {
  const isLowSurrogate = (i: number) => (line.charCodeAt(i) & 0xfc00) === 0xdc00;
  let a = Math.max(0, from - 2 * EXCERPT_WIDTH);
  if (isLowSurrogate(a)) a++;
  let b = Math.min(line.length, Math.min(Math.max(from, to), from + EXCERPT_WIDTH) + EXCERPT_WIDTH);
  if (isLowSurrogate(b)) b++;
  const inner = excerptOf(line.slice(a, b), from - a, Math.min(Math.max(from, to), b) - a);
  const head = a > 0 && !inner.text.startsWith('…') ? '…' : '';
  const tail = b < line.length && !inner.text.endsWith('…') ? '…' : '';
  return { ...inner, text: head + inner.text + tail, caret: inner.caret + head.length };
}

/** Columns a piece of text takes; printable ASCII, the usual case, without asking string-width. */
const widthOf = (text: string): number =>
  /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);

/**
 * The first character boundary at or after a display column, or (`after` false) the last one at or
 * before it, so a wide character is never cut in half.
 */
function boundaryAt(text: string, column: number, after = true): { index: number; column: number } {
  let at = 0;
  for (let i = 0; i < text.length; ) {
    if (at >= column) return { index: i, column: at };
    const c = String.fromCodePoint(text.codePointAt(i)!);
    const next = at + widthOf(c);
    if (!after && next > column) return { index: i, column: at };
    at = next;
    i += c.length;
  }
  return { index: text.length, column: at };
}

const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const marks = (width: number): string => `^${'~'.repeat(Math.max(0, width - 1))}`;
