/**
 * The four graphs of ../shared/reference-values.md built with the Graph API directly, with the
 * expected data and grad of each named node typed in from that file (not computed here).
 */
import { Graph, OpCode } from '../../src/engine/index.js';

export interface ReferenceCase {
  readonly title: string;
  readonly graph: Graph;
  readonly output: number;
  /** name -> [data, grad] */
  readonly expected: Readonly<Record<string, readonly [number, number]>>;
}

/** Small helpers so each graph reads like its straight-line program. */
function builder(g: Graph) {
  const named = (id: number, name: string) => {
    g.setName(id, name);
    return id;
  };
  return {
    input: (name: string, value: number) => g.addInput(value, name),
    c: (value: number) => g.addConstant(value),
    add: (a: number, b: number) => g.addOp(OpCode.add, a, b),
    sub: (a: number, b: number) => g.addOp(OpCode.sub, a, b),
    mul: (a: number, b: number) => g.addOp(OpCode.mul, a, b),
    div: (a: number, b: number) => g.addOp(OpCode.div, a, b),
    neg: (a: number) => g.addOp(OpCode.neg, a),
    pow: (a: number, k: number) => g.addOp(OpCode.pow, a, -1, k),
    tanh: (a: number) => g.addOp(OpCode.tanh, a),
    relu: (a: number) => g.addOp(OpCode.relu, a),
    named,
  };
}

/** Section 1, the seed notebook; other test folders build their seed fixtures from it. */
export function seedNotebook(): ReferenceCase {
  const g = new Graph();
  const { input, mul, add, tanh, named } = builder(g);
  const x = input('x', 2.0);
  const y = input('y', 3.0);
  const x2 = named(mul(x, x), 'x_2');
  const x2y = named(mul(x2, y), 'x_2_y');
  const xy = named(mul(x, y), 'xy');
  const t = named(tanh(xy), 'tanh_xy');
  const z = named(add(x2y, t), 'z');
  return {
    title: 'seed notebook',
    graph: g,
    output: z,
    expected: {
      x: [2.0, 12.000073729642216],
      y: [3.0, 4.00004915309481],
      x_2: [4.0, 3.0],
      x_2_y: [12.0, 1.0],
      xy: [6.0, 2.4576547405286142e-5],
      tanh_xy: [0.9999877116507956, 1.0],
      z: [12.999987711650796, 1.0],
    },
  };
}

function microgradSanity(): ReferenceCase {
  const g = new Graph();
  const { input, c, mul, add, relu, named } = builder(g);
  const x = input('x', -4.0);
  const z = named(add(add(mul(c(2), x), c(2)), x), 'z');
  const q = named(add(relu(z), mul(z, x)), 'q');
  const h = named(relu(mul(z, z)), 'h');
  const y = named(add(add(h, q), mul(q, x)), 'y');
  return {
    title: "micrograd's sanity check",
    graph: g,
    output: y,
    expected: {
      x: [-4.0, 46.0],
      z: [-10.0, -8.0],
      q: [40.0, -3.0],
      h: [100.0, 1.0],
      y: [-20.0, 1.0],
    },
  };
}

function microgradReadme(): ReferenceCase {
  const g = new Graph();
  const { input, c, add, sub, mul, div, neg, pow, relu, named } = builder(g);
  const a = input('a', -4.0);
  const b = input('b', 2.0);
  const cc = named(add(a, b), 'c');
  const d = named(add(mul(a, b), pow(b, 3)), 'd');
  const c1 = named(add(cc, add(cc, c(1))), 'c1');
  const c2 = named(add(c1, add(add(c(1), c1), neg(a))), 'c2');
  const d1 = named(add(d, add(mul(d, c(2)), relu(add(b, a)))), 'd1');
  const d2 = named(add(d1, add(mul(c(3), d1), relu(sub(b, a)))), 'd2');
  const e = named(sub(c2, d2), 'e');
  const f = named(pow(e, 2), 'f');
  const gg = named(div(f, c(2.0)), 'g');
  const g1 = named(add(gg, div(c(10.0), f)), 'g1');
  return {
    title: "micrograd's README example",
    graph: g,
    output: g1,
    expected: {
      a: [-4.0, 138.83381924198252],
      b: [2.0, 645.5772594752186],
      c: [-2.0, -27.766763848396504],
      d: [0.0, 83.30029154518951],
      c1: [-3.0, -13.883381924198252],
      c2: [-1.0, -6.941690962099126],
      d1: [0.0, 27.766763848396504],
      d2: [6.0, 6.941690962099126],
      e: [-7.0, -6.941690962099126],
      f: [49.0, 0.4958350687213661],
      g: [24.5, 1.0],
      g1: [24.70408163265306, 1.0],
    },
  };
}

function lectureNeuron(): ReferenceCase {
  const g = new Graph();
  const { input, add, mul, tanh, named } = builder(g);
  const x1 = input('x1', 2.0);
  const x2 = input('x2', 0.0);
  const w1 = input('w1', -3.0);
  const w2 = input('w2', 1.0);
  const b = input('b', 6.8813735870195432);
  const x1w1 = named(mul(x1, w1), 'x1w1');
  const x2w2 = named(mul(x2, w2), 'x2w2');
  const sum = named(add(x1w1, x2w2), 'x1w1x2w2');
  const n = named(add(sum, b), 'n');
  const o = named(tanh(n), 'o');
  return {
    title: "the lecture's neuron",
    graph: g,
    output: o,
    expected: {
      x1: [2.0, -1.5],
      x2: [0.0, 0.5],
      w1: [-3.0, 1.0],
      w2: [1.0, 0.0],
      b: [6.881373587019543, 0.5],
      n: [0.8813735870195432, 0.5],
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: copied from the reference table
      o: [0.7071067811865476, 1.0],
    },
  };
}

export const REFERENCE_CASES: readonly (() => ReferenceCase)[] = [
  seedNotebook,
  microgradSanity,
  microgradReadme,
  lectureNeuron,
];

/** The tolerance of reference-values.md: |a - e| <= 1e-9 + 1e-9 |e|. */
export function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 + 1e-9 * Math.abs(expected);
}
