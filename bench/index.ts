/**
 * `npm run bench` prints a table; `npm run bench -- --json` one JSON document; `--quick` runs
 * smaller sizes; `--only W2` runs the suites whose name starts with W2. Progress goes to stderr.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchResult } from './harness.js';
import { SUITES } from './suites.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  date: new Date().toISOString(),
  /** 1, 5 and 15 minute load averages when the run started and when it ended: noise to expect. */
  load_start: loadavg().map((l) => Number(l.toFixed(2))),
  load_end: [] as number[],
};

const workloads: BenchResult[] = [];
for (const suite of SUITES) {
  if (only !== undefined && !suite.name.startsWith(only)) continue;
  workloads.push(...(await suite.run({ quick, log: (line) => process.stderr.write(`${line}\n`) })));
}

machine.load_end = loadavg().map((l) => Number(l.toFixed(2)));

if (json) {
  process.stdout.write(`${JSON.stringify({ machine, workloads })}\n`);
} else {
  process.stdout.write(`${table(workloads)}\n`);
  process.stdout.write(
    `\n${machine.nproc} × ${machine.cpu}, Node ${machine.node}, ${machine.date}, load average ` +
      `${machine.load_start.join(' ')} at start, ${machine.load_end.join(' ')} at end\n`,
  );
}

function table(rows: readonly BenchResult[]): string {
  // Sub-millisecond figures (a session step) keep three significant digits.
  const fixed = (v: number | null, digits: number) =>
    v === null ? '-' : v !== 0 && Math.abs(v) < 1 ? v.toPrecision(3) : v.toFixed(digits);
  const head = ['workload', 'median ms', 'tape ms', 'ratio', 'B/node', 'notes'];
  const body = rows.map((r) => [
    r.name,
    fixed(r.median_ms, 2),
    fixed(r.baseline_ms, 2),
    fixed(r.ratio, 2),
    fixed(r.bytes_per_node, 0),
    r.notes ?? '',
  ]);
  const lines = [head, head.map(() => '---'), ...body];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
