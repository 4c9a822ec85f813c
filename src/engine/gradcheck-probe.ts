/**
 * One node's grad against central finite differences: the output re-evaluated with the node
 * nudged up and down, at a few step sizes, with the rounding each re-evaluation can add.
 */

import type { Graph } from './graph.js';
import { OpCode } from './ops.js';

export const GRADCHECK_TOLERANCE = 1e-5;

export type GradCheckStatus = 'pass' | 'fail' | 'skipped';

export interface NodeCheck {
  readonly id: number;
  readonly status: GradCheckStatus;
  readonly analytic: number;
  readonly numeric: number;
  readonly relError: number;
  /**
   * Why a node was skipped: its perturbation crossed a kink; a value was not finite; or the
   * disagreement is within the finite difference's own error (rounding noise when the grad is
   * tiny, truncation at a flat point such as x**3 at 0), so it cannot tell right from wrong.
   */
  readonly reason?: 'kink' | 'nonfinite' | 'precision';
}

/** Error of one op's result in units of Number.EPSILON·|result| (Math.tanh, exp are within 1 ulp). */
const ROUNDING_ULPS = 2;

interface Difference {
  readonly slope: number;
  readonly crossed: boolean;
  /** How far rounding (and underflow into the subnormals) alone can move `slope`. */
  readonly noise: number;
}

/** The smallest subnormal: what an op's result can lose when it underflows. */
const UNDERFLOW = 2 ** -1074;

/**
 * Steps to try, in order: 1e-6·max(1, |x|), right for values near 1 and above; then, for a small
 * non-zero x, 1e-6·|x|, for functions that curve on the scale of x itself (log x at 2e-6, where
 * the first step is half of x).
 */
function steps(x: number): number[] {
  const first = 1e-6 * Math.max(1, Math.abs(x));
  const relative = 1e-6 * Math.abs(x);
  return relative < first && x + relative !== x ? [first, relative] : [first];
}

/**
 * Re-evaluates the cone downstream of one perturbed node, and restores it afterwards. It works on
 * its own copies of the values and grads up to the output, taken when it is made: the graph's
 * structure (ops, inputs, params) is read, its arrays never written.
 */
export class Probe {
  private readonly data: Float64Array;
  private readonly grad: Float64Array;
  private readonly base: Float64Array;
  private readonly side: Int8Array;

  constructor(
    private readonly g: Graph,
    private readonly output: number,
    private readonly mask: Uint8Array,
  ) {
    this.data = g.data.slice(0, output + 1);
    this.grad = g.grad.slice(0, output + 1);
    this.base = this.data.slice();
    this.side = new Int8Array(output + 1);
  }

  /** A pass at any step passes; else a step that can tell a wrong grad fails it; else skipped. */
  check(id: number): NodeCheck {
    let verdict: NodeCheck | undefined;
    for (const h of steps(this.base[id])) {
      const result = this.atStep(id, h);
      if (result.status === 'pass') return result;
      if (verdict === undefined || (result.status === 'fail' && verdict.status !== 'fail')) {
        verdict = result;
      }
    }
    return verdict as NodeCheck;
  }

  private atStep(id: number, h: number): NodeCheck {
    const x = this.base[id];
    const { slope: numeric, crossed, noise } = this.difference(id, x, h);
    const analytic = this.grad[id];
    const error = Math.abs(analytic - numeric);
    // Halves first: |analytic| + |numeric| overflows near the largest double.
    const scale = Math.abs(analytic) / 2 + Math.abs(numeric) / 2;
    const relError = scale === 0 ? 0 : error / 2 / scale;
    const result = { id, analytic, numeric, relError };
    if (!Number.isFinite(analytic) || !Number.isFinite(numeric)) {
      return { ...result, status: 'skipped', reason: 'nonfinite' };
    }
    if (crossed) return { ...result, status: 'skipped', reason: 'kink' };
    if (relError < GRADCHECK_TOLERANCE) return { ...result, status: 'pass' };
    // Only for would-be failures: a difference at h/2 estimates the truncation error
    // (Richardson: D(h) - D(h/2) ≈ ¾·c·h²), which dominates at flat points like x**3 at 0. Half
    // the step crosses no kink the whole step did not.
    const half = this.difference(id, x, h / 2);
    const truncation = Number.isFinite(half.slope)
      ? (4 / 3) * Math.abs(half.slope - numeric)
      : Number.POSITIVE_INFINITY;
    if (error <= noise + 2 * truncation)
      return { ...result, status: 'skipped', reason: 'precision' };
    return { ...result, status: 'fail' };
  }

  /** The central difference of the output over node `id` at x ± h; data is restored after. */
  private difference(id: number, x: number, h: number): Difference {
    const xp = x + h;
    const xm = x - h;
    const up = this.evaluate(id, xp, false);
    const down = this.evaluate(id, xm, true);
    this.data.set(this.base.subarray(id), id);
    const rounding = ROUNDING_ULPS * Number.EPSILON * (up.rounding + down.rounding);
    // A step past the largest double is no difference at all (x + h is Infinity).
    const span = Number.isFinite(xp) && Number.isFinite(xm) ? xp - xm : Number.NaN;
    return {
      slope: (up.output - down.output) / span,
      crossed: down.crossed,
      noise: (rounding + UNDERFLOW * (up.underflow + down.underflow)) / span,
    };
  }

  /**
   * Sets node `id` to `value` and recomputes what the output depends on after it. Records (first
   * pass) or compares (second pass) which side of each kink the kinked inputs fall on, and sums
   * |grad·data| and |grad| over the recomputed nodes: how far rounding, and underflow into the
   * subnormals, in this pass can move the output.
   */
  private evaluate(id: number, value: number, compare: boolean) {
    const { g, mask, side, data, grad } = this;
    const { op, in0, in1, param, ops } = g;
    data[id] = value;
    let crossed = false;
    let rounding = 0;
    let underflow = 0;
    for (let n = id + 1; n <= this.output; n++) {
      const code = op[n];
      if (code <= OpCode.constant || mask[n] === 0) continue;
      const b = in1[n];
      const av = data[in0[n]];
      const bv = b < 0 ? 0 : data[b];
      const { kink } = ops[code];
      if (kink !== undefined && (kink.when === undefined || kink.when(param[n]))) {
        const s = Math.sign((kink.input === 0 ? av : bv) - kink.at);
        if (!compare) side[n] = s;
        else if (s !== side[n]) crossed = true;
      }
      data[n] = ops[code].forward(av, bv, param[n]);
      rounding += Math.abs(grad[n] * data[n]);
      underflow += Math.abs(grad[n]);
    }
    return { output: data[this.output], crossed, rounding, underflow };
  }
}
