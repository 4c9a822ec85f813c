import type { Source } from './types.js';

export interface LineColumn {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly col: number;
}

const lineStartsCache = new WeakMap<Source, Int32Array>();

/** Offsets where each line starts; computed once per source. */
export function lineStarts(source: Source): Int32Array {
  let starts = lineStartsCache.get(source);
  if (starts !== undefined) return starts;
  const found = [0];
  const { text } = source;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
  starts = Int32Array.from(found);
  lineStartsCache.set(source, starts);
  return starts;
}

export function lineColumn(source: Source, offset: number): LineColumn {
  const starts = lineStarts(source);
  const line = lastAtMost(starts, offset);
  return { line: line + 1, col: offset - starts[line] + 1 };
}

/** The index of the last value <= `value` in ascending `sorted` (0 when there is none). */
export function lastAtMost(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of a 1-based line, without its line break. */
export function lineText(source: Source, line: number): string {
  const starts = lineStarts(source);
  const start = starts[line - 1] ?? source.text.length;
  const end = line < starts.length ? starts[line] - 1 : source.text.length;
  return source.text.slice(start, end).replace(/\r$/, '');
}
