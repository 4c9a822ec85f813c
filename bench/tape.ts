/**
 * The baseline: the strongest minimal tape we could write, with no debugger features. It is
 * eager (each op computes its value as it is recorded, while its inputs are hot in cache, so
 * there is no separate forward pass), writes only what an op needs (the exponent only for
 * `pow`), and keeps its buffers between runs (`reset` rewinds to empty, nothing is reallocated).
 * Its op codes are its own, so it shares nothing with the engine it is measured against.
 */

export const T = {
  leaf: 0,
  add: 1,
  sub: 2,
  mul: 3,
  tanh: 4,
  relu: 5,
  pow: 6,
} as const;

export class Tape {
  size = 0;
  op: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  k: Float64Array;
  val: Float64Array;
  grad: Float64Array;

  constructor(capacity = 1 << 16) {
    this.op = new Uint8Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.k = new Float64Array(capacity);
    this.val = new Float64Array(capacity);
    this.grad = new Float64Array(capacity);
  }

  /** Empties the tape for the next run; the buffers stay. */
  reset(): void {
    this.size = 0;
  }

  leaf(value: number): number {
    const id = this.slot(T.leaf);
    this.val[id] = value;
    return id;
  }

  add(x: number, y: number): number {
    const id = this.binary(T.add, x, y);
    this.val[id] = this.val[x] + this.val[y];
    return id;
  }

  sub(x: number, y: number): number {
    const id = this.binary(T.sub, x, y);
    this.val[id] = this.val[x] - this.val[y];
    return id;
  }

  mul(x: number, y: number): number {
    const id = this.binary(T.mul, x, y);
    this.val[id] = this.val[x] * this.val[y];
    return id;
  }

  tanh(x: number): number {
    const id = this.unary(T.tanh, x);
    this.val[id] = Math.tanh(this.val[x]);
    return id;
  }

  relu(x: number): number {
    const id = this.unary(T.relu, x);
    this.val[id] = Math.max(this.val[x], 0);
    return id;
  }

  pow(x: number, k: number): number {
    const id = this.unary(T.pow, x);
    this.k[id] = k;
    this.val[id] = this.val[x] ** k;
    return id;
  }

  backward(output: number): void {
    const { op, a, b, k, val, grad } = this;
    grad.fill(0, 0, output + 1);
    grad[output] = 1;
    for (let i = output; i >= 0; i--) {
      const g = grad[i];
      switch (op[i]) {
        case T.add:
          grad[a[i]] += g;
          grad[b[i]] += g;
          break;
        case T.sub:
          grad[a[i]] += g;
          grad[b[i]] -= g;
          break;
        case T.mul:
          grad[a[i]] += val[b[i]] * g;
          grad[b[i]] += val[a[i]] * g;
          break;
        case T.tanh:
          grad[a[i]] += (1 - val[i] * val[i]) * g;
          break;
        case T.relu:
          grad[a[i]] += val[a[i]] > 0 ? g : 0;
          break;
        case T.pow:
          grad[a[i]] += k[i] * val[a[i]] ** (k[i] - 1) * g;
          break;
      }
    }
  }

  private slot(code: number): number {
    if (this.size === this.op.length) this.grow();
    const id = this.size++;
    this.op[id] = code;
    return id;
  }

  private unary(code: number, x: number): number {
    const id = this.slot(code);
    this.a[id] = x;
    return id;
  }

  private binary(code: number, x: number, y: number): number {
    const id = this.slot(code);
    this.a[id] = x;
    this.b[id] = y;
    return id;
  }

  private grow(): void {
    const n = this.op.length * 2;
    const grown = <A extends Uint8Array | Int32Array | Float64Array>(from: A, to: A) => {
      to.set(from);
      return to;
    };
    this.op = grown(this.op, new Uint8Array(n));
    this.a = grown(this.a, new Int32Array(n));
    this.b = grown(this.b, new Int32Array(n));
    this.k = grown(this.k, new Float64Array(n));
    this.val = grown(this.val, new Float64Array(n));
    this.grad = grown(this.grad, new Float64Array(n));
  }
}
