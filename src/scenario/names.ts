import type { Graph } from '../engine/index.js';

/**
 * The graph's names with their nodes, in id order (the order a scenario defines them; it gives
 * each name once). `graph.idOf` is not asked: it would build the graph's name index.
 */
export function* namedNodes(graph: Graph): Generator<readonly [name: string, id: number]> {
  for (let id = 0; id < graph.size; id++) {
    const name = graph.nameOf(id);
    if (name !== undefined) yield [name, id];
  }
}

/** The names alone, for did-you-mean hints. */
export function* namesOf(graph: Graph): Generator<string> {
  for (const [name] of namedNodes(graph)) yield name;
}
