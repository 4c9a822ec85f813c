/**
 * Writes an MLP scenario as a `graph:` program (see mlp-scenario.ts) to stdout: big graphs of
 * many lines for benchmarks and scale tests. The shipped MLPs (scenarios/mlp-*.yaml) use the
 * `model:` builder instead, which names every node and knows its neurons.
 *
 *   tsx scripts/gen-mlp.ts 4 16 16 1 --samples 14 > mlp-10k.yaml
 *   tsx scripts/gen-mlp.ts 2 16 16 1 --samples 8 --seed 3
 */

import { type MlpOptions, mlpScenarioText } from './mlp-scenario.js';

function parseArgs(argv: readonly string[]): MlpOptions {
  const layers: number[] = [];
  let samples = 4;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--samples') samples = positiveInt(argv[++i], '--samples');
    else if (arg === '--seed') seed = positiveInt(argv[++i], '--seed');
    else layers.push(positiveInt(arg, 'a layer size'));
  }
  if (layers.length < 2) {
    throw new Error('usage: gen-mlp.ts INPUTS HIDDEN... OUTPUTS [--samples N] [--seed S]');
  }
  return { layers, samples, seed };
}

function positiveInt(text: string | undefined, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${what} must be a positive integer, got '${text}'`);
  return n;
}

try {
  process.stdout.write(mlpScenarioText(parseArgs(process.argv.slice(2))));
} catch (error) {
  process.stderr.write(`gen-mlp: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
