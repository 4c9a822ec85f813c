/**
 * W2: one SGD step of MLP(2, [16, 16, 1]) on 100 half-moon points, the graph rebuilt every step
 * into one engine Graph (reset between steps) and one tape that keeps its buffers.
 */
import { BACKENDS } from './backends.js';
import type { BenchSuite } from './harness.js';
import { sideBySide } from './harness.js';
import { initialParameters, moons, sgdStep } from './mlp.js';

export const w2: BenchSuite = {
  name: 'W2',
  async run({ quick, log }) {
    log('W2 MLP(2,[16,16,1]) SGD step');
    const data = moons(100, 0.1, 42);
    const engineParams = initialParameters(1);
    const tapeParams = initialParameters(1);
    // Both must compute the same step: same loss, same updated parameters.
    const first = BACKENDS.engine();
    const engineLoss = sgdStep(first, engineParams, data, 0.1);
    const tapeLoss = sgdStep(BACKENDS.tape(), tapeParams, data, 0.1);
    const drift = engineParams.reduce((m, p, i) => Math.max(m, Math.abs(p - tapeParams[i])), 0);
    if (Math.abs(engineLoss - tapeLoss) > 1e-12 || drift > 1e-12) {
      throw new Error(
        `engine and tape disagree: loss ${engineLoss} vs ${tapeLoss}, drift ${drift}`,
      );
    }
    const engine = BACKENDS.engine();
    const tape = BACKENDS.tape();
    const m = sideBySide(
      quick ? 20 : 200,
      () => sgdStep(engine, engineParams, data, 0.1),
      () => sgdStep(tape, tapeParams, data, 0.1),
    );
    return [
      {
        name: 'W2 MLP step',
        median_ms: m.subject,
        baseline_ms: m.baseline,
        ratio: m.subject / m.baseline,
        bytes_per_node: null,
        notes: `${first.size()} nodes; first-step loss ${engineLoss.toFixed(6)}`,
      },
    ];
  },
};
