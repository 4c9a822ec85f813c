/**
 * W2's model and data: micrograd's demo. MLP(2, [16, 16, 1]) with relu hidden layers and a linear
 * output; 100 points of two interleaved half-moons with labels ±1; loss = mean hinge
 * relu(1 - y·score) + 1e-4·Σp²; one SGD step rebuilds the graph from the parameter values.
 */
import type { Backend } from './backends.js';
import { seeded } from './harness.js';

export interface Moons {
  readonly x: Float64Array; // [x0, y0, x1, y1, ...]
  readonly label: Float64Array; // ±1
}

/** Two interleaved half-moons (as scikit-learn's make_moons) with Gaussian noise, seeded. */
export function moons(count: number, noise: number, seed: number): Moons {
  const random = seeded(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = new Float64Array(2 * count);
  const label = new Float64Array(count);
  const outer = Math.ceil(count / 2);
  for (let i = 0; i < count; i++) {
    const isOuter = i < outer;
    const span = isOuter ? outer : count - outer;
    const t = (Math.PI * (isOuter ? i : i - outer)) / Math.max(1, span - 1);
    x[2 * i] = (isOuter ? Math.cos(t) : 1 - Math.cos(t)) + noise * gauss();
    x[2 * i + 1] = (isOuter ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * gauss();
    label[i] = isOuter ? -1 : 1;
  }
  return { x, label };
}

export const LAYERS = [2, 16, 16, 1] as const;

/** Parameter count: per layer, one weight per input and one bias per neuron. */
export function parameterCount(layers: readonly number[] = LAYERS): number {
  let n = 0;
  for (let l = 1; l < layers.length; l++) n += (layers[l - 1] + 1) * layers[l];
  return n;
}

export function initialParameters(seed: number): Float64Array {
  const random = seeded(seed);
  return Float64Array.from({ length: parameterCount() }, () => 2 * random() - 1);
}

const ALPHA = 1e-4;

/**
 * Builds the loss graph on `be` from `params` (laid out per neuron: weights then bias) and returns
 * the loss node and the node of each parameter.
 */
export function buildLoss(
  be: Backend,
  params: Float64Array,
  data: Moons,
): { loss: number; nodes: Int32Array } {
  const nodes = new Int32Array(params.length);
  for (let i = 0; i < params.length; i++) nodes[i] = be.input(params[i]);
  const one = be.input(1);
  const count = data.label.length;
  let total = -1;
  for (let p = 0; p < count; p++) {
    let acts = [be.input(data.x[2 * p]), be.input(data.x[2 * p + 1])];
    let at = 0;
    for (let l = 1; l < LAYERS.length; l++) {
      const next: number[] = [];
      for (let j = 0; j < LAYERS[l]; j++) {
        let sum = nodes[at + acts.length]; // the bias, as micrograd's sum(..., self.b)
        for (let i = 0; i < acts.length; i++) sum = be.add(sum, be.mul(nodes[at + i], acts[i]));
        at += acts.length + 1;
        next.push(l < LAYERS.length - 1 ? be.relu(sum) : sum);
      }
      acts = next;
    }
    const margin = be.sub(one, be.mul(be.input(data.label[p]), acts[0]));
    const hinge = be.relu(margin);
    total = total < 0 ? hinge : be.add(total, hinge);
  }
  let reg = be.mul(nodes[0], nodes[0]);
  for (let i = 1; i < nodes.length; i++) reg = be.add(reg, be.mul(nodes[i], nodes[i]));
  const loss = be.add(be.mul(total, be.input(1 / count)), be.mul(reg, be.input(ALPHA)));
  return { loss, nodes };
}

/**
 * One SGD step: empty the backend (its memory stays), rebuild, forward, backward from fresh zero
 * grads, p -= lr·grad. Returns the loss.
 */
export function sgdStep(be: Backend, params: Float64Array, data: Moons, lr: number): number {
  be.reset();
  const { loss, nodes } = buildLoss(be, params, data);
  be.forward();
  be.backward(loss);
  for (let i = 0; i < params.length; i++) params[i] -= lr * be.grad(nodes[i]);
  return be.value(loss);
}
