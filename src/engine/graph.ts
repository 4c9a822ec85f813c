import { OPS, OpCode, type OpSpec } from './ops.js';

const INITIAL_CAPACITY = 64;
const NO_INPUT = -1;
/** Op codes are bytes: the built-in ops and up to this many of a scenario's own. */
const MAX_OPS = 256;

/**
 * A scalar autograd graph stored as a struct of typed arrays: one slot per node, ids are creation
 * order. Every node has at most two inputs, and an input always has a smaller id than its consumer,
 * so creation order is a topological order.
 *
 * The arrays are public for the engine's and the session's hot loops; they may be replaced when the
 * graph grows, so read them afresh after adding nodes, and only the first `size` slots are nodes.
 */
export class Graph {
  size = 0;
  op: Uint8Array;
  in0: Int32Array;
  in1: Int32Array;
  /** The exponent of a `**` node; 0 elsewhere. */
  param: Float64Array;
  data: Float64Array;
  grad: Float64Array;
  /** The op table of this graph: the built-in ops, then the scenario's own (`defineOp`). */
  readonly ops: OpSpec[] = [...OPS];
  /** Each op code's arity, read on every addOp: a byte lookup instead of a spec object. */
  private readonly arities = new Int8Array(MAX_OPS).fill(-1);
  /** Names by id, filled up to the last named node. */
  private readonly names: (string | undefined)[] = [];
  /**
   * name -> id, built on the first `idOf`: a million names hashed into a Map cost about a second,
   * which a scenario loader that keeps its own table need not pay.
   */
  private ids: Map<string, number> | undefined;
  /** Names of the ids below `sourceEnd` that setName did not give, made when asked for. */
  private nameSource: ((id: number) => string | undefined) | undefined;
  private sourceEnd = 0;
  constructor(capacity = INITIAL_CAPACITY) {
    const n = Math.max(1, capacity);
    this.op = new Uint8Array(n);
    this.in0 = new Int32Array(n);
    this.in1 = new Int32Array(n);
    this.param = new Float64Array(n);
    this.data = new Float64Array(n);
    this.grad = new Float64Array(n);
    OPS.forEach((op, code) => {
      this.arities[code] = op.arity;
    });
  }

  /** Adds an op to this graph's table (a scenario's `ops:` entry) and returns its code. */
  defineOp(spec: Omit<OpSpec, 'code'>): number {
    const code = this.ops.length;
    if (code >= MAX_OPS) throw new RangeError(`at most ${MAX_OPS - OPS.length} custom ops`);
    this.ops.push({ ...spec, code });
    this.arities[code] = spec.arity;
    return code;
  }

  /** The op table entry of a node. */
  spec(id: number): OpSpec {
    return this.ops[this.op[id]];
  }

  /** A named leaf bound to a value (`x = 2.0`). */
  addInput(value: number, name?: string): number {
    const id = this.push(OpCode.input, NO_INPUT, NO_INPUT, 0);
    this.data[id] = value;
    if (name !== undefined) this.setName(id, name);
    return id;
  }

  /** A literal inside an expression (`2 * x`). */
  addConstant(value: number): number {
    const id = this.push(OpCode.constant, NO_INPUT, NO_INPUT, 0);
    this.data[id] = value;
    return id;
  }

  /** An op node over earlier nodes; `k` is the exponent of `**`. Its data is computed by forward. */
  addOp(code: number, a: number, b: number = NO_INPUT, k = 0): number {
    const arity = this.arities[code];
    // One branch on the common path; the message is worked out only when something is wrong.
    if (
      !(arity === (b === NO_INPUT ? 1 : 2)) ||
      !(a >= 0 && a < this.size && (a | 0) === a) ||
      !(b === NO_INPUT || (b >= 0 && b < this.size && (b | 0) === b))
    ) {
      this.rejectOp(code, a, b);
    }
    const id = this.push(code, a, b, k);
    this.data[id] = Number.NaN;
    return id;
  }

  /**
   * Drops every node from id `size` on and keeps the arrays: a training loop builds its
   * parameters once, then each step truncates back to them and builds the step's nodes into the
   * same memory (a new Graph per step costs several times more, mostly in allocation and
   * regrowth). Ids below `size` keep their op, inputs, data and name.
   */
  truncate(size: number): void {
    if (!(Number.isInteger(size) && size >= 0 && size <= this.size)) {
      throw new RangeError(`truncate(${size}): the graph has ${this.size} nodes`);
    }
    this.size = size;
    // Names dropped here may have hidden earlier ids with the same name: index again on demand.
    // Ids made after this are new nodes: the source's names were for the old ones.
    if (this.names.length > size || this.sourceEnd > size) this.ids = undefined;
    if (this.names.length > size) this.names.length = size;
    this.sourceEnd = Math.min(this.sourceEnd, size);
  }

  /** Empties the graph for reuse, keeping its capacity: `truncate(0)`. */
  reset(): void {
    this.truncate(0);
  }

  setName(id: number, name: string): void {
    const { names } = this;
    // Naming in id order is what the index built later reproduces; anything else goes through it.
    if (id < names.length || id < this.sourceEnd) this.ids ??= this.indexNames();
    if (this.ids !== undefined) {
      const previous = this.nameOf(id);
      if (previous !== undefined && this.ids.get(previous) === id) this.ids.delete(previous);
      this.ids.set(name, id);
    }
    // Filled rather than left with holes: a far write would turn the array into a dictionary.
    while (names.length < id) names.push(undefined);
    names[id] = name;
  }

  nameOf(id: number): string | undefined {
    const name = id < this.names.length ? this.names[id] : undefined;
    return name ?? (id < this.sourceEnd ? this.nameSource?.(id) : undefined);
  }

  /**
   * Names every node made so far that setName did not name, by calling `nameOf` when a name is
   * asked for: a loader can keep a million names as offsets into its text instead of strings.
   */
  setNameSource(nameOf: (id: number) => string | undefined): void {
    this.nameSource = nameOf;
    this.sourceEnd = this.size;
    this.ids = undefined;
  }

  idOf(name: string): number | undefined {
    this.ids ??= this.indexNames();
    return this.ids.get(name);
  }

  opOf(id: number): OpCode {
    return this.op[id] as OpCode;
  }

  isLeaf(id: number): boolean {
    return this.op[id] <= OpCode.constant;
  }

  arity(id: number): number {
    return this.spec(id).arity;
  }

  /** The node's inputs in order; `x * x` lists `x` twice. */
  inputsOf(id: number): number[] {
    const inputs: number[] = [];
    if (this.in0[id] !== NO_INPUT) inputs.push(this.in0[id]);
    if (this.in1[id] !== NO_INPUT) inputs.push(this.in1[id]);
    return inputs;
  }

  /** Later ids win, as they do when names are set in id order. */
  private indexNames(): Map<string, number> {
    const ids = new Map<string, number>();
    const end = Math.max(this.names.length, this.sourceEnd);
    for (let id = 0; id < end; id++) {
      const name = this.nameOf(id);
      if (name !== undefined) ids.set(name, id);
    }
    return ids;
  }

  private rejectOp(code: number, a: number, b: number): never {
    const spec = this.ops[code];
    if (spec === undefined) throw new RangeError(`unknown op code ${code}`);
    if (spec.arity === 0) throw new RangeError(`${spec.name} is a leaf, not an op`);
    const arity = b === NO_INPUT ? 1 : 2;
    if (arity !== spec.arity) {
      throw new RangeError(`${spec.name} takes ${spec.arity} input(s), got ${arity}`);
    }
    this.checkInput(a);
    this.checkInput(b);
    throw new RangeError(`bad inputs #${a}, #${b}`);
  }

  private checkInput(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.size) {
      throw new RangeError(`input #${id} is not an earlier node`);
    }
  }

  private push(code: number, a: number, b: number, k: number): number {
    if (this.size === this.op.length) this.grow();
    const id = this.size++;
    this.op[id] = code;
    this.in0[id] = a;
    this.in1[id] = b;
    this.param[id] = k;
    return id;
  }

  private grow(): void {
    const capacity = this.op.length * 2;
    this.op = resized(this.op, new Uint8Array(capacity));
    this.in0 = resized(this.in0, new Int32Array(capacity));
    this.in1 = resized(this.in1, new Int32Array(capacity));
    this.param = resized(this.param, new Float64Array(capacity));
    this.data = resized(this.data, new Float64Array(capacity));
    this.grad = resized(this.grad, new Float64Array(capacity));
  }
}

function resized<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
