/**
 * Whole processes, timed from spawn to exit with their peak memory: gradstep's shipped bundle and
 * the micrograd-style Python reference (bench/micrograd_ref.py), built and written under
 * .tmp/bench (BENCH_OUT: another folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT = join(ROOT, process.env.BENCH_OUT || '.tmp/bench');
export const PYTHON_REFERENCE = join(ROOT, 'bench/micrograd_ref.py');

/** The CLI bundled from the working tree (it finds scenarios/ two folders above itself). */
export function bundle(): string {
  const file = join(OUT, 'dist/bundle/gradstep.js');
  mkdirSync(OUT, { recursive: true });
  for (const name of ['package.json', 'scenarios']) {
    if (!existsSync(join(OUT, name))) symlinkSync(join(ROOT, name), join(OUT, name));
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), file], { cwd: ROOT });
  return file;
}

export interface ProcessRun {
  readonly ms: number;
  /** User + system CPU time: on a shared machine the wall clock also counts the others' jobs. */
  readonly cpuMs: number;
  /** Peak resident memory, from /usr/bin/time. */
  readonly peakBytes: number;
  readonly status: number | null;
  readonly stdout: string;
}

/**
 * Runs a command under /usr/bin/time, its output read in full from a pipe, or with `discard`
 * sent to /dev/null (a replay of 1e7 nodes prints gigabytes).
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { readonly discard?: boolean; readonly timeoutMs?: number } = {},
): ProcessRun {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', options.discard ? 'ignore' : 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    timeout: options.timeoutMs ?? 900_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const ms = performance.now() - start;
  const lines = (result.stderr ?? '').trim().split('\n');
  const [user, system, peakKb] = lines[lines.length - 1].split(' ').map(Number);
  return {
    ms,
    cpuMs: (user + system) * 1000,
    peakBytes: peakKb * 1024,
    status: result.status,
    stdout: result.stdout ?? '',
  };
}

/** Least-squares slope of log(y) against log(x): y grows as x to this power. */
export function growthExponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}
