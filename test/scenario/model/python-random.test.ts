import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../src/scenario/model/python-random.js';

/** What python3's own random module gives, printed with repr (shortest round-trip digits). */
function python(code: string): string[] {
  return execFileSync('python3', ['-c', `import random\n${code}`], { encoding: 'utf8' })
    .trim()
    .split('\n');
}

describe("Python's random, against python3", () => {
  const seeds = [0, 1, 42, 1337, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 7, -5];

  it.each(seeds)('seed(%s): random() and uniform(-1, 1), 700 draws (past one twist)', (seed) => {
    const expected = python(
      `random.seed(${seed})\nfor _ in range(700):\n  print(repr(random.random()))\n  print(repr(random.uniform(-1, 1)))`,
    );
    const r = new PythonRandom(seed);
    const actual: string[] = [];
    for (let i = 0; i < 700; i++) actual.push(String(r.random()), String(r.uniform(-1, 1)));
    expect(actual.map(Number)).toEqual(expected.map(Number));
  });

  it('getrandbits(32) equals the raw 32-bit outputs', () => {
    const expected = python('random.seed(7)\nfor _ in range(5): print(random.getrandbits(32))');
    const r = new PythonRandom(7);
    expect(expected.map(Number)).toEqual([1, 2, 3, 4, 5].map(() => r.next()));
  });

  it('a seed beyond 2**53 given as a bigint', () => {
    const seed = 12345678901234567890n;
    const expected = python(`random.seed(${seed})\nprint(repr(random.random()))`);
    expect(new PythonRandom(seed).random()).toBe(Number(expected[0]));
  });
});
