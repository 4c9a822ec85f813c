/**
 * Issue 11 §3: with a built model's neurons collapsed, the graph view draws each neuron as one box
 * titled `h{L}_{j}_s{s} = tanh(Σ w·x + b)` (a linear one `… = Σ w·x + b`) in place of its
 * products, partial sums, pre-activation and activation, with edges from its weights, bias and
 * inputs; no two boxes show the same title, opened or not.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../src/scenario/index.js';
import { layoutGraph, renderGraphViewport } from '../../../src/ui/graph/index.js';
import { itemState } from '../../../src/ui/graph/render.js';

// MLP(2, [2, 1]) under relu: the hidden neurons are relu, the output neuron is linear.
const TEXT = `title: small
model: { mlp: [2, 2, 1], activation: relu, seed: 5 }
data: { x: [[1.0, 2.0], [-1.0, 0.5]], y: [1.0, -1.0] }
loss: sum_squared
`;

function load(text: string): Scenario {
  const loaded = loadScenario({ name: 'small.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.scenario;
}

/** Every box title on the drawn canvas: the text after a top-left corner up to the frame. */
function titles(rows: readonly string[]): string[] {
  return rows.flatMap((row) =>
    [...row.matchAll(/[╭┏╔]([^─━═]+)[─━═]*[╮┓╗]/g)].map((m) => m[1].trim()),
  );
}

describe('neurons drawn as one box each', () => {
  const scenario = load(TEXT);
  const { graph, output } = scenario;
  const labelOf = (id: number) => scenario.labelOf(id);
  const collapsed = layoutGraph(graph, output, labelOf, { neurons: scenario.neurons });
  const whole = { x: 0, y: 0, width: collapsed.width, height: collapsed.height };
  const rows = renderGraphViewport(collapsed, () => ({ data: null, grad: null }), whole, {
    color: false,
  });
  const drawn = titles(rows);

  it('draws one box per neuron and sample, titled by its output and formula', () => {
    // Written out by hand: 2 samples × (2 relu neurons of layer 1, 1 linear neuron of layer 2).
    const expected = [
      'h1_1_s1 = relu(Σ w·x + b)',
      'h1_2_s1 = relu(Σ w·x + b)',
      'h2_1_s1 = Σ w·x + b',
      'h1_1_s2 = relu(Σ w·x + b)',
      'h1_2_s2 = relu(Σ w·x + b)',
      'h2_1_s2 = Σ w·x + b',
    ];
    for (const title of expected)
      expect(
        drawn.filter((t) => t === title),
        title,
      ).toHaveLength(1);
    expect(drawn.filter((t) => t.includes('Σ'))).toHaveLength(6);
    // No product, partial sum or pre-activation has a box of its own.
    expect(drawn.filter((t) => /^(wx|sum|z)\d/.test(t))).toEqual([]);
    // Weights, biases, inputs, targets and the loss's nodes keep theirs.
    for (const name of ['w1_1_1', 'w1_2_2', 'b1_2', 'w2_1_2', 'b2_1', 'x1_1', 'x2_2', 'y2']) {
      expect(
        drawn.some((t) => t.startsWith(`${name} `) || t === name),
        name,
      ).toBe(true);
    }
    for (const name of ['err_s1', 'sq_s2', 'loss']) {
      expect(
        drawn.some((t) => t.startsWith(name)),
        name,
      ).toBe(true);
    }
  });

  it('shows no title twice, collapsed or opened', () => {
    const opened = layoutGraph(graph, output, labelOf);
    const all = { x: 0, y: 0, width: opened.width, height: opened.height };
    const openedTitles = titles(
      renderGraphViewport(opened, () => ({ data: 1, grad: 0 }), all, { color: false }),
    );
    // 4 inputs, 2 targets, 9 weights and biases, 2 × (5 + 5 + 4) neuron nodes (relu: 2 products,
    // 2 sums and the relu; linear: no relu), 2 × 2 + 1 loss nodes.
    expect(openedTitles).toHaveLength(4 + 2 + 9 + 28 + 5);
    for (const list of [drawn, openedTitles]) expect(new Set(list).size).toBe(list.length);
    // 48 nodes; each neuron's 5 (relu) or 4 (linear) nodes are one box: 48 − 2 × (4 + 4 + 3).
    expect(drawn).toHaveLength(26);
    expect(new Set(collapsed.itemLabels).size).toBe(collapsed.itemLabels.length);
  });

  it("shows a neuron's output values, and marks the box when any of its nodes ran", () => {
    const h = graph.idOf('h1_2_s1') ?? -1;
    const product = graph.idOf('wx1_2_2_s1') ?? -1;
    const item = collapsed.itemOf(product);
    expect(collapsed.itemOf(h)).toBe(item);
    expect(collapsed.rectOf(product)).toEqual(collapsed.rectOf(h));
    expect(collapsed.hides(product)).toBe(true);
    expect(collapsed.hides(h)).toBe(false);
    const state = itemState(
      collapsed,
      (id) => ({
        data: id === h ? 0.25 : 7,
        grad: id === h ? -2 : 7,
        current: id === product,
      }),
      item,
    );
    expect(state).toMatchObject({ data: 0.25, grad: -2, current: true });
  });

  it('enters the box from each weight, the bias and each input once', () => {
    const item = collapsed.itemOf(graph.idOf('h2_1_s1') ?? -1);
    const { layering } = collapsed;
    const sources = new Set<string>();
    for (let j = layering.predStart[item]; j < layering.predStart[item + 1]; j++) {
      const e = layering.predEdges[j];
      sources.add(`${layering.edgeFrom[e]}:${layering.edgeSlot[e]}`);
    }
    const stubs = [...layering.stubTo].filter((to) => to === item).length;
    // w2_1_1, w2_1_2 and b2_1 on the d row (slot 0); h1_1_s1 and h1_2_s1 on the g row (slot 1),
    // as lines or through a dummy of a long edge.
    expect(sources.size + stubs).toBe(5);
  });
});
