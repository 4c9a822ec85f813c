import { styleCode } from '../scenario/index.js';

/** A number for JSON output: a JSON number, `"NaN"`, `"Infinity"`, `"-Infinity"`, or null when unknown. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity' | null;

export function jsonNumber(value: number | null | undefined): JsonNumber {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return value;
}

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39] };
export type Style = keyof typeof STYLES;

/** A painter that wraps text in ANSI styles, or leaves it alone when color is off. */
export function painter(color: boolean): (style: Style, text: string) => string {
  if (!color) return (_style, text) => text;
  return (style, text) =>
    `${styleCode(String(STYLES[style][0]))}${text}${styleCode(String(STYLES[style][1]))}`;
}
