/** A number for JSON output: a JSON number, `"NaN"`, `"Infinity"`, `"-Infinity"`, or null when unknown. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity' | null;

export function jsonNumber(value: number | null | undefined): JsonNumber {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return value;
}
