/**
 * The op table: each op's forward function and the local derivative of each of its inputs, side by
 * side, as data. The debugger lists, narrates and replays contributions from this table, and the
 * engine's hot loops read the same functions, so there is one definition of every rule.
 */

export const OpCode = {
  input: 0,
  constant: 1,
  add: 2,
  sub: 3,
  mul: 4,
  div: 5,
  neg: 6,
  pow: 7,
  tanh: 8,
  relu: 9,
  exp: 10,
  log: 11,
  sigmoid: 12,
} as const;
export type OpCode = (typeof OpCode)[keyof typeof OpCode];

/** Local derivative of the output with respect to one input. `k` is the exponent of `**`. */
export type LocalDerivative = (a: number, b: number, out: number, k: number) => number;

export interface OpSpec {
  /** An OpCode, or for a scenario's own op (`ops:`) the code its graph gave it. */
  readonly code: number;
  readonly name: string;
  /** How the op is written: `+` for infix and prefix ops, the function name for calls. */
  readonly symbol: string;
  readonly syntax: 'leaf' | 'infix' | 'prefix' | 'call';
  readonly arity: 0 | 1 | 2;
  readonly forward: (a: number, b: number, k: number) => number;
  /** One entry per input, in input order. */
  readonly local: readonly LocalDerivative[];
  /**
   * Narration template of each local derivative, in terms of `{a}`, `{b}` (the inputs), `{out}`
   * (this node) and `{k}` (the exponent): the session substitutes names and numbers.
   */
  readonly rule: readonly string[];
  /** The textbook formula of each local derivative, for help and inspector text. */
  readonly formula: readonly string[];
  /**
   * A scenario's own op: each local derivative as the user wrote it, with `{a}`, `{b}` and `{out}`
   * where the narration puts the numbers (`sigmoid({a})`).
   */
  readonly written?: readonly string[];
  /** An input value where the derivative jumps (relu at 0): grad checks across it are skipped. */
  readonly kink?: {
    readonly input: number;
    readonly at: number;
    readonly when?: (k: number) => boolean;
  };
}

const leaf = (name: 'input' | 'constant'): OpSpec => ({
  code: OpCode[name],
  name,
  symbol: '',
  syntax: 'leaf',
  arity: 0,
  forward: () => Number.NaN,
  local: [],
  rule: [],
  formula: [],
});

/** A sigmoid that never evaluates exp of a large positive number. */
function sigmoid(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

/*
 * Local derivatives in forms that stay finite and within a few ulps wherever the true value is a
 * finite double: no intermediate (b·b, 1 - out² with out rounded to 1) may overflow, underflow or
 * cancel where the result itself would not.
 */

const SMALLEST_NORMAL = 2 ** -1022;
const SCALE = 2 ** 600;

/**
 * d(a/b)/db = -a/b², computed as -out/b: b·b overflows or underflows long before a/b²
 * does. When out itself lost digits to underflow, a is tiny: scale it up by a power of two
 * (exact), divide twice, scale back, so only the last step rounds into the subnormals.
 */
export function divSlopeB(a: number, b: number, out: number): number {
  if (Math.abs(out) >= SMALLEST_NORMAL || Math.abs(a) > 2 ** -500 || a === 0) return -out / b;
  return -(a * SCALE) / b / b / SCALE;
}

/**
 * d tanh(a)/da = 1 - tanh(a)² = 4t/(1+t)² with t = e^(-2|a|): tanh(a) rounds to ±1 from |a| ≈ 19
 * on, where 1 - out² is 0 but the slope is still about 4e^(-2|a|). Once t itself would be
 * subnormal (1 + t is then 1), (2u)² with u = e^(-|a|) rounds only once into the subnormals.
 */
export function tanhSlope(a: number): number {
  const t = Math.exp(-2 * Math.abs(a));
  if (t >= SMALLEST_NORMAL) return (4 * t) / ((1 + t) * (1 + t));
  const u = 2 * Math.exp(-Math.abs(a));
  return u * u;
}

/** d σ(a)/da = σ(a)·(1 - σ(a)) = σ(a)·σ(-a): 1 - σ(a) is 0 once σ(a) rounds to 1 (a ≈ 37). */
export function sigmoidSlope(a: number): number {
  return sigmoid(a) * sigmoid(-a);
}

export const OPS: readonly OpSpec[] = [
  leaf('input'),
  leaf('constant'),
  {
    code: OpCode.add,
    name: 'add',
    symbol: '+',
    syntax: 'infix',
    arity: 2,
    forward: (a, b) => a + b,
    local: [() => 1, () => 1],
    rule: ['1', '1'],
    formula: ['d(a+b)/da = 1', 'd(a+b)/db = 1'],
  },
  {
    code: OpCode.sub,
    name: 'sub',
    symbol: '-',
    syntax: 'infix',
    arity: 2,
    forward: (a, b) => a - b,
    local: [() => 1, () => -1],
    rule: ['1', '-1'],
    formula: ['d(a-b)/da = 1', 'd(a-b)/db = -1'],
  },
  {
    code: OpCode.mul,
    name: 'mul',
    symbol: '*',
    syntax: 'infix',
    arity: 2,
    forward: (a, b) => a * b,
    local: [(_a, b) => b, (a) => a],
    rule: ['{b}', '{a}'],
    formula: ['d(a*b)/da = b', 'd(a*b)/db = a'],
  },
  {
    code: OpCode.div,
    name: 'div',
    symbol: '/',
    syntax: 'infix',
    arity: 2,
    forward: (a, b) => a / b,
    local: [(_a, b) => 1 / b, divSlopeB],
    rule: ['1/{b}', '-{a}/{b}²'],
    formula: ['d(a/b)/da = 1/b', 'd(a/b)/db = -a/b²'],
    kink: { input: 1, at: 0 },
  },
  {
    code: OpCode.neg,
    name: 'neg',
    symbol: '-',
    syntax: 'prefix',
    arity: 1,
    forward: (a) => -a,
    local: [() => -1],
    rule: ['-1'],
    formula: ['d(-a)/da = -1'],
  },
  {
    code: OpCode.pow,
    name: 'pow',
    symbol: '**',
    syntax: 'infix',
    arity: 1,
    forward: (a, _b, k) => a ** k,
    // x ** 0 is constant: its derivative is 0 everywhere, also at 0 where k·a**(k-1) is 0·∞.
    local: [(a, _b, _out, k) => (k === 0 ? 0 : k * a ** (k - 1))],
    rule: ['{k}·{a}**({k}-1)'],
    formula: ['d(a**k)/da = k·a**(k-1)'],
    kink: { input: 0, at: 0, when: (k) => k < 1 && k !== 0 },
  },
  {
    code: OpCode.tanh,
    name: 'tanh',
    symbol: 'tanh',
    syntax: 'call',
    arity: 1,
    forward: (a) => Math.tanh(a),
    local: [tanhSlope],
    rule: ['(1 - {out}²)'],
    formula: ['d tanh(a)/da = 1 - tanh(a)²'],
  },
  {
    code: OpCode.relu,
    name: 'relu',
    symbol: 'relu',
    syntax: 'call',
    arity: 1,
    // Math.max keeps NaN visible (a ternary would hide it as 0).
    forward: (a) => Math.max(a, 0),
    local: [(a) => (a > 0 ? 1 : 0)],
    rule: ['[{a} > 0]'],
    formula: ['d relu(a)/da = 1 if a > 0 else 0'],
    kink: { input: 0, at: 0 },
  },
  {
    code: OpCode.exp,
    name: 'exp',
    symbol: 'exp',
    syntax: 'call',
    arity: 1,
    forward: (a) => Math.exp(a),
    local: [(_a, _b, out) => out],
    rule: ['{out}'],
    formula: ['d exp(a)/da = exp(a)'],
  },
  {
    code: OpCode.log,
    name: 'log',
    symbol: 'log',
    syntax: 'call',
    arity: 1,
    forward: (a) => Math.log(a),
    local: [(a) => 1 / a],
    rule: ['1/{a}'],
    formula: ['d log(a)/da = 1/a'],
    kink: { input: 0, at: 0 },
  },
  {
    code: OpCode.sigmoid,
    name: 'sigmoid',
    symbol: 'sigmoid',
    syntax: 'call',
    arity: 1,
    forward: sigmoid,
    local: [sigmoidSlope],
    rule: ['{out}·(1 - {out})'],
    formula: ['d σ(a)/da = σ(a)·(1 - σ(a))'],
  },
];

/** The functions callable by name in a scenario (`tanh(x)`), keyed by name. */
export const FUNCTIONS: ReadonlyMap<string, OpSpec> = new Map(
  OPS.filter((op) => op.syntax === 'call').map((op) => [op.symbol, op]),
);

export function opSpec(code: number): OpSpec {
  const spec = OPS[code];
  if (spec === undefined) throw new RangeError(`unknown op code ${code}`);
  return spec;
}
