/**
 * W4: the session's step machine at scale. Every step of a graph forward and backward (`next` to
 * the end), then back through all of them (`prev` to the start), per step at 1e3 and 1e6 nodes;
 * and `goto` to random positions on a 1e6-step timeline (the figure: a 5e5-node chain)
 * and on the 1e6-node graph's 2e6-step one.
 */
import { Graph } from '../src/engine/index.js';
import { makeScenario } from '../src/scenario/index.js';
import {
  createSession,
  reduce,
  type SessionState,
  sessionBytes,
  shapeOf,
} from '../src/session/index.js';
import { engineBackend } from './backends.js';
import { buildW1 } from './graphs.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { median, seeded, time } from './harness.js';

/** A W1 chain of n nodes (tanh, + x, * w in turn) as a scenario. */
function chainScenario(n: number) {
  const graph = new Graph(n);
  const output = buildW1(engineBackend(graph), 'chain', n);
  return makeScenario({
    source: { name: `chain-${n}`, text: '' },
    title: `chain of ${n}`,
    graph,
    output,
  });
}

const open = (n: number) => createSession(chainScenario(n), { gradcheck: 'none' });

/** Nanoseconds per step of `next` to the end then `prev` to the start, one action per step. */
function walk(state: SessionState): { state: SessionState; nsPerStep: number } {
  const steps = 2 * shapeOf(state).total;
  let s = state;
  const ms = time(() => {
    while (s.position < shapeOf(s).total) s = reduce(s, { type: 'next' });
    while (s.position > 0) s = reduce(s, { type: 'prev' });
  });
  return { state: s, nsPerStep: (ms * 1e6) / steps };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `count` gotos to seeded random positions; the milliseconds of each, and the state after. */
function randomGotos(state: SessionState, count: number): { state: SessionState; ms: number[] } {
  const random = seeded(11);
  const total = shapeOf(state).total;
  let s = state;
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const target = Math.floor(random() * (total + 1));
    ms.push(
      time(() => {
        s = reduce(s, { type: 'goto', step: target });
      }),
    );
    if (s.position !== target) throw new Error(`W4: goto ${target} landed at ${s.position}`);
  }
  return { state: s, ms };
}

const label = (n: number) => n.toExponential(0).replace('+', '');

export const session: BenchSuite = {
  name: 'W4',
  async run({ quick, log }) {
    const big = quick ? 1e5 : 1e6;
    const gotoCount = quick ? 50 : 200;
    let small = open(1e3);
    // The goto figure is for a 1e6-step timeline: a chain of half the nodes.
    let half = open(big / 2);
    let large = open(big);
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
      log(`W4 session walk ${label(big)}, round ${round + 1}`);
      const w = walk(large);
      large = w.state;
      largeRuns.push(w.nsPerStep);
    }
    const smallNs = median(smallRuns);
    const largeNs = median(largeRuns);

    log('W4 goto random steps');
    const onLarge = randomGotos(large, gotoCount);
    large = onLarge.state;
    // What the session adds to the graph's arrays, after the gotos have saved their checkpoints.
    large = reduce(large, { type: 'last' });
    const bytesPerNode = sessionBytes(large) / big;
    const onHalf = randomGotos(half, gotoCount);
    half = onHalf.state;

    const walkRow = (n: string, ns: number, note: string): BenchResult => ({
      name: `W4 step ${n}`,
      median_ms: ns / 1e6,
      baseline_ms: null,
      ratio: null,
      bytes_per_node: null,
      notes: `${ns.toFixed(0)} ns/step (next to end, prev to start)${note}`,
    });
    const gotoRow = (s: SessionState, ms: number[], note: string): BenchResult => {
      const p95 = percentile(ms, 95);
      const { total: steps, nodes } = shapeOf(s);
      return {
        name: `W4 goto ${label(steps)} steps`,
        median_ms: median(ms),
        baseline_ms: null,
        ratio: null,
        bytes_per_node: null,
        notes:
          `${steps.toLocaleString('en')} steps (${nodes.toLocaleString('en')} ` +
          `nodes), ${ms.length} random gotos; p95 ${p95.toFixed(1)} ms, max ` +
          `${Math.max(...ms).toFixed(1)} ms, target <= 100 ms: ${p95 <= 100 ? 'met' : 'missed'}${note}`,
      };
    };
    const ratio = largeNs / smallNs;
    return [
      walkRow('1e3', smallNs, ''),
      walkRow(
        label(big),
        largeNs,
        `; ${ratio.toFixed(2)}x the 1e3 step, target <= 2x: ${ratio <= 2 ? 'met' : 'missed'}`,
      ),
      gotoRow(half, onHalf.ms, ''),
      gotoRow(large, onLarge.ms, `; session arrays ${bytesPerNode.toFixed(0)} B/node`),
    ];
  },
};
