/**
 * What the fast reader asks of a character or a name, answered in place in the file's text:
 * which operator starts here and how tightly it binds, which built-in function a name calls.
 */
import { FUNCTIONS, OpCode } from '../engine/index.js';

/** Python's levels, as operators.ts: `+ -` < `* /` < unary minus < `**`; 0 for no operator. */
export const precedenceOf = (c: number, next: number): number =>
  c === 42 && next === 42 ? 7 : c === 43 || c === 45 ? 4 : c === 42 || c === 47 ? 5 : 0;
export const POW = 7;
export const infixOf = (c: number): OpCode =>
  c === 43 ? OpCode.add : c === 45 ? OpCode.sub : c === 42 ? OpCode.mul : OpCode.div;

const FUNCTION_LIST = [...FUNCTIONS];

/** The built-in function whose name is `text[start, end)`, compared in place. */
export function functionAt(text: string, start: number, end: number) {
  for (const [name, spec] of FUNCTION_LIST)
    if (name.length === end - start && text.startsWith(name, start)) return spec;
  return undefined;
}
