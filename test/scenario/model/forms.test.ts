/**
 * The lone `neuron` and `layer` builders and several outputs, against the small micrograd in
 * python3: the initial weights bit for bit, and each iteration's loss and grads when the graph
 * is trained by an SGD loop written here on the engine alone.
 */
import { describe, expect, it } from 'vitest';
import { backward, forward } from '../../../src/engine/index.js';
import { loadScenario, type Scenario } from '../../../src/scenario/index.js';
import { createSession } from '../../../src/session/index.js';
import { micrograd, type ReferenceSpec, scenarioText } from './python-reference.js';

function load(text: string): Scenario {
  const result = loadScenario({ name: 't.yaml', text });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.scenario;
}

const near = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(expected)));
};

/** Plain gradient descent on the built graph: what each iteration's forward pass gives as loss. */
function sgd(s: Scenario, lr: number, steps: number): { losses: number[]; grads: number[][] } {
  const g = s.graph;
  const params = s.training?.params ?? [];
  const losses: number[] = [];
  const grads: number[][] = [];
  for (let i = 0; i < steps; i++) {
    forward(g);
    losses.push(g.data[s.output]);
    g.grad.fill(0);
    backward(g, s.output);
    grads.push(params.map((id) => g.grad[id]));
    for (const id of params) g.data[id] -= lr * g.grad[id];
  }
  return { losses, grads };
}

const X = [
  [2.0, 3.0, -1.0],
  [3.0, -1.0, 0.5],
  [0.5, 1.0, 1.0],
];

const CASES: readonly (ReferenceSpec & { readonly what: string })[] = [
  {
    what: "neuron: 3 with relu (micrograd's Neuron(3))",
    form: 'neuron',
    mlp: [3, 1],
    activation: 'relu',
    seed: 7,
    x: X,
    y: [1.0, -1.0, 0.5],
    loss: 'sum_squared',
    lr: 0.05,
    steps: 4,
  },
  {
    what: 'layer: [3, 2] with tanh, two outputs per sample',
    form: 'layer',
    mlp: [3, 2],
    activation: 'tanh',
    seed: 42,
    x: X,
    y: [
      [1.0, -1.0],
      [-1.0, 1.0],
      [0.5, 0.5],
    ],
    loss: 'sum_squared',
    lr: 0.1,
    steps: 4,
  },
  {
    what: 'mlp: [3, 4, 3], relu hidden and linear output, three outputs, hinge',
    mlp: [3, 4, 3],
    activation: 'relu',
    seed: 1337,
    x: X,
    y: [
      [1, -1, 1],
      [-1, 1, -1],
      [1, 1, -1],
    ],
    loss: 'hinge',
    lr: 0.05,
    steps: 4,
  },
  {
    what: 'neuron: 3, linear',
    form: 'neuron',
    mlp: [3, 1],
    activation: 'linear',
    seed: 3,
    x: X,
    y: [1.0, -1.0, 0.5],
    loss: 'sum_squared',
    lr: 0.01,
    steps: 3,
  },
];

describe('model: neuron, layer and several outputs', () => {
  for (const spec of CASES) {
    it(`${spec.what}: weights, losses and grads as micrograd's (python3)`, () => {
      const reference = micrograd(spec);
      const s = load(scenarioText(spec));
      const params = s.training?.params ?? [];
      expect(params.map((id) => s.graph.data[id])).toEqual(reference.init);
      const run = sgd(s, spec.lr, spec.steps);
      reference.iterations.forEach((iteration, i) => {
        near(run.losses[i], iteration.loss);
        iteration.grads.forEach((grad, k) => void near(run.grads[i][k], grad));
      });
    });
  }

  it('names the targets and loss terms of each output', () => {
    const s = load(scenarioText(CASES[1]));
    const g = s.graph;
    forward(g);
    const by = (name: string) => g.data[g.idOf(name) ?? -1];
    expect(by('y2_1')).toBe(-1);
    expect(by('y2_2')).toBe(1);
    expect(by('err_s2_2')).toBe(by('h1_2_s2') - 1);
    expect(by('sq_s3_1')).toBe((by('h1_1_s3') - 0.5) ** 2);
    expect(g.idOf('y2')).toBeUndefined();
  });

  it('a session trains a layer with two outputs, and its loss falls', () => {
    const text = scenarioText({ ...CASES[1], steps: 30 });
    const losses = createSession(load(text)).timeline.training?.losses ?? [];
    expect(losses).toHaveLength(30);
    expect(losses[29]).toBeLessThan(losses[0] / 2);
  });
});
