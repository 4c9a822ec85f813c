/**
 * S: whole processes at scale. `check` and `replay --format json` on every shape (chain, random
 * DAG, fan-out, MLP) of 1e3 to 1e7 nodes (time, peak bytes per node, fitted growth exponent),
 * and gradstep against the micrograd-style Python reference (bench/micrograd_ref.py): `check` on
 * the 65k-node MLP scenario, whole process each, alternating; W2's SGD step in-process on both
 * sides.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mlpScenarioText } from '../scripts/mlp-scenario.js';
import { engineBackend } from './backends.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { median, time } from './harness.js';
import { initialParameters, LAYERS, moons, sgdStep } from './mlp.js';
import {
  bundle,
  growthExponent,
  OUT,
  type ProcessRun,
  PYTHON_REFERENCE,
  runProcess,
} from './processes.js';
import { SCALE_SHAPES, type ScaleShape, writeScaleScenario } from './shapes.js';

const NONE = { baseline_ms: null, ratio: null } as const;
const TARGETS = { checkMs1e6: 3000, checkBytes1e6: 150, replayBytes1e7: 500, vsPython: 3 };

const COMMANDS = ['check', 'replay'] as const;
type Command = (typeof COMMANDS)[number];

function scaleRows(cli: string, sizes: readonly number[], log: (line: string) => void) {
  // What a process holds before it reads anything: the marginal bytes per node are over this.
  const start = runProcess(process.execPath, [cli, '--version']);
  const rows: BenchResult[] = [
    {
      name: 'S start-up (--version)',
      median_ms: start.ms,
      ...NONE,
      bytes_per_node: null,
      notes: `CPU ${start.cpuMs.toFixed(0)} ms; peak ${(start.peakBytes / 2 ** 20).toFixed(0)} MB`,
    },
  ];
  // BENCH_S_SHAPES=MLP,chain: only these shapes.
  const only = process.env.BENCH_S_SHAPES?.split(',');
  for (const shape of SCALE_SHAPES.filter((s) => only === undefined || only.includes(s.name)))
    rows.push(...shapeRows({ cli, shape, sizes, startPeak: start.peakBytes, log }));
  return rows;
}

interface ShapeRun {
  readonly cli: string;
  readonly shape: ScaleShape;
  readonly sizes: readonly number[];
  /** `--version`'s peak RSS. */
  readonly startPeak: number;
  readonly log: (line: string) => void;
}

/** `check` and `replay` on one shape at every size, and each command's growth exponent. */
function shapeRows({ cli, shape, sizes, startPeak, log }: ShapeRun): BenchResult[] {
  const rows: BenchResult[] = [];
  const cpu: Record<Command, number[]> = { check: [], replay: [] };
  for (const n of sizes) {
    const { file, nodes } = writeScaleScenario(shape, n, OUT);
    const size = n.toExponential(0).replace('+', '');
    for (const command of COMMANDS) {
      log(`S ${command} ${shape.name} ${size}`);
      const args =
        command === 'check'
          ? [cli, 'check', file, '--gradcheck', 'none']
          : [cli, 'replay', file, '--format', 'json'];
      // A 1e7 replay writes gigabytes of JSON: on a loaded machine it needs more than the default.
      const run = runProcess(process.execPath, args, { discard: true, timeoutMs: 3_600_000 });
      cpu[command].push(run.cpuMs);
      const perNode = run.peakBytes / nodes;
      const marginal = (run.peakBytes - startPeak) / nodes;
      const target = shape.name === 'chain' ? chainTarget(command, n, run, perNode) : '';
      rows.push({
        name: `S ${command} ${shape.name} ${size}`,
        median_ms: run.ms,
        ...NONE,
        bytes_per_node: perNode,
        notes: `${nodes.toLocaleString('en')} nodes; exit ${run.status}; CPU ${run.cpuMs.toFixed(0)} ms; peak ${(run.peakBytes / 2 ** 20).toFixed(0)} MB (whole process; ${marginal.toFixed(0)} B/node over the start's)${target}`,
      });
    }
  }
  // The fit skips the smallest size, where start-up is nearly all of the time.
  if (sizes.length >= 3) {
    for (const command of COMMANDS) {
      const exponent = growthExponent(sizes.slice(1), cpu[command].slice(1));
      rows.push({
        name: `S ${command} ${shape.name} growth`,
        median_ms: exponent,
        ...NONE,
        bytes_per_node: null,
        notes: `CPU time ∝ n^${exponent.toFixed(2)}, fitted over ${sizes
          .slice(1)
          .map((n) => n.toExponential(0))
          .join(', ')}`,
      });
    }
  }
  return rows;
}

/** The targets, stated for chains: check at 1e6, replay at 1e7. */
function chainTarget(command: Command, n: number, run: ProcessRun, perNode: number): string {
  if (command === 'check' && n === 1e6) {
    const time = run.cpuMs <= TARGETS.checkMs1e6 ? 'met' : 'missed';
    const memory = perNode <= TARGETS.checkBytes1e6 ? 'met' : 'missed';
    return `; target <= ${TARGETS.checkMs1e6} ms (CPU) and <= ${TARGETS.checkBytes1e6} B/node: time ${time}, memory ${memory}`;
  }
  if (command === 'replay' && n === 1e7) {
    const met = perNode <= TARGETS.replayBytes1e7 && run.status === 0;
    return `; target <= ${TARGETS.replayBytes1e7} B/node: ${met ? 'met' : 'missed'}`;
  }
  return '';
}

function checkVsPython(cli: string, runs: number, log: (line: string) => void): BenchResult {
  const file = join(OUT, 'mlp-65k.yaml');
  writeFileSync(file, mlpScenarioText({ layers: [2, 16, 16, 1], samples: 100, seed: 1 }));
  log('S check 65k MLP vs Python');
  const ours: number[] = [];
  const theirs: number[] = [];
  const cpu = { ours: [] as number[], theirs: [] as number[] };
  let outputs = '';
  for (let i = 0; i < runs; i++) {
    const a = runProcess(process.execPath, [cli, 'check', file, '--gradcheck', 'none']);
    const b = runProcess('python3', [PYTHON_REFERENCE, 'check', file]);
    if (a.status !== 0 || b.status !== 0)
      throw new Error('S: check or the Python reference failed');
    ours.push(a.ms);
    theirs.push(b.ms);
    cpu.ours.push(a.cpuMs);
    cpu.theirs.push(b.cpuMs);
    outputs = b.stdout.split('\n')[0];
  }
  const a = median(ours);
  const b = median(theirs);
  return {
    name: 'S check 65k MLP vs Python',
    median_ms: a,
    baseline_ms: b,
    ratio: a / b,
    bytes_per_node: null,
    notes:
      `whole processes, ${runs} each alternating; Python ${(b / a).toFixed(2)}x slower ` +
      `(CPU ${median(cpu.ours).toFixed(0)} vs ${median(cpu.theirs).toFixed(0)} ms: ` +
      `${(median(cpu.theirs) / median(cpu.ours)).toFixed(2)}x) ` +
      `(target >= ${TARGETS.vsPython}x: ${b / a >= TARGETS.vsPython ? 'met' : 'missed'}); reference says ${outputs}`,
  };
}

function w2VsPython(quick: boolean, log: (line: string) => void): BenchResult {
  log('S W2 step vs Python');
  const data = moons(100, 0.1, 42);
  const params = initialParameters(1);
  const spec = join(OUT, 'w2.json');
  const steps = quick ? 3 : 7;
  writeFileSync(
    spec,
    JSON.stringify({
      x: [...data.x],
      label: [...data.label],
      params: [...params],
      layers: LAYERS,
      steps,
    }),
  );
  const py = JSON.parse(runProcess('python3', [PYTHON_REFERENCE, 'w2', spec]).stdout);
  const engine = engineBackend();
  const ours = Float64Array.from(params);
  const firstLoss = sgdStep(engine, ours, data, 0.1);
  if (Math.abs(firstLoss - py.first_loss) > 1e-9)
    throw new Error(`S: W2 losses differ: ${firstLoss} vs Python ${py.first_loss}`);
  const ms = median(
    Array.from({ length: quick ? 20 : 100 }, () => time(() => sgdStep(engine, ours, data, 0.1))),
  );
  return {
    name: 'S W2 step vs Python',
    median_ms: ms,
    baseline_ms: py.median_ms,
    ratio: ms / py.median_ms,
    bytes_per_node: null,
    notes: `micrograd-style Python ${(py.median_ms / ms).toFixed(0)}x slower; same first loss ${firstLoss.toFixed(6)}`,
  };
}

export const scale: BenchSuite = {
  name: 'S',
  async run({ quick, log }) {
    log('S bundle the CLI');
    const cli = bundle();
    // BENCH_S_SIZES=1e5,1e6: only these sizes (a rerun of some rows without the 1e7 replays' minutes).
    const only = process.env.BENCH_S_SIZES?.split(',').map(Number);
    const sizes = only ?? (quick ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6, 1e7]);
    return [
      w2VsPython(quick, log),
      checkVsPython(cli, quick ? 2 : 5, log),
      ...scaleRows(cli, sizes, log),
    ];
  },
};
