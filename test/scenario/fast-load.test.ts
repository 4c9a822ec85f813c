/**
 * The load fast path (src/scenario/fast-graph.ts) against the full parser and compiler: for every
 * file it accepts, the scenario must be the same in every part a command reads; every file it does
 * not accept goes to the full path, so diagnostics are the full path's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainScenarioText } from '../../scripts/chain-scenario.js';
import { mlpScenarioText } from '../../scripts/mlp-scenario.js';
import { fastCompiledGraph, findGraphBlock } from '../../src/scenario/fast-load.js';
import { lineColumn, loadScenario, type Scenario } from '../../src/scenario/index.js';

/** A description long enough to put a small file over the fast path's threshold. */
const PADDING = `description: |\n${'  filler text for the fast path threshold.\n'.repeat(600)}`;

const HAND_WRITTEN = `title: every form the fast path reads
graph: |
  # inputs and constants
  x = 2.0
  y = -3
  k = (.5)

  a = x * y + 2 * (x - y) / k
  b = -x ** 2 + -(y) * -2.5e-1
  c = tanh(a) + relu(b - 1) + exp(-k) * log(x)
  d = (c) ** -2 - x ** 0.5
  e = ((d) * (x))
  z = e * (a + (b * c)) - - x
output: z
walkthrough:
  - at: F3
    say: a step
  - at: end
    expect: { node: x, grad: 1 }
${PADDING}`;

const cases: Record<string, string> = {
  'add chain': chainScenarioText(3_000),
  'mixed chain': chainScenarioText(3_000, 'mixed'),
  'MLP 2-4-4-1 on 14 samples': mlpScenarioText({ layers: [2, 4, 4, 1], samples: 14, seed: 1 }),
  'hand-written forms': HAND_WRITTEN,
};

/** Everything of a scenario that commands read, as plain data. */
function parts(s: Scenario) {
  const { graph } = s;
  const ids = Array.from({ length: graph.size }, (_, id) => id);
  return {
    title: s.title,
    description: s.description,
    output: s.output,
    walkthrough: s.walkthrough,
    op: Array.from(graph.op.subarray(0, graph.size)),
    in0: Array.from(graph.in0.subarray(0, graph.size)),
    in1: Array.from(graph.in1.subarray(0, graph.size)),
    param: Array.from(graph.param.subarray(0, graph.size)),
    data: Array.from(graph.data.subarray(0, graph.size)),
    names: ids.map((id) => graph.nameOf(id)),
    spans: ids.map((id) => s.spanOf(id)),
    labels: ids.map((id) => s.labelOf(id)),
    lines: ids.map((id) => s.lineOf(id)),
    idOfOutput: graph.idOf(graph.nameOf(s.output) ?? ''),
  };
}

describe('the load fast path', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`reads ${name} exactly as the full path does`, () => {
      const block = findGraphBlock(text);
      expect(block).toBeDefined();
      // The fast path takes this file (else the comparison below would compare the full path twice).
      expect(fastCompiledGraph(text, block!, undefined)).toBeDefined();
      const source = { name: 'file.yaml', text };
      const fast = loadScenario(source);
      const full = loadScenario(source, { fastPath: false });
      expect(fast.ok && full.ok).toBe(true);
      if (!fast.ok || !full.ok) return;
      expect(fast.diagnostics).toEqual([]);
      expect(parts(fast.scenario)).toEqual(parts(full.scenario));
    });
  }

  it('applies --set to inputs as the full path does', () => {
    const text = chainScenarioText(2_000);
    const set = new Map([['x', 0.25]]);
    const fast = loadScenario({ name: 'c.yaml', text }, { set });
    const full = loadScenario({ name: 'c.yaml', text }, { set, fastPath: false });
    if (!fast.ok || !full.ok) throw new Error('does not load');
    expect(fast.scenario.graph.data[0]).toBe(0.25);
    expect(parts(fast.scenario)).toEqual(parts(full.scenario));
  });

  it('leaves every other file to the full path, whose diagnostics are unchanged', () => {
    const text = chainScenarioText(2_000);
    const broken = {
      'an unknown name': text.replace('  v1500 = v1499 + x', '  v1500 = v1499 + xx'),
      'a trailing comment': text.replace('  v10 = v9 + x', '  v10 = v9 + x  # a comment'),
      'a redefined name': text.replace('  v10 = v9 + x', '  v9 = v9 + x'),
      'an override of a name that is no input': undefined,
    };
    for (const [what, variant] of Object.entries(broken)) {
      const t = variant ?? text;
      const block = findGraphBlock(t);
      const set = variant === undefined ? new Map([['v3', 1]]) : undefined;
      expect(fastCompiledGraph(t, block!, set), what).toBeUndefined();
      const source = { name: 'c.yaml', text: t };
      const fast = loadScenario(source, { set });
      const full = loadScenario(source, { set, fastPath: false });
      expect(fast.ok, what).toBe(full.ok);
      if (fast.ok && full.ok) expect(parts(fast.scenario), what).toEqual(parts(full.scenario));
      else expect(fast.diagnostics, what).toEqual(full.diagnostics);
    }
    const unknown = loadScenario({ name: 'c.yaml', text: broken['an unknown name'] });
    expect(unknown.ok).toBe(false);
    expect(unknown.diagnostics[0].message).toBe("Undefined name 'xx'.");
    // Lines 1-3 are the title, `graph: |` and x: v1500 is on line 1503, 'xx' at column 19.
    expect(lineColumn(unknown.diagnostics[0].source, unknown.diagnostics[0].start)).toEqual({
      line: 1503,
      col: 19,
    });
  });

  it('gives every scenario in scenarios/ the same result either way', () => {
    for (const file of ['seed', 'mlp-2-4-4-1', 'neuron', 'reuse', 'division']) {
      const text =
        readFileSync(`scenarios/${file}.yaml`, 'utf8') +
        PADDING.replace('description', 'x-padding');
      const source = { name: `${file}.yaml`, text };
      const a = loadScenario(source);
      const b = loadScenario(source, { fastPath: false });
      expect(a.ok, file).toBe(b.ok);
      if (a.ok && b.ok) expect(parts(a.scenario), file).toEqual(parts(b.scenario));
      else expect(a, file).toEqual(b);
    }
  });
});
