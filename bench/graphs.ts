/** The W1 graphs, built through a Backend so the engine and the tape build the same nodes. */
import type { Backend } from './backends.js';
import { seeded } from './harness.js';

export type GraphKind = 'chain' | 'dag';

/** N nodes in one line: v <- tanh(v), v + x, v * w in turn, so every node depends on the last. */
function chain(be: Backend, n: number): number {
  const x = be.input(0.5);
  const w = be.input(0.9);
  let v = x;
  for (let i = 2; i < n; i++) {
    const step = i % 3;
    v = step === 0 ? be.tanh(v) : step === 1 ? be.add(v, x) : be.mul(v, w);
  }
  return v;
}

/**
 * N nodes where each op reads the previous node and a random one of the last 64 (fan-out: most
 * nodes are read several times), with a tanh every other node to keep values bounded.
 */
function dag(be: Backend, n: number): number {
  const random = seeded(7);
  let v = be.input(0.5);
  be.input(-0.3);
  for (let i = 2; i < n; i++) {
    const other = i - 1 - Math.floor(random() * Math.min(i - 1, 64));
    if (i % 2 === 0) v = be.tanh(v);
    else v = random() < 0.5 ? be.add(v, other) : be.mul(v, other);
  }
  return v;
}

/** Builds one W1 graph of n >= 2 nodes and returns its output id. */
export function buildW1(be: Backend, kind: GraphKind, n: number): number {
  return kind === 'chain' ? chain(be, n) : dag(be, n);
}

/** Build, forward and backward: the W1 job, after emptying the backend when `reuse`. Returns the output id. */
export function runW1(be: Backend, kind: GraphKind, n: number, reuse = false): number {
  if (reuse) be.reset();
  if (n === 0) return -1;
  const out = buildW1(be, kind, n);
  be.forward();
  be.backward(out);
  return out;
}
