import {
  formatNumber,
  isDataKnown,
  iterationAt,
  type SessionState,
  scenarioOf,
  shapeOf,
  trainingOf,
} from '../../session/index.js';

const BARS = '▁▂▃▄▅▆▇█';

/** One bar per value, from the lowest (▁) to the highest (█) of them. */
export function sparkline(values: ArrayLike<number>): string {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) line += '!';
    else if (hi === lo) line += BARS[3];
    else line += BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))];
  }
  return line;
}

/**
 * `loss ▇▃▂▁ 0.0351 (I4)`: the loss of every iteration whose forward pass has run, at most `width`
 * bars (the latest), and the latest value; empty without training or before the first loss.
 */
export function lossLine(session: SessionState, width: number): string {
  const losses = lossesSoFar(session);
  if (losses.length === 0 || width < 1) return '';
  const shown = losses.subarray(Math.max(0, losses.length - width));
  const name = scenarioOf(session).labelOf(shapeOf(session).output);
  return `${name} ${sparkline(shown)} ${formatNumber(losses[losses.length - 1], 4)}`;
}

/** Losses of the iterations whose forward pass has computed the output by the cursor. */
export function lossesSoFar(session: SessionState): Float64Array {
  const run = trainingOf(session);
  if (run === undefined) return new Float64Array(0);
  const iteration = iterationAt(session, session.position);
  const done = iteration - 1 + (isDataKnown(session, shapeOf(session).output) ? 1 : 0);
  return run.losses.subarray(0, done);
}
