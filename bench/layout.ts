/**
 * Layout at scale: layoutGraph (layering, ordering, placement, routing; computed once per
 * scenario) on a 10,043-node MLP scenario (`gen-mlp.ts 2 16 16 1 --samples 15`) and on a
 * 10,000-node random DAG, in the box and compact modes. Target: about 300 ms or less, so a big
 * scenario opens without a visible wait.
 */

import { mlpScenarioText } from '../scripts/mlp-scenario.js';
import { Graph, OpCode } from '../src/engine/index.js';
import { loadScenario } from '../src/scenario/index.js';
import { type LayoutMode, layoutGraph } from '../src/ui/graph/index.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { median, seeded, time } from './harness.js';

const TARGET_MS = 300;

interface Subject {
  readonly name: string;
  readonly graph: Graph;
  readonly output: number;
  readonly labelOf: (id: number) => string;
}

function mlp(): Subject {
  const text = mlpScenarioText({ layers: [2, 16, 16, 1], samples: 15, seed: 1 });
  const loaded = loadScenario({ name: 'mlp.yaml', text });
  if (!loaded.ok) throw new Error('layout bench: the MLP scenario does not load');
  const { graph, output } = loaded.scenario;
  return { name: `mlp ${graph.size}`, graph, output, labelOf: loaded.scenario.labelOf };
}

/**
 * Each op reads one or two nodes among all earlier ones, most of them recent: long edges (many
 * dummies) and wide layers, the hard case for ordering and routing.
 */
function randomDag(size: number): Subject {
  const random = seeded(5);
  const g = new Graph(size);
  for (let i = 0; i < 20; i++) g.addInput(random(), `w${i}`);
  const pick = () => {
    const back = random() < 0.8 ? Math.floor(random() * 50) : Math.floor(random() * g.size);
    return Math.max(0, g.size - 1 - back);
  };
  while (g.size < size) {
    if (random() < 0.3) g.addOp(OpCode.tanh, pick());
    else g.addOp(random() < 0.5 ? OpCode.add : OpCode.mul, pick(), pick());
  }
  return { name: `random DAG ${size}`, graph: g, output: g.size - 1, labelOf: (id) => `#${id}` };
}

export const layout: BenchSuite = {
  name: 'L',
  async run({ quick, log }) {
    const results: BenchResult[] = [];
    for (const subject of [mlp(), randomDag(10_000)]) {
      for (const mode of ['boxes', 'compact'] as LayoutMode[]) {
        log(`L layout ${subject.name} ${mode}`);
        const once = () => layoutGraph(subject.graph, subject.output, subject.labelOf, { mode });
        const shape = once();
        const times = Array.from({ length: quick ? 2 : 5 }, () => time(once));
        const ms = median(times);
        results.push({
          name: `L layout ${subject.name} ${mode}`,
          median_ms: ms,
          baseline_ms: null,
          ratio: null,
          bytes_per_node: null,
          notes:
            `${shape.layering.layers.length} layers, ${shape.layering.itemCount - shape.layering.nodeCount} ` +
            `dummies, canvas ${shape.width}x${shape.height}; target <= ${TARGET_MS} ms: ` +
            `${ms <= TARGET_MS ? 'met' : 'missed'}`,
        });
      }
    }
    return results;
  },
};
