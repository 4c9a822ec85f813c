#!/usr/bin/env node
// `check` runs its code once and exits: V8 is tuned for that before the CLI's modules load.
// - Interrupt budget ×2: V8 optimizes a function with TurboFan on a background thread once it has
//   spent its budget (about 132 KB of bytecode run); in a process that lives half a second many
//   of those compilations finish too late to pay back, and on busy cores they take CPU time from
//   the main thread. Twice the budget optimizes only what stays hot.
// - A young generation that does not grow: check keeps little of what it allocates on the JS heap
//   (its data is typed arrays), so a bigger nursery only holds more garbage, resident. It grows
//   while the modules load, so this must come first.
// A/B of the bundle, alternating, load 2.4 to 4.9: the 65k-node MLP's check 0.50 -> 0.43 s of CPU
// and a peak of 69 -> 66 MB; a 1e6-node chain's CPU unchanged (1.3 to 1.4 s), its peak -3 MB.
// Flags that fail to apply change nothing but speed.
if (process.argv[2] === 'check') {
  const v8 = await import('node:v8');
  for (const flag of ['--interrupt-budget=262144', '--semi-space-growth-factor=1'])
    v8.setFlagsFromString(flag);
}
const { main } = await import('./cli/index.js');

// React (loaded only by the interactive command) is much faster in production mode. The bundle
// fixes NODE_ENV at build time; this covers the unbundled build (dist/bin.js) and tsx.
const env = process.env;
env.NODE_ENV ??= 'production';
// Writes to a pipe or socket that is full queue in memory: a replay of a million steps into a
// slower reader (`| gzip`, `| less`) held its whole transcript, gigabytes. Blocking writes wait
// for the reader, as writes to a file or a terminal do.
const pipe = (process.stdout as { _handle?: { setBlocking?: (on: boolean) => void } })._handle;
if (!process.stdout.isTTY) pipe?.setBlocking?.(true);
process.exitCode = await main(process.argv.slice(2));
