/**
 * W4: the session's step machine at scale. Every step of a graph forward and backward (`next` to
 * the end), then back through all of them (`prev` to the start), per step at 1e3 and 1e6 nodes;
 * and `goto` to random positions on the 1e6-node graph's timeline (2e6 + 1 steps).
 */
import { Graph } from '../src/engine/index.js';
import { makeScenario } from '../src/scenario/index.js';
import { createSession, reduce, type SessionState } from '../src/session/index.js';
import { engineBackend } from './backends.js';
import { buildW1 } from './graphs.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { median, seeded, time } from './harness.js';

/** A session over a W1 chain of n nodes (tanh, + x, * w in turn), at `start`. */
function chainSession(n: number): SessionState {
  const graph = new Graph(n);
  const output = buildW1(engineBackend(graph), 'chain', n);
  const scenario = makeScenario({
    source: { name: `chain-${n}`, text: '' },
    title: `chain of ${n}`,
    graph,
    output,
  });
  return createSession(scenario, { gradcheck: 'none' });
}

/** Nanoseconds per step of `next` to the end then `prev` to the start, one action per step. */
function walk(state: SessionState): { state: SessionState; nsPerStep: number } {
  const steps = 2 * state.timeline.total;
  let s = state;
  const ms = time(() => {
    while (s.position < s.timeline.total) s = reduce(s, { type: 'next' });
    while (s.position > 0) s = reduce(s, { type: 'prev' });
  });
  return { state: s, nsPerStep: (ms * 1e6) / steps };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const session: BenchSuite = {
  name: 'W4',
  async run({ quick, log }) {
    const big = quick ? 1e5 : 1e6;
    let small = chainSession(1e3);
    let large = chainSession(big);
    const smallRuns: number[] = [];
    const largeRuns: number[] = [];
    // Rounds alternate the sizes so load on the machine falls on both; each round walks the 1e3
    // graph as many steps as the big walk takes.
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      log(`W4 session walk 1e3, round ${round + 1}`);
      for (let i = 0; i < big / 1e3; i++) {
        const w = walk(small);
        small = w.state;
        smallRuns.push(w.nsPerStep);
      }
      log(`W4 session walk ${big.toExponential(0)}, round ${round + 1}`);
      const w = walk(large);
      large = w.state;
      largeRuns.push(w.nsPerStep);
    }
    const smallNs = median(smallRuns);
    const largeNs = median(largeRuns);

    log('W4 goto random steps');
    const random = seeded(11);
    const total = large.timeline.total;
    const gotos: number[] = [];
    for (let i = 0; i < (quick ? 50 : 200); i++) {
      const target = Math.floor(random() * (total + 1));
      gotos.push(
        time(() => {
          large = reduce(large, { type: 'goto', step: target });
        }),
      );
      if (large.position !== target)
        throw new Error(`W4: goto ${target} landed at ${large.position}`);
    }
    const size = big.toExponential(0).replace('+', '');
    const walkRow = (n: string, ns: number, note: string): BenchResult => ({
      name: `W4 step ${n}`,
      median_ms: ns / 1e6,
      baseline_ms: null,
      ratio: null,
      bytes_per_node: null,
      notes: `${ns.toFixed(0)} ns/step (next to end, prev to start)${note}`,
    });
    const ratio = largeNs / smallNs;
    return [
      walkRow('1e3', smallNs, ''),
      walkRow(
        size,
        largeNs,
        `; ${ratio.toFixed(2)}x the 1e3 step, target <= 2x: ${ratio <= 2 ? 'met' : 'missed'}`,
      ),
      {
        name: `W4 goto ${size} nodes`,
        median_ms: median(gotos),
        baseline_ms: null,
        ratio: null,
        bytes_per_node: null,
        notes:
          `${total.toLocaleString('en')} steps, ${gotos.length} random gotos; ` +
          `p95 ${percentile(gotos, 95).toFixed(1)} ms, target <= 100 ms: ` +
          `${percentile(gotos, 95) <= 100 ? 'met' : 'missed'}`,
      },
    ];
  },
};
