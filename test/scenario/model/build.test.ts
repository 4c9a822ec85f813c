import { describe, expect, it } from 'vitest';
import { forward } from '../../../src/engine/index.js';
import { diagnosticToJson, loadScenario, type Scenario } from '../../../src/scenario/index.js';
import { LECTURE, micrograd, scenarioText } from './python-reference.js';

function load(text: string, set?: ReadonlyMap<string, number>): Scenario {
  const result = loadScenario({ name: 't.yaml', text }, { set });
  expect(result.diagnostics.map((d) => d.message)).toEqual([]);
  if (!result.ok) throw new Error('not loaded');
  return result.scenario;
}

function problems(text: string): string[] {
  return loadScenario({ name: 't.yaml', text }).diagnostics.map((d) => {
    const { line, col, hint } = diagnosticToJson(d);
    return `${line}:${col} ${d.message}${hint ? ` | ${hint}` : ''}`;
  });
}

const value = (s: Scenario, name: string) => s.graph.data[s.graph.idOf(name)!];

describe('model: mlp builder', () => {
  it("init: python gives micrograd's weights after random.seed(N), bit for bit (python3)", () => {
    for (const spec of [
      LECTURE,
      { ...LECTURE, mlp: [2, 16, 16, 1], activation: 'relu' as const, x: [[1, 2]], y: [1] },
    ]) {
      const reference = micrograd({ ...spec, steps: 0 });
      const s = load(scenarioText(spec));
      expect(s.training?.params.map((id) => s.graph.data[id])).toEqual(reference.init);
    }
  });

  it('names weights, biases, products, sums, activations and loss terms by one scheme', () => {
    const s = load(scenarioText(LECTURE));
    const g = s.graph;
    // MLP(3, [4, 4, 1]): 41 parameters; micrograd's order is layer, neuron, weights then bias.
    expect(s.training?.params.map((id) => g.nameOf(id)).slice(0, 5)).toEqual([
      'w1_1_1',
      'w1_1_2',
      'w1_1_3',
      'b1_1',
      'w1_2_1',
    ]);
    expect(s.training?.params).toHaveLength(41);
    forward(g);
    // h1_2 on sample 1 by hand: tanh(b + w1·x1 + w2·x2 + w3·x3) with x = (2, 3, -1), b = 0.
    const by = (n: string) => value(s, n);
    const z = 0 + by('w1_2_1') * 2 + by('w1_2_2') * 3 + by('w1_2_3') * -1;
    expect(by('wx1_2_2_s1')).toBe(by('w1_2_2') * 3);
    expect(by('sum1_2_2_s1')).toBe(0 + by('w1_2_1') * 2 + by('w1_2_2') * 3);
    expect(by('z1_2_s1')).toBe(z);
    expect(by('h1_2_s1')).toBe(Math.tanh(z));
    expect(by('err_s3')).toBe(by('h3_1_s3') - -1);
    expect(by('sq_s3')).toBe(by('err_s3') ** 2);
    expect(by('loss')).toBe(by('lsum_3') + by('sq_s4'));
    expect(s.labelOf(s.output)).toBe('loss');
    const role = (n: string) => s.roleOf(g.idOf(n)!);
    expect(role('wx1_2_2_s1')).toBe('h1_2_s1: term 2 of the sum');
    expect(role('sum1_2_1_s1')).toBe('h1_2_s1: b + term 1');
    expect(role('sum1_2_2_s1')).toBe('h1_2_s1: b + terms 1…2');
    expect(role('z1_2_s1')).toBe('h1_2_s1: the whole sum');
    expect(role('h1_2_s1')).toBe('h1_2_s1: tanh of the sum');
    expect(role('w1_2_2')).toBeUndefined();
    expect(s.neurons.map((n) => n.name).slice(0, 5)).toEqual([
      'h1_1_s1',
      'h1_2_s1',
      'h1_3_s1',
      'h1_4_s1',
      'h2_1_s1',
    ]);
  });

  it("relu: hidden relu, linear last layer (micrograd's nn.MLP); hinge is the demo's mean", () => {
    const s = load(scenarioText({ ...LECTURE, activation: 'relu', loss: 'hinge' }));
    forward(s.graph);
    const by = (n: string) => value(s, n);
    expect(s.graph.idOf('z3_1_s1')).toBeUndefined();
    expect(by('h3_1_s1')).toBe(by('sum3_1_3_s1') + by('wx3_1_4_s1'));
    expect(by('h2_1_s1')).toBe(Math.max(0, by('z2_1_s1')));
    expect(by('margin_s2')).toBe(1 - -1 * by('h3_1_s2'));
    expect(by('loss')).toBe(by('total') * (1 / 4));
  });

  it('--set changes a weight or a sample', () => {
    const s = load(
      scenarioText(LECTURE),
      new Map([
        ['w1_1_1', 0.5],
        ['x2_3', 7],
      ]),
    );
    expect(value(s, 'w1_1_1')).toBe(0.5);
    expect(value(s, 'x2_3')).toBe(7);
  });

  it('reports bad builder input where it is written', () => {
    const base = 'title: t\nmodel: { mlp: [3, 2, 1] }\n';
    expect(problems(`${base}data: { x: [[1, 2, 3], [1, 2]], y: [1, 2] }\n`)).toEqual([
      '3:24 Sample 2 has 2 inputs; the model takes 3.',
    ]);
    expect(problems(`${base}data: { x: [[1, 2, 3]], y: [1, 2] }\n`)).toEqual([
      "3:28 'y' has 2 targets; 'x' has 1 sample. | Give one target (or row of targets) per row of x.",
    ]);
    expect(
      problems('title: t\nmodel: { mlp: [3, 2] }\ndata: { x: [[1, 2, 3]], y: [1] }\n'),
    ).toEqual([
      '3:29 Sample 1 has 1 target; the model has 2 outputs. | Give a row of 2 numbers per sample.',
    ]);
    expect(
      problems('title: t\nmodel: { neuron: 2 }\ndata: { x: [[1, 2]], y: [[1, 2]] }\n'),
    ).toEqual([
      '3:26 Sample 1 has 2 targets; the model has 1 output. | Give one number per sample.',
    ]);
    expect(
      problems('title: t\nmodel: { neuron: 2, layer: [2, 3] }\ndata: { x: [[1, 2]], y: [1] }\n'),
    ).toEqual([
      '2:28 A model is one of mlp, layer or neuron; found layer and neuron. | For example: model: {mlp: [3, 4, 4, 1]}, {layer: [3, 2]} or {neuron: 3}.',
    ]);
    expect(problems('title: t\nmodel: { seed: 2 }\ndata: { x: [[1, 2]], y: [1] }\n')).toEqual([
      '2:8 A model is one of mlp, layer or neuron; found none. | For example: model: {mlp: [3, 4, 4, 1]}, {layer: [3, 2]} or {neuron: 3}.',
    ]);
    expect(problems(`${base}`)).toEqual(["2:8 A model needs 'data': {x: [[...], ...], y: [...]}."]);
    expect(problems(`${base}data: { x: [[1, 2, 3]], y: [1] }\ngraph: |\n  a = 1.0\n`)).toEqual([
      '2:8 A scenario has a graph or a model, not both. | Remove the graph: the model builds it.',
    ]);
    expect(
      problems(
        'title: t\nmodel: { mlp: [3, 2, 1], activation: sigmoid }\ndata: { x: [[1, 2, 3]], y: [1] }\n',
      ),
    ).toEqual([
      "2:38 'activation' must be one of tanh, relu, found a string ('sigmoid').".replace(
        'relu',
        'relu, linear',
      ),
    ]);
    expect(
      problems('title: t\nmodel: { mlp: [3, 1], sed: 3 }\ndata: { x: [[1, 2, 3]], y: [1] }\n'),
    ).toEqual(["2:23 Unknown field 'sed'. | Did you mean 'seed'?"]);
    expect(
      problems('title: t\nmodel: { mlp: [3, 5000, 1] }\ndata: { x: [[1]], y: [1] }\n'),
    ).toEqual(["2:19 Item 2 of 'mlp' must be at most 4096, found a number (5000)."]);
    expect(
      problems('title: t\nmodel: { mlp: [4096, 4096, 1] }\ndata: { x: [[1]], y: [1] }\n'),
    ).toContain(
      '2:8 This model would have about 33566725 nodes; the limit is 2000000. | Use fewer or smaller layers, or fewer samples.',
    );
    expect(problems('title: t\ndata: { x: [[1]], y: [1] }\ngraph: |\n  a = 1.0\n')).toEqual([
      "2:1 'data' belongs to a model, and there is none. | For example: model: {mlp: [3, 4, 4, 1], activation: tanh}",
    ]);
  });

  it('train: parameters by name, inputs only', () => {
    const graph = 'title: t\ngraph: |\n  w = 2.0\n  y = w * w\n';
    expect(problems(`${graph}train: { params: [w, y, v], lr: 0.1, steps: 3 }\n`)).toEqual([
      "5:22 'y' cannot be trained: it is computed by the graph, not an input. | Parameters are inputs of the graph (name = number).",
      "5:25 Unknown parameter 'v'. | Parameters are inputs of the graph (name = number).",
    ]);
    const s = load(`${graph}train: { lr: 0.1, steps: 3 }\n`);
    expect(s.training).toEqual({ params: [0], lr: 0.1, steps: 3, expect: undefined });
  });
});
