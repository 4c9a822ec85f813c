import { OpCode } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import { correctGrad, type SessionState, shapeOf, valueAt } from '../session/index.js';
import { type JsonNumber, jsonNumber } from './json-number.js';

/** One node in the shape `check --json`, `replay --format json` and `export --format json` share. */
export interface JsonNode {
  readonly id: number;
  readonly name: string | null;
  readonly label: string;
  /** The op's name in the engine's table: `input`, `constant`, `add`, `mul`, `tanh`, ... */
  readonly op: string;
  /** The exponent of a `pow` node (`c ** 3` gives 3); null for every other op. */
  readonly exponent: number | null;
  readonly inputs: readonly number[];
  readonly data: JsonNumber;
  readonly grad: JsonNumber;
  /** In a wrong backward mode: the correct run's grad at the same point. */
  readonly correctGrad?: JsonNumber;
  readonly line: number | null;
}

/** A node's values where they are known; null where they are not (yet). */
export interface NodeValues {
  data(id: number): number | null;
  grad(id: number): number | null;
  /** Given in a wrong backward mode only. */
  correctGrad?(id: number): number | null;
}

/** The values the graph holds now: after forward and backward, everything is known. */
export const graphValues = (scenario: Scenario): NodeValues => ({
  data: (id) => scenario.graph.data[id],
  grad: (id) => scenario.graph.grad[id],
});

/** The values at a session's cursor, with the correct run's grads in a wrong backward mode. */
export function sessionValues(state: SessionState): NodeValues {
  const values: NodeValues = {
    data: (id) => valueAt(state, id, 'data') ?? null,
    grad: (id) => valueAt(state, id, 'grad') ?? null,
  };
  if (shapeOf(state).mode === 'correct') return values;
  return { ...values, correctGrad: (id) => correctGrad(state, id) ?? null };
}

export function nodeJson(scenario: Scenario, id: number, values: NodeValues): JsonNode {
  const { graph } = scenario;
  return {
    id,
    name: graph.nameOf(id) ?? null,
    label: scenario.labelOf(id),
    op: graph.spec(id).name,
    exponent: graph.opOf(id) === OpCode.pow ? graph.param[id] : null,
    inputs: graph.inputsOf(id),
    data: jsonNumber(values.data(id)),
    grad: jsonNumber(values.grad(id)),
    ...(values.correctGrad === undefined
      ? {}
      : { correctGrad: jsonNumber(values.correctGrad(id)) }),
    line: scenario.lineOf(id) ?? null,
  };
}

/** The output node as `check --json` and `export --format json` both give it. */
export interface OutputJson {
  readonly id: number;
  readonly name: string | null;
  readonly data: JsonNumber;
  readonly grad: JsonNumber;
}

export function outputJson(scenario: Scenario, values: NodeValues): OutputJson {
  const { output } = scenario;
  return {
    id: output,
    name: scenario.graph.nameOf(output) ?? null,
    data: jsonNumber(values.data(output)),
    grad: jsonNumber(values.grad(output)),
  };
}

export function nodesJson(scenario: Scenario, values: NodeValues): JsonNode[] {
  const nodes: JsonNode[] = [];
  for (let id = 0; id < scenario.graph.size; id++) nodes.push(nodeJson(scenario, id, values));
  return nodes;
}
