/**
 * What the layout draws as one box each: every node, or, with a built model's neurons collapsed,
 * each neuron's products, partial sums, pre-activation and activation as one box
 * (`h1_2_s1 = tanh(Σ w·x + b)`) showing its output's data and grad. The boxes and the edges
 * between them form a DAG of their own (a neuron has as many inputs as weights, inputs and bias),
 * which the layering lays out as it lays out a graph.
 */
import { type Graph, opLabel } from '../../engine/index.js';
import type { NeuronInfo } from '../../scenario/index.js';

/**
 * Items (boxes) and their input edges in CSR form: the inputs of item v are
 * `inputs[inputStart[v] .. inputStart[v + 1])`, each arriving at port `slots[j]` (0: the d row,
 * 1: the g row). Every input has a smaller id than its consumer.
 */
export interface Dag {
  readonly size: number;
  readonly inputStart: Int32Array;
  readonly inputs: Int32Array;
  readonly slots: Uint8Array;
}

/** The boxes of a layout: which nodes each stands for and what its title says. */
export interface Units {
  readonly dag: Dag;
  /** Node → the item that draws it. */
  readonly itemOf: Int32Array;
  /** Item → its nodes, `first[i] .. last[i]`; the last is the one whose values the box shows. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** A neuron's box title: its output's name and `= tanh(Σ w·x + b)`, per item ('' for nodes). */
  readonly names: readonly string[];
  readonly formulas: readonly string[];
}

/** The graph's own edges: one item per node, input 0 on the d row and input 1 on the g row. */
export function graphDag(graph: Graph): Dag {
  const n = graph.size;
  const inputStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    inputStart[v + 1] = inputStart[v] + (graph.in0[v] >= 0 ? 1 : 0) + (graph.in1[v] >= 0 ? 1 : 0);
  }
  const inputs = new Int32Array(inputStart[n]);
  const slots = new Uint8Array(inputStart[n]);
  for (let v = 0; v < n; v++) {
    let j = inputStart[v];
    if (graph.in0[v] >= 0) inputs[j++] = graph.in0[v];
    if (graph.in1[v] >= 0) {
      inputs[j] = graph.in1[v];
      slots[j] = 1;
    }
  }
  return { size: n, inputStart, inputs, slots };
}

/** `tanh(Σ w·x + b)`, or `Σ w·x + b` for a linear neuron. */
export function neuronFormula(graph: Graph, neuron: NeuronInfo): string {
  const sum = 'Σ w·x + b';
  return neuron.linear ? sum : `${opLabel(graph, neuron.nodes[neuron.nodes.length - 1])}(${sum})`;
}

/**
 * The collapsed boxes: a neuron whose nodes are one run of ids (as the builders make them) is one
 * item numbered where its run starts, so inputs keep smaller ids; an edge into any of its nodes
 * from outside enters the box at the edge's own port (weights and bias on the d row, inputs on
 * the g row), once per source and port. Linear in nodes and edges. Undefined without neurons.
 */
export function neuronUnits(
  graph: Graph,
  neurons: readonly NeuronInfo[],
  labelOf: (id: number) => string,
): Units | undefined {
  if (neurons.length === 0) return undefined;
  const n = graph.size;
  const neuronAt = new Int32Array(n).fill(-1);
  neurons.forEach((neuron, k) => {
    const { nodes } = neuron;
    const run = nodes.every((id, i) => id === nodes[0] + i);
    if (run && nodes.length > 1) neuronAt[nodes[0]] = k;
  });
  const itemOf = new Int32Array(n);
  const first: number[] = [];
  const last: number[] = [];
  const names: string[] = [];
  const formulas: string[] = [];
  for (let id = 0; id < n; ) {
    const k = neuronAt[id];
    const end = k < 0 ? id : id + neurons[k].nodes.length - 1;
    for (let m = id; m <= end; m++) itemOf[m] = first.length;
    first.push(id);
    last.push(end);
    names.push(k < 0 ? '' : labelOf(end));
    formulas.push(k < 0 ? '' : neuronFormula(graph, neurons[k]));
    id = end + 1;
  }
  return {
    dag: unitDag(graph, itemOf, first, last),
    itemOf,
    first: Int32Array.from(first),
    last: Int32Array.from(last),
    names,
    formulas,
  };
}

function unitDag(
  graph: Graph,
  itemOf: Int32Array,
  first: readonly number[],
  last: readonly number[],
): Dag {
  const size = first.length;
  const inputStart = new Int32Array(size + 1);
  const inputs: number[] = [];
  const slots: number[] = [];
  for (let item = 0; item < size; item++) {
    // A source feeding two nodes of a box on one port is one edge (`set` of item · 2 + slot).
    const seen = first[item] < last[item] ? new Set<number>() : undefined;
    const add = (u: number, slot: number) => {
      if (u < 0 || itemOf[u] === item || seen?.has(itemOf[u] * 2 + slot)) return;
      seen?.add(itemOf[u] * 2 + slot);
      inputs.push(itemOf[u]);
      slots.push(slot);
    };
    for (let id = first[item]; id <= last[item]; id++) {
      add(graph.in0[id], 0);
      add(graph.in1[id], 1);
    }
    inputStart[item + 1] = inputs.length;
  }
  return { size, inputStart, inputs: Int32Array.from(inputs), slots: Uint8Array.from(slots) };
}
