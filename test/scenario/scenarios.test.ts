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
import { closeTo, referenceValues } from './fixtures.js';

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

/** The scenarios that are sections 1 to 4 of ../shared/reference-values.md. */
const REFERENCE: Record<string, string> = {
  'seed.yaml': 'seed notebook',
  'micrograd-sanity.yaml': "micrograd's sanity check",
  'micrograd-readme.yaml': "micrograd's README example",
  'neuron.yaml': "the lecture's neuron",
};

describe('reference scenarios match ../shared/reference-values.md', () => {
  for (const [file, title] of Object.entries(REFERENCE)) {
    it(file, () => {
      const s = load(file);
      runTo(s);
      for (const [name, [data, grad]] of Object.entries(referenceValues(title))) {
        const id = s.graph.idOf(name);
        expect(id, name).toBeDefined();
        expect(closeTo(s.graph.data[id!], data), `${name}.data = ${s.graph.data[id!]}`).toBe(true);
        expect(closeTo(s.graph.grad[id!], grad), `${name}.grad = ${s.graph.grad[id!]}`).toBe(true);
      }
    });
  }

  it('seed.yaml keeps the graph of issue 2 verbatim, and z comes from its own file line', () => {
    const text = readFileSync(join(DIR, 'seed.yaml'), 'utf8');
    const s = load('seed.yaml');
    const z = s.graph.idOf('z')!;
    const zLine = text.split('\n').findIndex((line) => line.startsWith('  z = ')) + 1;
    expect(zLine).toBe(10);
    expect(s.lineOf(z)).toBe(zLine);
    expect(s.labelOf(z)).toBe('z');
    expect(s.output).toBe(z);
  });
});

describe('shipped scenarios in an editor', () => {
  it.each(FILES)(
    '%s starts with the modeline that points yaml-language-server at the schema',
    (file) => {
      const first = readFileSync(join(DIR, file), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=./schema.json');
      // The schema sits beside the scenarios, in a checkout and in an installed package alike.
      expect(readdirSync(DIR)).toContain('schema.json');
    },
  );
});
