/** Runs test/scenario/model/micrograd_ref.py (a small micrograd in python3) on a spec. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface ReferenceSpec {
  /** Layer sizes, inputs first; `form` says how the scenario writes them (default: mlp). */
  readonly mlp: readonly number[];
  readonly form?: 'mlp' | 'layer' | 'neuron';
  readonly activation: 'tanh' | 'relu' | 'linear';
  readonly seed: number;
  readonly x: readonly (readonly number[])[];
  readonly y: readonly (number | readonly number[])[];
  readonly loss: 'sum_squared' | 'hinge';
  readonly lr: number;
  readonly steps: number;
}

export interface ReferenceRun {
  readonly init: number[];
  readonly iterations: { loss: number; grads: number[]; params: number[] }[];
}

export function micrograd(spec: ReferenceSpec): ReferenceRun {
  const script = join(import.meta.dirname, 'micrograd_ref.py');
  const out = execFileSync('python3', [script], { input: JSON.stringify(spec), encoding: 'utf8' });
  return JSON.parse(out) as ReferenceRun;
}

export const LECTURE: ReferenceSpec = {
  mlp: [3, 4, 4, 1],
  activation: 'tanh',
  seed: 1337,
  x: [
    [2.0, 3.0, -1.0],
    [3.0, -1.0, 0.5],
    [0.5, 1.0, 1.0],
    [1.0, 1.0, -1.0],
  ],
  y: [1.0, -1.0, -1.0, 1.0],
  loss: 'sum_squared',
  lr: 0.05,
  steps: 20,
};

/** The scenario text of a spec, as a teacher would write it. */
export function scenarioText(spec: ReferenceSpec, extra = ''): string {
  return [
    'title: t',
    `model: { ${layersText(spec)}, activation: ${spec.activation}, seed: ${spec.seed}, init: python }`,
    `data: { x: ${JSON.stringify(spec.x)}, y: ${JSON.stringify(spec.y)} }`,
    `loss: ${spec.loss}`,
    `train: { lr: ${spec.lr}, steps: ${spec.steps} }`,
    extra,
  ].join('\n');
}

function layersText(spec: ReferenceSpec): string {
  if (spec.form === 'neuron') return `neuron: ${spec.mlp[0]}`;
  return `${spec.form ?? 'mlp'}: [${spec.mlp.join(', ')}]`;
}
