/**
 * Every narrated line checks by hand: its shown operands, put through the arithmetic the line
 * writes, round to its shown result. The arithmetic is recomputed here from the text alone, with a
 * translation to JavaScript written for this test, not with the session's own code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph, OPS, OpCode } from '../../src/engine/index.js';
import { makeScenario } from '../../src/scenario/index.js';
import { createSession, narrate, reduce } from '../../src/session/index.js';

const OPCODES = [
  OpCode.add,
  OpCode.sub,
  OpCode.mul,
  OpCode.div,
  OpCode.neg,
  OpCode.tanh,
  OpCode.relu,
  OpCode.exp,
  OpCode.log,
  OpCode.sigmoid,
  OpCode.pow,
];

const program = fc.record({
  inputs: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(
    fc.record({
      op: fc.constantFrom(...OPCODES),
      a: fc.nat(),
      b: fc.nat(),
      k: fc.constantFrom(2, 3, -1, 0.5),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  precision: fc.integer({ min: 2, max: 8 }),
});

/** The shown arithmetic as JavaScript: `×`/`·` multiply, `²` squares, `[v > 0]` is 1 or 0. */
function evaluate(shown: string): number {
  const js = shown
    .replace(/[×·]/g, '*')
    .replace(/²/g, '**2')
    .replace(/\[([^\]]+) > 0\]/g, '(($1) > 0 ? 1 : 0)')
    .replace(/\b(tanh|exp|log)\(/g, 'Math.$1(')
    .replace(/\brelu\(/g, 'relu(')
    .replace(/\bsigmoid\(/g, 'sigmoid(');
  const relu = (x: number) => Math.max(x, 0);
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  return new Function('relu', 'sigmoid', `return (${js});`)(relu, sigmoid) as number;
}

/** Half a unit of the last digit `text` shows: `2.4577e-5` -> 5e-10, `12.000` -> 5e-4, `6` -> 0.5. */
function halfUnit(text: string): number {
  const [mantissa, exponent = '0'] = text.split('e');
  const point = mantissa.indexOf('.');
  const decimals = point < 0 ? 0 : mantissa.length - point - 1;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

function roundsTo(value: number, shown: string): boolean {
  const target = Number(shown);
  if (!Number.isFinite(target)) return Object.is(value, target);
  return Math.abs(value - target) <= halfUnit(shown) * 1.000001;
}

/** The problems of one line: a sum that does not round to its result, or a doubled sign. */
function problems(line: string): string[] {
  const found: string[] = [];
  if (/[-+×·/] -|\*\* ?-|--/.test(line)) {
    found.push(`sign written twice: ${line}`);
  }
  if (line.includes(' other nodes ')) return found;
  const [main, change] = line.split('   (');
  const parts = main.split(/ ([=≈]) /);
  const result = parts[parts.length - 1];
  if (parts[parts.length - 2] === '≈') return found;
  const computed = evaluate(parts[parts.length - 3]);
  if (!roundsTo(computed, result)) found.push(`${computed} does not round to ${result}: ${line}`);
  if (change !== undefined) {
    const [before, after] = change.replace(/\)$/, '').split(' → ');
    const sum = Number(before) + Number(result);
    if (!roundsTo(sum, after)) found.push(`${before} + ${result} = ${sum}, not ${after}: ${line}`);
  }
  return found;
}

function scenarioOf(inputs: number[], steps: { op: number; a: number; b: number; k: number }[]) {
  const g = new Graph();
  for (const [i, v] of inputs.entries()) g.addInput(v, `x${i}`);
  for (const s of steps) {
    const a = s.a % g.size;
    if (OPS[s.op].arity === 2) g.addOp(s.op as OpCode, a, s.b % g.size);
    else g.addOp(s.op as OpCode, a, -1, s.op === OpCode.pow ? s.k : 0);
  }
  const source = { name: 'random', text: '' };
  return makeScenario({ source, title: 'random', graph: g, output: g.size - 1 });
}

describe('narrated arithmetic', () => {
  it('recomputes from the shown numbers to the shown result, with signs written once', () => {
    let approximate = 0;
    fc.assert(
      fc.property(program, ({ inputs, steps, precision }) => {
        let s = createSession(scenarioOf(inputs, steps));
        const found: string[] = [];
        while (s.position < s.timeline.total) {
          s = reduce(s, { type: 'next' });
          for (const line of narrate(s, s.last!.step!, precision)) {
            found.push(...problems(line));
            // Only values near the ends of the double range (e-300, e+200) may need ≈.
            if (line.includes(' ≈ ') && !/e-?\d\d/.test(line)) approximate++;
          }
        }
        expect(found).toEqual([]);
      }),
      { numRuns: 300, seed: 20261204 },
    );
    // ≈ is for the lines no precision can mend (an overflow, a subnormal), never for moderate ones.
    expect(approximate).toBe(0);
  });

  it('catches a line that does not add up (the check can fail)', () => {
    expect(problems('z = a + b = 12 + 0.99999 = 12.5')).not.toEqual([]);
    expect(problems('x.grad += y · z.grad = 3 × 2 = 6   (1 → 8)')).not.toEqual([]);
    expect(problems('z = a - b = 1.5 - -0.5 = 2')).not.toEqual([]);
    expect(problems('x.grad += y · z.grad = 3 × 2 = 6   (1 → 7)')).toEqual([]);
  });
});
