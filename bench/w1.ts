/** W1: build + forward + backward of a chain and of a DAG with fan-out, 1e4 to 1e7 nodes. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BACKENDS, type BackendName } from './backends.js';
import { type GraphKind, runW1 } from './graphs.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { sideBySide } from './harness.js';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

function peakRss(backend: BackendName, kind: GraphKind, n: number): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, backend, kind, String(n)], {
    encoding: 'utf8',
  });
  return Number(out.trim());
}

/**
 * (peak RSS - peak RSS of the same run with N = 0) / N, each peak in its own process, each the
 * lower of two runs (a GC landing at a different moment moves a peak by a few MB).
 */
function bytesPerNode(backend: BackendName, kind: GraphKind, n: number): number {
  const peak = (size: number) =>
    Math.min(peakRss(backend, kind, size), peakRss(backend, kind, size));
  return (peak(n) - peak(0)) / n;
}

function runsFor(n: number): number {
  return n >= 1e7 ? 3 : n >= 1e6 ? 7 : 15;
}

/** The engine and the tape must compute the same thing, or the ratio means nothing. */
function crossCheck(kind: GraphKind): void {
  const engine = BACKENDS.engine();
  const tape = BACKENDS.tape();
  const out = runW1(engine, kind, 10_000);
  runW1(tape, kind, 10_000);
  // The engine's tanh slope comes from e^-|a| (exact where 1 - out² underflows), the tape's from
  // 1 - out²: they agree to rounding, not bit for bit.
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  for (const id of [0, 1, out]) {
    if (!close(engine.value(id), tape.value(id)) || !close(engine.grad(id), tape.grad(id))) {
      throw new Error(`W1 ${kind}: engine and tape disagree at node ${id}`);
    }
  }
}

export const w1: BenchSuite = {
  name: 'W1',
  async run({ quick, log }) {
    const sizes = quick ? [1e4, 1e5, 1e6] : [1e4, 1e5, 1e6, 1e7];
    const results: BenchResult[] = [];
    for (const kind of ['chain', 'dag'] as const) {
      crossCheck(kind);
      for (const n of sizes) {
        log(`W1 ${kind} ${n.toExponential(0)}`);
        // Each side keeps one graph or tape and resets it between runs, as a training loop would.
        const engine = BACKENDS.engine();
        const tape = BACKENDS.tape();
        const m = sideBySide(
          quick ? 3 : runsFor(n),
          () => runW1(engine, kind, n, true),
          () => runW1(tape, kind, n, true),
        );
        const engineBytes = bytesPerNode('engine', kind, n);
        const tapeBytes = bytesPerNode('tape', kind, n);
        results.push({
          name: `W1 ${kind} ${n.toExponential(0).replace('+', '')}`,
          median_ms: m.subject,
          baseline_ms: m.baseline,
          ratio: m.subject / m.baseline,
          bytes_per_node: engineBytes,
          notes:
            `${((m.subject * 1e6) / n).toFixed(1)} ns/node (tape ${((m.baseline * 1e6) / n).toFixed(1)}); ` +
            `tape ${tapeBytes.toFixed(0)} B/node`,
        });
      }
    }
    return results;
  },
};
