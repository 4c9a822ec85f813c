/**
 * Python's `random` module, as far as micrograd uses it: the Mersenne Twister MT19937,
 * `random.seed(int)` (init_by_array over the integer's 32-bit words, least significant first),
 * `random.random()` (53 bits from two 32-bit draws) and `random.uniform(a, b)`. With it,
 * `init: python` gives the weights a notebook gets after `random.seed(N)`, bit for bit.
 */

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

export class PythonRandom {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** `random.seed(seed)` for an integer seed (its absolute value, as Python takes it). */
  constructor(seed: number | bigint) {
    this.seedByArray(wordsOf(seed));
  }

  /** `random.random()`: a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.next() >>> 5;
    const b = this.next() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `random.uniform(a, b)`: `a + (b - a) * random()`, in that order of operations. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** One 32-bit output (genrand_uint32). */
  next(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private seedBy(s: number): void {
    const { mt } = this;
    mt[0] = s;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = Math.imul(1812433253, prev) + i;
    }
    this.index = N;
  }

  private seedByArray(key: readonly number[]): void {
    const { mt } = this;
    this.seedBy(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(prev, 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = UPPER;
  }

  private twist(): void {
    const { mt } = this;
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}

/** The 32-bit words of |seed|, least significant first; 0 is one zero word, as in CPython. */
function wordsOf(seed: number | bigint): number[] {
  let n = typeof seed === 'bigint' ? seed : BigInt(Math.trunc(seed));
  if (n < 0n) n = -n;
  const words: number[] = [];
  while (n > 0n) {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return words.length === 0 ? [0] : words;
}
