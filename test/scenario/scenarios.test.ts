import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backwardOrder, forward, localDerivative } from '../../src/engine/index.js';
import {
  formatDiagnostics,
  loadScenario,
  type Scenario,
  type StepRef,
} from '../../src/scenario/index.js';

const DIR = join(import.meta.dirname, '../../scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

function load(file: string): Scenario {
  const result = loadScenario({ name: file, text: readFileSync(join(DIR, file), 'utf8') });
  expect(formatDiagnostics(result.diagnostics)).toBe('');
  if (!result.ok) throw new Error('not loaded');
  return result.scenario;
}

/**
 * Runs forward, then the first `steps` backward steps (all of them when undefined) by applying
 * each op node's local derivatives, independently of any stepper in src.
 */
function runTo(s: Scenario, steps?: number): void {
  const g = s.graph;
  forward(g);
  const order = backwardOrder(g, s.output);
  g.grad.fill(0);
  g.grad[s.output] = 1;
  for (const id of order.subarray(0, steps ?? order.length)) {
    g.inputsOf(id).forEach((input, slot) => {
      g.grad[input] += localDerivative(g, id, slot) * g.grad[id];
    });
  }
}

/** How many backward steps have run at a step; data is final once its forward step ran. */
function backwardStepsAt(s: Scenario, at: StepRef): number | undefined {
  const order = Array.from(backwardOrder(s.graph, s.output));
  switch (at.kind) {
    case 'backward':
      return at.index;
    case 'backward-node':
      return order.indexOf(at.node) + 1;
    case 'end':
      return order.length;
    default:
      return 0;
  }
}

const close = (actual: number, expected: number, tol = 1e-9) =>
  Math.abs(actual - expected) <= tol + tol * Math.abs(expected);

describe('every scenario in scenarios/', () => {
  it('has a title and a description', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
    for (const file of FILES) expect(load(file).description, file).toBeTruthy();
  });

  for (const file of FILES) {
    it(`${file} loads and meets its own expects`, () => {
      const s = load(file);
      for (const item of s.walkthrough) {
        if (item.expect === undefined) continue;
        runTo(s, backwardStepsAt(s, item.at));
        const { node, field, value, tol } = item.expect;
        const actual = s.graph[field][node];
        expect(
          close(actual, value, tol),
          `${file} at ${item.atText}: ${s.labelOf(node)}.${field} = ${actual}, expected ${value}`,
        ).toBe(true);
      }
    });
  }
});

/** ../shared/reference-values.md, sections 1 to 4: node, data, grad. */
const REFERENCE: Record<string, [string, number, number][]> = {
  'seed.yaml': [
    ['x', 2.0, 12.000073729642216],
    ['y', 3.0, 4.00004915309481],
    ['x_2', 4.0, 3.0],
    ['x_2_y', 12.0, 1.0],
    ['xy', 6.0, 2.4576547405286142e-5],
    ['tanh_xy', 0.9999877116507956, 1.0],
    ['z', 12.999987711650796, 1.0],
  ],
  'micrograd-sanity.yaml': [
    ['x', -4.0, 46.0],
    ['z', -10.0, -8.0],
    ['q', 40.0, -3.0],
    ['h', 100.0, 1.0],
    ['y', -20.0, 1.0],
  ],
  'micrograd-readme.yaml': [
    ['a', -4.0, 138.83381924198252],
    ['b', 2.0, 645.5772594752186],
    ['c', -2.0, -27.766763848396504],
    ['d', 0.0, 83.30029154518951],
    ['c1', -3.0, -13.883381924198252],
    ['c2', -1.0, -6.941690962099126],
    ['d1', 0.0, 27.766763848396504],
    ['d2', 6.0, 6.941690962099126],
    ['e', -7.0, -6.941690962099126],
    ['f', 49.0, 0.4958350687213661],
    ['g', 24.5, 1.0],
    ['g1', 24.70408163265306, 1.0],
  ],
  'neuron.yaml': [
    ['x1', 2.0, -1.5],
    ['x2', 0.0, 0.5],
    ['w1', -3.0, 1.0],
    ['w2', 1.0, 0.0],
    ['b', 6.881373587019543, 0.5],
    ['n', 0.8813735870195432, 0.5],
    ['o', 0.7071067811865476, 1.0],
  ],
};

describe('reference scenarios match ../shared/reference-values.md', () => {
  for (const [file, rows] of Object.entries(REFERENCE)) {
    it(file, () => {
      const s = load(file);
      runTo(s);
      for (const [name, data, grad] of rows) {
        const id = s.graph.idOf(name);
        expect(id, name).toBeDefined();
        expect(close(s.graph.data[id!], data), `${name}.data = ${s.graph.data[id!]}`).toBe(true);
        expect(close(s.graph.grad[id!], grad), `${name}.grad = ${s.graph.grad[id!]}`).toBe(true);
      }
    });
  }

  it('seed.yaml keeps the graph of issue 2 verbatim, and z comes from its own file line', () => {
    const text = readFileSync(join(DIR, 'seed.yaml'), 'utf8');
    const s = load('seed.yaml');
    const z = s.graph.idOf('z')!;
    const zLine = text.split('\n').findIndex((line) => line.startsWith('  z = ')) + 1;
    expect(zLine).toBe(9);
    expect(s.lineOf(z)).toBe(zLine);
    expect(s.labelOf(z)).toBe('z');
    expect(s.output).toBe(z);
  });
});
