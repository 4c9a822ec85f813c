/**
 * Run in a child process per measurement, so peaks do not mix: builds one W1 graph, runs it, and
 * prints the process's peak RSS in bytes. `tsx bench/memory-child.ts engine chain 1000000`
 */
import { readFileSync } from 'node:fs';
import { BACKENDS, type BackendName } from './backends.js';
import { type GraphKind, runW1 } from './graphs.js';

const [backend, kind, size] = process.argv.slice(2);
const be = BACKENDS[backend as BackendName]();
const out = runW1(be, kind as GraphKind, Number(size));
// Touch the result so the work cannot be skipped.
if (out >= 0 && Number.isNaN(be.grad(0))) process.stderr.write('nan grad\n');
process.stdout.write(`${peakRss()}\n`);

/**
 * VmHWM is this address space's own high-water mark. getrusage's maxRSS is not usable here: Linux
 * carries it across exec, so a child would report at least its parent's RSS at spawn time.
 */
function peakRss(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // Not Linux: fall back to getrusage, and spawn children before the parent grows.
  }
  return process.resourceUsage().maxRSS * 1024;
}
