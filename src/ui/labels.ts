import type { Scenario } from '../scenario/index.js';

const made = new WeakMap<Scenario, readonly string[]>();

/**
 * Every node's label, made once per scenario: search and the layouts (graph, compact, list) all
 * read them, and a 1e6-node graph has a million to make from its source before the first frame.
 */
export function nodeLabels(scenario: Scenario): readonly string[] {
  let labels = made.get(scenario);
  if (labels === undefined) {
    labels = Array.from({ length: scenario.graph.size }, (_, id) => scenario.labelOf(id));
    made.set(scenario, labels);
  }
  return labels;
}
