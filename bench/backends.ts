/**
 * One small interface over gradstep's engine and the baseline tape, so each workload is written
 * once and drives both the same way (the same call overhead on both sides of the ratio).
 */
import { backward, forward, Graph, OpCode } from '../src/engine/index.js';
import { Tape } from './tape.js';

export interface Backend {
  readonly name: 'engine' | 'tape';
  input(value: number): number;
  add(a: number, b: number): number;
  sub(a: number, b: number): number;
  mul(a: number, b: number): number;
  tanh(a: number): number;
  relu(a: number): number;
  pow(a: number, k: number): number;
  forward(): void;
  backward(output: number): void;
  value(id: number): number;
  grad(id: number): number;
  /** Nodes built so far. */
  size(): number;
  /** Empties it for the next run, keeping its memory (Graph.reset, Tape.reset). */
  reset(): void;
}

/** Builds into `g` (a fresh graph by default), so a workload can hand the graph on to a session. */
export function engineBackend(g = new Graph()): Backend {
  return {
    name: 'engine',
    input: (v) => g.addInput(v),
    add: (a, b) => g.addOp(OpCode.add, a, b),
    sub: (a, b) => g.addOp(OpCode.sub, a, b),
    mul: (a, b) => g.addOp(OpCode.mul, a, b),
    tanh: (a) => g.addOp(OpCode.tanh, a),
    relu: (a) => g.addOp(OpCode.relu, a),
    pow: (a, k) => g.addOp(OpCode.pow, a, -1, k),
    forward: () => forward(g),
    backward: (output) => backward(g, output),
    value: (id) => g.data[id],
    grad: (id) => g.grad[id],
    size: () => g.size,
    reset: () => g.reset(),
  };
}

export function tapeBackend(): Backend {
  const t = new Tape();
  return {
    name: 'tape',
    input: (v) => t.leaf(v),
    add: (a, b) => t.add(a, b),
    sub: (a, b) => t.sub(a, b),
    mul: (a, b) => t.mul(a, b),
    tanh: (a) => t.tanh(a),
    relu: (a) => t.relu(a),
    pow: (a, k) => t.pow(a, k),
    // Eager: every value was computed as its node was recorded.
    forward: () => {},
    backward: (output) => t.backward(output),
    value: (id) => t.val[id],
    grad: (id) => t.grad[id],
    size: () => t.size,
    reset: () => t.reset(),
  };
}

export const BACKENDS = { engine: engineBackend, tape: tapeBackend } as const;
export type BackendName = keyof typeof BACKENDS;
