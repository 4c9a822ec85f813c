/**
 * The baseline: a minimal flat typed-array tape with no debugger features. One slot per node in
 * parallel typed arrays that double when full, a forward loop and a reverse loop, each a switch on
 * the op code. Its op codes are its own, so it shares nothing with the engine it is measured against.
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
  op = new Uint8Array(64);
  a = new Int32Array(64);
  b = new Int32Array(64);
  k = new Float64Array(64);
  val = new Float64Array(64);
  grad = new Float64Array(64);

  leaf(value: number): number {
    const id = this.push(T.leaf, -1, -1, 0);
    this.val[id] = value;
    return id;
  }

  push(op: number, a: number, b: number, k: number): number {
    if (this.size === this.op.length) this.grow();
    const id = this.size++;
    this.op[id] = op;
    this.a[id] = a;
    this.b[id] = b;
    this.k[id] = k;
    return id;
  }

  forward(): void {
    const { op, a, b, k, val } = this;
    for (let i = 0; i < this.size; i++) {
      switch (op[i]) {
        case T.add:
          val[i] = val[a[i]] + val[b[i]];
          break;
        case T.sub:
          val[i] = val[a[i]] - val[b[i]];
          break;
        case T.mul:
          val[i] = val[a[i]] * val[b[i]];
          break;
        case T.tanh:
          val[i] = Math.tanh(val[a[i]]);
          break;
        case T.relu:
          val[i] = Math.max(val[a[i]], 0);
          break;
        case T.pow:
          val[i] = val[a[i]] ** k[i];
          break;
      }
    }
  }

  backward(output: number): void {
    const { op, a, b, k, val, grad } = this;
    grad.fill(0, 0, this.size);
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
