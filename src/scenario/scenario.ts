import { type BackwardMode, type Graph, opSpec } from '../engine/index.js';
import { lineColumn } from './source.js';
import type {
  CustomOpInfo,
  NeuronInfo,
  Observed,
  Scenario,
  Source,
  Span,
  Training,
  WalkthroughItem,
} from './types.js';

const LABEL_WIDTH = 40;

export interface ScenarioParts {
  readonly source: Source;
  readonly title: string;
  readonly description?: string;
  readonly graph: Graph;
  readonly output: number;
  readonly walkthrough?: readonly WalkthroughItem[];
  readonly training?: Training;
  readonly neurons?: readonly NeuronInfo[];
  readonly observed?: Observed;
  readonly mode?: BackwardMode;
  readonly customOps?: readonly CustomOpInfo[];
  /** Source offsets of each node's expression, indexed by node id. */
  readonly spans?: { readonly start: Int32Array; readonly end: Int32Array };
}

/** Assembles a Scenario; also how tests and benchmarks wrap a graph built in code. */
export function makeScenario(parts: ScenarioParts): Scenario {
  const { source, graph, spans } = parts;
  const neurons = parts.neurons ?? [];
  let roles: Map<number, string> | undefined;
  const spanOf = (id: number): Span | undefined =>
    spans === undefined || id >= spans.start.length
      ? undefined
      : { start: spans.start[id], end: spans.end[id] };
  return {
    source,
    title: parts.title,
    description: parts.description,
    graph,
    output: parts.output,
    walkthrough: parts.walkthrough ?? [],
    training: parts.training,
    neurons,
    observed: parts.observed,
    ...(parts.mode === undefined ? {} : { mode: parts.mode }),
    customOps: parts.customOps ?? [],
    roleOf(id) {
      roles ??= rolesOf(graph, neurons);
      return roles.get(id);
    },
    spanOf,
    labelOf(id) {
      const name = graph.nameOf(id);
      if (name !== undefined) return name;
      const span = spanOf(id);
      if (span === undefined) return `#${id}`;
      return spanLabel(source.text, span.start, span.end, LABEL_WIDTH);
    },
    lineOf(id) {
      const span = spanOf(id);
      return span === undefined ? undefined : lineColumn(source, span.start).line;
    },
  };
}

/**
 * The label of an unnamed node: its source text from `start` to `end` with each run of whitespace
 * as one space, cut to `width` (as `cut` cuts). Only as much of the span is read as the label
 * shows: a partial sum of a long line spans most of it, and reading whole spans made labelling
 * the nodes of a 1e7-node MLP quadratic (its loss line sums 15,000 terms).
 */
export function spanLabel(text: string, start: number, end: number, width: number): string {
  // Twice as much each time: the text read stays within about twice what the label needs.
  for (let to = start; ; ) {
    to = Math.min(end, to + Math.max(2 * width, to - start, 1));
    const collapsed = text.slice(start, to).replace(/\s+/g, ' ');
    // Two code points past the width, the first width - 1 are the same whatever follows `to`.
    if (to === end || codePoints(collapsed) > width + 1) return cut(collapsed, width);
  }
}

/**
 * The one cut for plain text: at most `width` characters (code points, each one terminal cell in
 * what gradstep prints), ending in `…` when cut, with no space left before the `…`.
 */
export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 0) return '';
  // Without surrogates a code point is a code unit: no need to split the text into an array.
  if (!SURROGATE.test(text)) return `${text.slice(0, width - 1).trimEnd()}…`;
  const chars = [...text];
  return chars.length <= width
    ? text
    : `${chars
        .slice(0, width - 1)
        .join('')
        .trimEnd()}…`;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code points in a text, counted without an array when it has no surrogates. */
const codePoints = (text: string) => (SURROGATE.test(text) ? [...text].length : text.length);

/**
 * What each node inside a neuron is to it: `h1_2_s1: term 2 of the sum`, `…: b + terms 1…2`,
 * `…: the sum`, `…: tanh of the sum`. The neuron's nodes are product, sum, product, sum, …, then
 * its activation unless it is linear.
 */
function rolesOf(graph: Graph, neurons: readonly NeuronInfo[]): Map<number, string> {
  const roles = new Map<number, string>();
  for (const neuron of neurons) {
    const { nodes, name } = neuron;
    const terms = (nodes.length - (neuron.linear ? 0 : 1)) / 2;
    for (let i = 1; i <= terms; i++) {
      roles.set(nodes[2 * i - 2], `${name}: term ${i} of the sum`);
      const sum = i === terms ? 'the whole sum' : i === 1 ? 'b + term 1' : `b + terms 1…${i}`;
      roles.set(nodes[2 * i - 1], `${name}: ${sum}`);
    }
    if (!neuron.linear) {
      const activation = nodes[nodes.length - 1];
      roles.set(activation, `${name}: ${opSpec(graph.op[activation]).name} of the sum`);
    }
  }
  return roles;
}
