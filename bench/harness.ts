/** What every benchmark file registers, and the small timing helpers they share. */

export interface BenchResult {
  readonly name: string;
  readonly median_ms: number;
  /** The same job through the baseline tape, in the same invocation; null when there is none. */
  readonly baseline_ms: number | null;
  readonly ratio: number | null;
  readonly bytes_per_node: number | null;
  /** Free-form figures for the table (ns per node, p95, ...). */
  readonly notes?: string;
}

export interface BenchContext {
  /** Smaller sizes and fewer repetitions, for a quick look. */
  readonly quick: boolean;
  /** Progress goes here (stderr), never to stdout, which carries the table or the JSON. */
  readonly log: (line: string) => void;
}

export interface BenchSuite {
  readonly name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds taken by `job`. */
export function time(job: () => void): number {
  const start = performance.now();
  job();
  return performance.now() - start;
}

/**
 * Runs the subject and the baseline alternately `runs` times after one warm-up each, so drift in
 * the machine falls on both, and returns their medians.
 */
export function sideBySide(
  runs: number,
  subject: () => void,
  baseline: () => void,
): { subject: number; baseline: number } {
  subject();
  baseline();
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    s.push(time(subject));
    b.push(time(baseline));
  }
  return { subject: median(s), baseline: median(b) };
}

/** Seeded so every run sees the same graphs and data; one generator for benches and scenarios. */
export { seeded } from '../scripts/mlp-scenario.js';
