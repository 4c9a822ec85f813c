/**
 * W5: keypress → frame latency of the real TUI at 120×40 with NODE_ENV=production, on the seed and
 * on chains, MLPs, random DAGs and fan-outs of 1k and 10k nodes and bigger (graphsToRun), for the
 * tsc build and for the esbuild bundle (scripts/bundle.mjs); and the time from spawn to the first
 * frame. Both builds go to .tmp/perf-ui/ (BENCH_UI_OUT: another folder), never to dist/, so the
 * bench does not race a build in progress; package.json and scenarios/ are linked beside them
 * because the CLI finds them two folders above its own file. BENCH_UI_BUILDS,
 * BENCH_UI_FIRST_KEY_MS and BENCH_UI_GRAPHS: see below.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainScenarioText } from '../scripts/chain-scenario.js';
import { mlpScenarioText } from '../scripts/mlp-scenario.js';
import { loadScenario } from '../src/scenario/index.js';
import { createSession, shapeOf } from '../src/session/index.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { median } from './harness.js';
import { growthExponent } from './processes.js';
import { measureLatency } from './pty-latency.js';
import {
  fanOutScenario,
  randomDagScenario,
  SCALE_SHAPES,
  type ScaleShape,
  writeScaleScenario,
} from './shapes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** BENCH_UI_OUT: another folder to build into, so two people measuring do not share one. */
const OUT = join(ROOT, process.env.BENCH_UI_OUT || '.tmp/perf-ui');
const ALL_BUILDS = {
  tsc: join(OUT, 'dist/bin.js'),
  bundle: join(OUT, 'dist/bundle/gradstep.js'),
} as const;
type BuildName = keyof typeof ALL_BUILDS;
/** BENCH_UI_BUILDS=bundle measures the shipped bundle only (each build takes a few minutes). */
const BUILDS = Object.fromEntries(
  Object.entries(ALL_BUILDS).filter(([name]) =>
    (process.env.BENCH_UI_BUILDS || 'tsc,bundle').split(',').includes(name),
  ),
) as Partial<Record<BuildName, string>>;
const TARGETS = { p50: 16, p95: 33 };
/** First frame: 1 s up to 1k nodes, 1.5 s for the 10k-node and 65k-node graphs, 5 s at 1e6. */
const firstFrameTarget = (graph: string) =>
  graph.includes('1e6') ? 5000 : /10k|10043|65k/.test(graph) ? 1500 : 1000;
/**
 * The first key goes this long after the first frame, as a person reads the screen that opened
 * (the TUI checks grads and warms up its render path meanwhile); BENCH_UI_FIRST_KEY_MS=0 presses
 * it at once, the worst case.
 */
const FIRST_KEY_AFTER_MS = Number(process.env.BENCH_UI_FIRST_KEY_MS ?? 1000);

/**
 * Builds the working tree, or with BENCH_UI_REF set (`BENCH_UI_REF=HEAD npm run bench`) that
 * commit's files, exported with `git archive` so a tree with edits in progress can still be
 * measured. Returns the folder the CLI runs from (scenarios/ and package.json in it).
 */
function build(log: (line: string) => void): string {
  const ref = process.env.BENCH_UI_REF;
  let root = ROOT;
  if (ref !== undefined && ref !== '') {
    root = join(OUT, 'ref');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const files = ['src', 'scenarios', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
    const tar = execFileSync('git', ['archive', ref, ...files], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
  }
  mkdirSync(OUT, { recursive: true });
  for (const name of ['package.json', 'scenarios']) {
    rmSync(join(OUT, name), { force: true });
    symlinkSync(join(root, name), join(OUT, name));
  }
  log(`W5 build ${ref ?? 'the working tree'}: ${Object.keys(BUILDS).join(', ')}`);
  if (BUILDS.tsc !== undefined) {
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    // tsc emits JS even with type errors (work in progress elsewhere in the tree): say so, go on.
    const typed = spawnSync(tsc, ['-p', 'tsconfig.build.json', '--outDir', join(OUT, 'dist')], {
      cwd: root,
      encoding: 'utf8',
    });
    if (typed.status !== 0) log(`W5 tsc reported type errors:\n${typed.stdout.trim()}`);
  }
  if (BUILDS.bundle !== undefined) {
    const bundler = join(ROOT, 'scripts/bundle.mjs');
    execFileSync(process.execPath, [bundler, BUILDS.bundle], { cwd: root });
  }
  return root;
}

/** The header's step label at each position (as the TUI's stepLabel). */
function labeller(file: string): { total: number; label: (position: number) => string } {
  const loaded = loadScenario({ name: file, text: readFileSync(file, 'utf8') });
  if (!loaded.ok) throw new Error(`W5: ${file} does not load`);
  const shape = shapeOf(createSession(loaded.scenario, { gradcheck: 'none' }));
  const n = shape.forwardCount;
  const m = shape.backwardSteps;
  return {
    total: shape.total,
    label: (p) => (p === 0 ? 'start' : p <= n ? `F${p}/${n}` : `B${p - n - 1}/${m}`),
  };
}

/** `n` up to `reach` steps, then `N` back to start, `rounds` times. */
function keysFor(file: string, reach: number, rounds: number) {
  const { total, label } = labeller(file);
  const steps = Math.min(reach, total);
  const keys: { key: string; label: string }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let p = 1; p <= steps; p++) keys.push({ key: 'n', label: label(p) });
    for (let p = steps - 1; p >= 0; p--) keys.push({ key: 'N', label: label(p) });
  }
  return keys;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const EMPTY = { baseline_ms: null, ratio: null, bytes_per_node: null } as const;

const verdict = (value: number, target: number) => (value <= target ? 'met' : 'missed');

const ONLY_GRAPHS = process.env.BENCH_UI_GRAPHS
  ? process.env.BENCH_UI_GRAPHS.split(',').map((name) => name.trim())
  : undefined;

/**
 * The graphs W5 measures, each written when it is run: every shape at 1k and 10k nodes, the 65k
 * MLP, and a 1e6-node chain (it must open and step). BENCH_UI_GRAPHS (names, comma-separated, as
 * `chain 1k,random DAG 10k`) runs only those, and skips the first-frame series.
 */
function graphsToRun(root: string, quick: boolean): Record<string, () => string> {
  const write = (name: string, text: () => string) => () => {
    const file = join(OUT, `${name}.yaml`);
    writeFileSync(file, text());
    return file;
  };
  const mlpOf = (samples: number) => () =>
    mlpScenarioText({ layers: [2, 16, 16, 1], samples, seed: 1 });
  const graphs: Record<string, () => string> = {
    seed: () => join(root, 'scenarios/seed.yaml'),
    'mlp 1032 nodes': write('mlp-2-4-4-1-x14', () =>
      mlpScenarioText({ layers: [2, 4, 4, 1], samples: 14, seed: 1 }),
    ),
    'chain 1k': write('chain-1k', () => chainScenarioText(1_000, 'mixed')),
    'random DAG 1k': write('dag-1k', () => randomDagScenario(1_000)),
    'fan-out 1k': write('fan-1k', () => fanOutScenario(1_000)),
  };
  if (!quick || ONLY_GRAPHS !== undefined) {
    graphs['mlp 10043 nodes'] = write('mlp-10k', mlpOf(15));
    graphs['chain 10k'] = write('chain-10k', () => chainScenarioText(10_000, 'mixed'));
    graphs['random DAG 10k'] = write('dag-10k', () => randomDagScenario(10_000));
    graphs['fan-out 10k'] = write('fan-10k', () => fanOutScenario(10_000));
    graphs['mlp 65k'] = write('mlp-65k', mlpOf(100));
    graphs['chain 1e6'] = write('chain-1e6', () => chainScenarioText(1_000_000));
  }
  if (ONLY_GRAPHS === undefined) return graphs;
  const unknown = ONLY_GRAPHS.filter((name) => !(name in graphs));
  if (unknown.length > 0) throw new Error(`W5: no graph ${unknown.join(', ')}`);
  return Object.fromEntries(ONLY_GRAPHS.map((name) => [name, graphs[name]]));
}

interface GraphRun {
  readonly graphName: string;
  readonly file: string;
  readonly buildName: string;
  readonly entry: string;
  readonly root: string;
  readonly spawns: number;
  readonly log: (line: string) => void;
}

/** Key→frame latencies and first frames of one graph on one build, over `spawns` starts. */
async function measureGraph(run: GraphRun): Promise<BenchResult> {
  const { graphName, file, buildName, entry, root, log } = run;
  const name = `W5 key→frame ${graphName} (${buildName})`;
  const keys = keysFor(file, 20, 2);
  const firstFrames: number[] = [];
  const latencies: number[] = [];
  try {
    for (let s = 0; s < run.spawns; s++) {
      log(`W5 ${graphName}, ${buildName}, spawn ${s + 1}`);
      const measured = await measureLatency({
        args: [entry, file],
        cwd: root,
        keys,
        firstKeyAfterMs: FIRST_KEY_AFTER_MS,
        timeoutMs: 120_000,
      });
      firstFrames.push(measured.firstFrameMs);
      latencies.push(...measured.keyMs);
    }
  } catch (error) {
    // A tree with the UI half-edited may not start: say so and keep the other figures.
    const reason = (error as Error).message;
    log(`W5 ${graphName}, ${buildName}: ${reason}`);
    return { ...EMPTY, name, median_ms: Number.NaN, notes: `failed: ${reason}` };
  }
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const first = median(firstFrames);
  // After the first 10 keys of a spawn the JIT has compiled the render path.
  const warm = latencies.filter((_, i) => i % keys.length >= 10);
  return {
    ...EMPTY,
    name,
    median_ms: p50,
    notes:
      `p50 ${p50.toFixed(1)} (${verdict(p50, TARGETS.p50)}), p95 ${p95.toFixed(1)} ` +
      `(${verdict(p95, TARGETS.p95)}) ms over ${latencies.length} keys; warm p50 ` +
      `${percentile(warm, 50).toFixed(1)}, p95 ${percentile(warm, 95).toFixed(1)}; first frame ` +
      `${first.toFixed(0)} ms (${verdict(first, firstFrameTarget(graphName))}); first key ` +
      `${FIRST_KEY_AFTER_MS} ms after it`,
  };
}

export const ui: BenchSuite = {
  name: 'W5',
  async run({ quick, log }) {
    const root = build(log);
    // BENCH_UI_SPAWNS: starts per graph and build (3; 1 with --quick).
    const spawns = Number(process.env.BENCH_UI_SPAWNS ?? (quick ? 1 : 3));
    const results: BenchResult[] = [];
    for (const [graphName, write] of Object.entries(graphsToRun(root, quick))) {
      const file = write();
      for (const [buildName, entry] of Object.entries(BUILDS)) {
        results.push(await measureGraph({ graphName, file, buildName, entry, root, spawns, log }));
      }
    }
    if (!quick && ONLY_GRAPHS === undefined && BUILDS.bundle !== undefined)
      results.push(...(await firstFrameScale(root, BUILDS.bundle, log)));
    return results;
  },
};

/** The TUI at scale: the first frame of every shape of 1e3 to 1e7 nodes, one start each. */
async function firstFrameScale(
  root: string,
  entry: string,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const shape of SCALE_SHAPES) rows.push(...(await shapeFirstFrames(root, entry, shape, log)));
  return rows;
}

async function shapeFirstFrames(
  root: string,
  entry: string,
  shape: ScaleShape,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const sizes = [1e3, 1e4, 1e5, 1e6, 1e7];
  const rows: BenchResult[] = [];
  const ms: number[] = [];
  // Above 20,000 nodes the TUI opens in the list view (src/ui/view-state.ts, LIST_FIRST_NODES).
  for (const n of sizes) {
    const { file, nodes } = writeScaleScenario(shape, n, OUT);
    const size = n.toExponential(0).replace('+', '');
    log(`W5 first frame ${shape.name} ${size}`);
    const run = await measureLatency({
      args: [entry, file],
      cwd: root,
      keys: [],
      firstKeyAfterMs: 0,
      timeoutMs: 900_000,
    });
    ms.push(run.firstFrameMs);
    rows.push({
      ...EMPTY,
      name: `W5 first frame ${shape.name} ${size}`,
      median_ms: run.firstFrameMs,
      notes: `${nodes.toLocaleString('en')} nodes; spawn to the first whole frame, one start (${nodes > 20_000 ? 'list' : 'graph'} view)`,
    });
  }
  const exponent = growthExponent(sizes.slice(1), ms.slice(1));
  rows.push({
    ...EMPTY,
    name: `W5 first frame ${shape.name} growth`,
    median_ms: exponent,
    notes: `first frame ∝ n^${exponent.toFixed(2)}, fitted over 1e4…1e7 (wall time)`,
  });
  return rows;
}
