/**
 * Scenario texts of the graph shapes the targets are stated for, besides chains
 * (scripts/chain-scenario.ts) and MLPs (scripts/mlp-scenario.ts): a random DAG and a wide fan-out;
 * and SCALE_SHAPES, all four at a given size.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainScenarioText } from '../scripts/chain-scenario.js';
import { mlpScenarioText } from '../scripts/mlp-scenario.js';
import { seeded } from './harness.js';

const scenario = (title: string, lines: readonly string[], output: string) =>
  `title: ${title}\ngraph: |\n${lines.map((l) => `  ${l}`).join('\n')}\noutput: ${output}\n`;

/**
 * n nodes: 8 inputs, then each op reads one or two earlier nodes, 80% among the last 50 and the
 * rest anywhere (long edges), a tanh every third node to keep values bounded.
 */
export function randomDagScenario(n: number): string {
  const random = seeded(11);
  const lines: string[] = [];
  for (let i = 0; i < 8; i++) lines.push(`w${i} = ${(random() - 0.5).toFixed(3)}`);
  const pick = (k: number) => {
    const back =
      random() < 0.8 ? 1 + Math.floor(random() * Math.min(50, k)) : 1 + Math.floor(random() * k);
    return k - back < 8 ? `w${k - back}` : `v${k - back}`;
  };
  for (let k = 8; k < n; k++) {
    const op =
      k % 3 === 0 ? `tanh(${pick(k)})` : `${pick(k)} ${k % 3 === 1 ? '+' : '*'} ${pick(k)}`;
    lines.push(`v${k} = ${op}`);
  }
  return scenario(`a random DAG of ${n} nodes`, lines, `v${n - 1}`);
}

/** One input read by n/2 nodes in one layer, summed by a chain: the widest layer a graph can have. */
export function fanOutScenario(n: number): string {
  const half = Math.floor((n - 1) / 2);
  const lines = ['x = 0.5'];
  for (let k = 1; k <= half; k++) lines.push(`a${k} = tanh(x)`);
  lines.push('s1 = a1 + a1');
  for (let k = 2; k <= half; k++) lines.push(`s${k} = s${k - 1} + a${k}`);
  return scenario(`a fan-out of ${n} nodes`, lines, `s${half}`);
}

/** A graph shape the scale series runs at 1e3…1e7 nodes. */
export interface ScaleShape {
  readonly name: string;
  /** A scenario of about `n` nodes, and the number of nodes it has (bytes per node divide by it). */
  scenario(n: number): { readonly text: string; readonly nodes: number };
}

/** MLP(2, [16, 16, 1]): 337 parameters and the loss's sum. */
const MLP_BASE_NODES = 338;
/**
 * Per sample: 2 inputs and a target; 16 neurons of 2 products, 2 sums and a tanh; 16 of 16
 * products, 16 sums and a tanh; the output's 16, 16 and tanh; the error, its square, a sum term.
 */
const MLP_SAMPLE_NODES = 2 + 1 + 16 * 5 + 16 * 33 + 33 + 3;

/** Every shape the issue names: a chain, an MLP, a random DAG and a wide fan-out. */
export const SCALE_SHAPES: readonly ScaleShape[] = [
  { name: 'chain', scenario: (n) => ({ text: chainScenarioText(n), nodes: n + 1 }) },
  { name: 'random DAG', scenario: (n) => ({ text: randomDagScenario(n), nodes: n }) },
  {
    name: 'fan-out',
    scenario: (n) => ({ text: fanOutScenario(n), nodes: 2 * Math.floor((n - 1) / 2) + 1 }),
  },
  {
    name: 'MLP',
    scenario(n) {
      const samples = Math.max(1, Math.round((n - MLP_BASE_NODES) / MLP_SAMPLE_NODES));
      const text = mlpScenarioText({ layers: [2, 16, 16, 1], samples, seed: 1 });
      return { text, nodes: MLP_BASE_NODES + samples * MLP_SAMPLE_NODES };
    },
  },
];

/** Writes `shape`'s scenario of about `n` nodes into `folder`: its file and its node count. */
export function writeScaleScenario(shape: ScaleShape, n: number, folder: string) {
  const { text, nodes } = shape.scenario(n);
  const file = join(folder, `${shape.name.replace(/\W+/g, '-')}-${n}.yaml`);
  writeFileSync(file, text);
  return { file, nodes };
}
