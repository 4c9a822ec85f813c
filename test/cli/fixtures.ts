/** Scenario texts for CLI tests, kept in memory so each test shows its input. */

export const SEED = `title: z = x·x·y + tanh(x·y)
graph: |
  x = 2.0          # an input: a name bound to a number
  y = 3.0
  x_2 = x * x
  x_2_y = x_2 * y
  xy = x * y
  tanh_xy = tanh(xy)
  z = x_2_y + tanh_xy
output: z
walkthrough:
  - at: end
    expect: {node: x, grad: 12.000073729642216}
`;

/** Section 1 of ../shared/reference-values.md: [name, data, grad]. */
export const SEED_REFERENCE: readonly [string, number, number][] = [
  ['x', 2.0, 12.000073729642216],
  ['y', 3.0, 4.00004915309481],
  ['x_2', 4.0, 3.0],
  ['x_2_y', 12.0, 1.0],
  ['xy', 6.0, 2.4576547405286142e-5],
  ['tanh_xy', 0.9999877116507956, 1.0],
  ['z', 12.999987711650796, 1.0],
];

/** Section 4 of ../shared/reference-values.md, the 2-input tanh neuron: [name, data, grad]. */
export const NEURON_REFERENCE: readonly [string, number, number][] = [
  ['x1', 2.0, -1.5],
  ['x2', 0.0, 0.5],
  ['w1', -3.0, 1.0],
  ['w2', 1.0, 0.0],
  ['b', 6.881373587019543, 0.5],
  ['n', 0.8813735870195432, 0.5],
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: typed from the reference table
  ['o', 0.7071067811865476, 1.0],
];

/** Copies of the seed and neuron scenarios whose transcripts the goldens pin (kept apart from
 * scenarios/, so that improving a built-in's walkthrough does not rewrite the goldens). */
export const GOLDEN = 'test/cli/golden';
export const GOLDEN_SEED = `${GOLDEN}/seed.yaml`;

/** log of a negative number: NaN from the second node on. */
export const NON_FINITE = `title: log of a negative
graph: |
  x = -1
  y = log(x)
  z = y * 2
`;

export const FAILED_EXPECT = `title: a wrong expectation
graph: |
  a = 3
  b = a * a
walkthrough:
  - at: end
    expect: {node: a, grad: 5}
`;

/**
 * c = a² + a at a = 3. Steps: F1 b, F2 c, B0, B1 c (a.grad 0 → 1), B2 b (a.grad 1 → 1 + 3 + 3 = 7,
 * which is dc/da = 2a + 1). The expect at B1 holds only there: the final a.grad is 7.
 */
const A_SQUARED_PLUS_A = `graph: |
  a = 3
  b = a * a
  c = b + a
walkthrough:
`;

export const EXPECTS_ALONG_THE_WAY = `title: expects along the way
${A_SQUARED_PLUS_A}  - at: start
    expect: {node: a, data: 3}
  - at: B1
    expect: {node: a, grad: 1}
  - at: end
    expect: {node: a, grad: 7}
`;

/** The same graph with an expect that would hold at `end` but not yet at its step. */
export const EXPECTS_TOO_EARLY = `title: expects too early
${A_SQUARED_PLUS_A}  - at: F2
    expect: {node: c, data: 12}
  - at: backward:c
    expect: {node: a, grad: 7}
`;

/** `tahn` on line 4, column 7 of the file. */
export const UNKNOWN_FUNCTION = `title: a typo
graph: |
  x = 1
  t = tahn(x)
`;

/** Every node's perturbation crosses the relu kink at 0, so the grad check compares none. */
export const ALL_KINKS = `title: relu at its kink
graph: |
  x = 0
  y = 0
  a = x + y
  r = relu(a)
`;
