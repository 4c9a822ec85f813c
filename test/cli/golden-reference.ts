/**
 * A tiny reference autograd for the golden tests: forward in definition order, backward in
 * reverse, each input's contribution in turn (as micrograd's backward visits them), on the two
 * graphs the goldens record, written here by hand rather than read from the code under test.
 */
export type Op = 'input' | 'mul' | 'add' | 'tanh';
type Def = readonly [name: string, op: Op, inputs: readonly string[], value?: number];

export const GRAPHS: Record<string, readonly Def[]> = {
  seed: [
    ['x', 'input', [], 2],
    ['y', 'input', [], 3],
    ['x_2', 'mul', ['x', 'x']],
    ['x_2_y', 'mul', ['x_2', 'y']],
    ['xy', 'mul', ['x', 'y']],
    ['tanh_xy', 'tanh', ['xy']],
    ['z', 'add', ['x_2_y', 'tanh_xy']],
  ],
  neuron: [
    ['x1', 'input', [], 2],
    ['x2', 'input', [], 0],
    ['w1', 'input', [], -3],
    ['w2', 'input', [], 1],
    ['b', 'input', [], 6.8813735870195432],
    ['x1w1', 'mul', ['x1', 'w1']],
    ['x2w2', 'mul', ['x2', 'w2']],
    ['x1w1x2w2', 'add', ['x1w1', 'x2w2']],
    ['n', 'add', ['x1w1x2w2', 'b']],
    ['o', 'tanh', ['n']],
  ],
};

interface Contribution {
  readonly to: string;
  readonly amount: number;
  readonly before: number;
  readonly after: number;
}
export interface Reference {
  readonly data: Map<string, number>;
  readonly grad: Map<string, number>;
  /** F1…: the node each forward step computes. */
  readonly forward: readonly string[];
  /** B1…: the node each backward step runs and what it hands its inputs. */
  readonly backward: readonly { node: string; contributions: Contribution[] }[];
}

export function reference(defs: readonly Def[]): Reference {
  const data = new Map<string, number>();
  const grad = new Map<string, number>();
  const forward: string[] = [];
  for (const [name, op, [a, b], value] of defs) {
    const va = data.get(a) ?? 0;
    const vb = data.get(b) ?? 0;
    const v =
      op === 'input'
        ? (value ?? 0)
        : op === 'mul'
          ? va * vb
          : op === 'add'
            ? va + vb
            : Math.tanh(va);
    data.set(name, v);
    grad.set(name, 0);
    if (op !== 'input') forward.push(name);
  }
  const output = defs[defs.length - 1][0];
  grad.set(output, 1);
  const backward = [...forward].reverse().map((node) => {
    const [, op, inputs] = defs.find((d) => d[0] === node) ?? [];
    const out = grad.get(node) ?? 0;
    const local = (i: number) =>
      op === 'mul'
        ? (data.get(inputs?.[1 - i] ?? '') ?? 0)
        : op === 'add'
          ? 1
          : 1 - (data.get(node) ?? 0) ** 2;
    const contributions = (inputs ?? []).map((to, i) => {
      const before = grad.get(to) ?? 0;
      const amount = local(i) * out;
      grad.set(to, before + amount);
      return { to, amount, before, after: before + amount };
    });
    return { node, contributions };
  });
  return { data, grad, forward, backward };
}

/** What a box shows at a step, by the reference: data (undefined: not computed yet) and grad. */
export function valuesAt(
  ref: Reference,
  step: string,
  name: string,
): { data?: number; grad?: number } {
  const forwardAt = ref.forward.indexOf(name) + 1; // 0: an input, known from the start
  const k = Number(step.slice(1));
  const position = step === 'start' ? 0 : step[0] === 'F' ? k : ref.forward.length + 1 + k;
  const data = position >= forwardAt ? ref.data.get(name) : undefined;
  if (step[0] !== 'B') return { data };
  let grad = name === ref.forward[ref.forward.length - 1] ? 1 : 0;
  for (const b of ref.backward.slice(0, k))
    for (const c of b.contributions) if (c.to === name) grad = c.after;
  return { data, grad };
}
