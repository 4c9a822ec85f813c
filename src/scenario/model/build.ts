/**
 * The MLP builder: micrograd's Neuron, Layer and MLP expanded into ordinary named nodes, one node
 * per operation in the order micrograd creates them, so values (and the weights of `init: python`)
 * match a notebook's. Names (1-based; `s` is the sample):
 *   w{L}_{j}_{i}   weight of input i into neuron j of layer L     b{L}_{j}   its bias
 *   x{s}_{i}, y{s} the sample's inputs and target (y{s}_{k}: target of output k when there are several)
 *   wx{L}_{j}_{i}_s{s}  w·x product;  sum{L}_{j}_{i}_s{s}  b + the first i products
 *   z{L}_{j}_s{s}  pre-activation (the whole sum);  h{L}_{j}_s{s}  the neuron's output
 *                  (a linear neuron's whole sum is its h)
 *   err_s{s} = h − y, sq_s{s} = err ** 2 (squared losses); ys_s{s} = y · h, margin_s{s} = 1 − ys,
 *   hinge_s{s} = relu(margin) (hinge), each with _{k} for output k when there are several;
 *   lsum_{k} the first k terms; total the sum of all (for
 *   sum_squared that is `loss`, and with one sample the term itself is); loss the loss.
 */
import { Graph, OpCode } from '../../engine/index.js';
import type { NeuronInfo as Neuron } from '../types.js';
import { PythonRandom } from './python-random.js';
import type { DataSpec, LossKind, ModelSpec } from './schema.js';

export interface BuiltModel {
  readonly graph: Graph;
  /** Weights and biases in micrograd's order (`parameters()`). */
  readonly params: readonly number[];
  readonly neurons: readonly Neuron[];
  readonly output: number;
}

/** Layer sizes (inputs first) and, per layer from 1, whether its neurons have an activation. */
export interface Architecture {
  readonly sizes: readonly number[];
  readonly activated: readonly boolean[];
}

/**
 * The model's layers, whichever of `mlp`, `layer` or `neuron` describes them; undefined when none
 * does. As in micrograd, an MLP's last layer is linear under relu; a lone layer or neuron is not.
 */
export function architectureOf(model: ModelSpec): Architecture | undefined {
  const sizes =
    model.mlp ?? model.layer ?? (model.neuron === undefined ? undefined : [model.neuron, 1]);
  if (sizes === undefined) return undefined;
  const last = sizes.length - 1;
  const activated = sizes.map((_, l) => {
    if (model.activation === 'linear') return false;
    return !(model.activation === 'relu' && model.mlp !== undefined && l === last);
  });
  return { sizes, activated };
}

/** Op nodes the model has per sample, for the size limit checked before anything is built. */
export function nodesPerSample(layers: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < layers.length; l++) count += layers[l] * (2 * layers[l - 1] + 1);
  return count + 4 * layers[layers.length - 1];
}

/** A sample's targets, one per output: `y: 1.0` and `y: [1.0]` are the same. */
export function targetsOf(y: number | readonly number[]): readonly number[] {
  return typeof y === 'number' ? [y] : y;
}

export function buildMlp(
  { sizes: layers, activated }: Architecture,
  model: ModelSpec,
  data: DataSpec,
  loss: LossKind,
  set?: ReadonlyMap<string, number>,
): BuiltModel {
  const g = new Graph();
  const input = (value: number, name: string) => g.addInput(set?.get(name) ?? value, name);
  const op = (code: OpCode, a: number, b: number, name: string, k = 0) => {
    const id = g.addOp(code, a, b, k);
    g.setName(id, name);
    return id;
  };
  const rng = new PythonRandom(model.seed);
  const weights: number[][][] = [];
  const biases: number[][] = [];
  const params: number[] = [];
  for (let l = 1; l < layers.length; l++) {
    weights[l] = [];
    biases[l] = [];
    for (let j = 1; j <= layers[l]; j++) {
      const w: number[] = [];
      for (let i = 1; i <= layers[l - 1]; i++) w.push(input(rng.uniform(-1, 1), `w${l}_${j}_${i}`));
      weights[l].push(w);
      biases[l].push(input(0, `b${l}_${j}`));
      params.push(...w, biases[l][j - 1]);
    }
  }
  const xs = data.x.map((row, s) => row.map((v, i) => input(v, `x${s + 1}_${i + 1}`)));
  const outputs = layers[layers.length - 1];
  const suffix = (s: number, k: number) => (outputs === 1 ? `${s}` : `${s}_${k}`);
  const ys = data.y.map((v, s) => targetsOf(v).map((t, k) => input(t, `y${suffix(s + 1, k + 1)}`)));
  const neurons: Neuron[] = [];
  const terms: number[] = [];
  const activation = model.activation === 'relu' ? OpCode.relu : OpCode.tanh;
  xs.forEach((row, s0) => {
    const s = s0 + 1;
    let previous = row;
    for (let l = 1; l < layers.length; l++) {
      const inputs = previous;
      previous = weights[l].map((w, j0) => {
        const at = { layer: l, index: j0 + 1, sample: s, linear: !activated[l] };
        const neuron = callNeuron(op, at, w, biases[l][j0], inputs, activation);
        neurons.push(neuron);
        return neuron.nodes[neuron.nodes.length - 1];
      });
    }
    previous.forEach((score, k) => {
      terms.push(lossTerm(g, op, loss, score, ys[s0][k], suffix(s, k + 1)));
    });
  });
  return { graph: g, params, neurons, output: lossOf(g, op, loss, terms) };
}

type Op = (code: OpCode, a: number, b: number, name: string, k?: number) => number;

/** One neuron on one sample, built as micrograd's `sum((wi * xi for ...), b)`, then its activation. */
function callNeuron(
  op: Op,
  at: Omit<Neuron, 'name' | 'nodes'>,
  w: readonly number[],
  bias: number,
  inputs: readonly number[],
  activation: OpCode,
): Neuron {
  const { layer: l, index: j, sample: s, linear } = at;
  const name = `h${l}_${j}_s${s}`;
  const nodes: number[] = [];
  let acc = bias;
  w.forEach((wi, i0) => {
    const i = i0 + 1;
    nodes.push(op(OpCode.mul, wi, inputs[i0], `wx${l}_${j}_${i}_s${s}`));
    const whole = i === w.length;
    const sumName = !whole ? `sum${l}_${j}_${i}_s${s}` : linear ? name : `z${l}_${j}_s${s}`;
    acc = op(OpCode.add, acc, nodes[nodes.length - 1], sumName);
    nodes.push(acc);
  });
  if (!linear) nodes.push(op(activation, acc, -1, name));
  return { ...at, name, nodes };
}

/** One output's term on one sample (`at`: `3`, or `3_2` for output 2), as micrograd's lecture and demo write it. */
function lossTerm(g: Graph, op: Op, loss: LossKind, score: number, y: number, at: string): number {
  if (loss === 'hinge') {
    const ys = op(OpCode.mul, y, score, `ys_s${at}`);
    const margin = op(OpCode.sub, g.addConstant(1), ys, `margin_s${at}`);
    return op(OpCode.relu, margin, -1, `hinge_s${at}`);
  }
  const err = op(OpCode.sub, score, y, `err_s${at}`);
  return op(OpCode.pow, err, -1, `sq_s${at}`, 2);
}

/** Σ terms left to right, then the mean where the loss is one. The last node is named `loss`. */
function lossOf(g: Graph, op: Op, loss: LossKind, terms: readonly number[]): number {
  const summed = loss === 'sum_squared';
  let acc = terms[0];
  for (let k = 1; k < terms.length; k++) {
    const name = k < terms.length - 1 ? `lsum_${k + 1}` : summed ? 'loss' : 'total';
    acc = op(OpCode.add, acc, terms[k], name);
  }
  if (loss === 'mean_squared') return op(OpCode.div, acc, g.addConstant(terms.length), 'loss');
  if (loss === 'hinge') return op(OpCode.mul, acc, g.addConstant(1 / terms.length), 'loss');
  // One sample: its squared error is the loss.
  if (terms.length === 1) g.setName(acc, 'loss');
  return acc;
}
