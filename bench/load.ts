/** W3: parse + compile (loadScenario from text) of a 100,000-line scenario file. */

import { chainScenarioText } from '../scripts/chain-scenario.js';
import { loadScenario } from '../src/scenario/index.js';
import type { BenchSuite } from './harness.js';
import { median, time } from './harness.js';

const LINES = 100_000;
const TARGET_MS = 1000;

export const load: BenchSuite = {
  name: 'W3',
  async run({ quick, log }) {
    const lines = quick ? LINES / 10 : LINES;
    // The mixed chain has 5 lines around its statements: title, graph, x, w, output.
    const text = chainScenarioText(lines - 5, 'mixed');
    const source = { name: 'chain.yaml', text };
    log(`W3 load ${lines} lines`);
    const loaded = loadScenario(source);
    if (!loaded.ok)
      throw new Error(
        `W3: the generated scenario does not load: ${loaded.diagnostics[0]?.message}`,
      );
    const nodes = loaded.scenario.graph.size;
    const runs = quick ? 3 : 7;
    const times = Array.from({ length: runs }, () => time(() => loadScenario(source)));
    const ms = median(times);
    return [
      {
        name: `W3 load ${lines.toLocaleString('en')} lines`,
        median_ms: ms,
        baseline_ms: null,
        ratio: null,
        bytes_per_node: null,
        notes:
          `${nodes} nodes, ${((ms * 1e6) / lines).toFixed(0)} ns/line; ` +
          `target < ${TARGET_MS} ms: ${ms < TARGET_MS ? 'met' : 'missed'}`,
      },
    ];
  },
};
