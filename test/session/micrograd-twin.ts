/**
 * A tiny micrograd written for the mode tests, object by object, with each backward algorithm as
 * its bug report describes it (no code shared with src), and a twin gradstep graph built alongside.
 */
import { type BackwardMode, Graph, OpCode } from '../../src/engine/index.js';
import { makeScenario, type Scenario } from '../../src/scenario/index.js';

/** A micrograd Value: op, operands, data, grad. */
export interface V {
  readonly id: number;
  readonly op: 'leaf' | 'add' | 'mul' | 'tanh';
  readonly prev: V[];
  readonly data: number;
  grad: number;
}

/** d(v)/d(v.prev[slot]). */
function local(v: V, slot: number): number {
  if (v.op === 'add') return 1;
  if (v.op === 'mul') return v.prev[1 - slot].data;
  return 1 - v.data * v.data;
}

/** One node's `_backward`: add (or assign) local × grad into each operand, slot by slot. */
function runNode(v: V, assign: boolean): void {
  v.prev.forEach((p, slot) => {
    const term = local(v, slot) * v.grad;
    p.grad = assign ? term : p.grad + term;
  });
}

/** The nodes `out` depends on, latest created first: gradstep's documented topological order. */
function topo(out: V): V[] {
  const seen = new Set<V>();
  const visit = (v: V) => {
    if (seen.has(v)) return;
    seen.add(v);
    for (const p of v.prev) visit(p);
  };
  visit(out);
  return [...seen].sort((a, b) => b.id - a.id);
}

/** Runs a mode the reference way; returns the visited ids (op nodes, and leaves for no-topo). */
export function referenceRun(all: V[], out: V, mode: BackwardMode): number[] {
  for (const v of all) v.grad = 0;
  out.grad = 1;
  const visited: number[] = [];
  const pass = () => {
    for (const v of topo(out)) {
      if (v.op === 'leaf') continue;
      visited.push(v.id);
      runNode(v, mode === 'overwrite');
    }
  };
  if (mode === 'no-topo') {
    const visit = (v: V) => {
      visited.push(v.id);
      runNode(v, false);
      for (const p of v.prev) visit(p);
    };
    visit(out);
  } else {
    pass();
    if (mode === 'double-backward') {
      out.grad = 1;
      visited.push(out.id);
      pass();
    }
  }
  return visited;
}

/** Builds the same program as micrograd objects and as a gradstep scenario. */
export class Twin {
  readonly g = new Graph();
  readonly values: V[] = [];
  leaf(x: number, name?: string): V {
    return this.push(this.g.addInput(x, name), 'leaf', [], x);
  }
  add(a: V, b: V): V {
    return this.push(this.g.addOp(OpCode.add, a.id, b.id), 'add', [a, b], a.data + b.data);
  }
  mul(a: V, b: V): V {
    return this.push(this.g.addOp(OpCode.mul, a.id, b.id), 'mul', [a, b], a.data * b.data);
  }
  tanh(a: V): V {
    return this.push(this.g.addOp(OpCode.tanh, a.id), 'tanh', [a], Math.tanh(a.data));
  }
  name(v: V, name: string): V {
    this.g.setName(v.id, name);
    return v;
  }
  scenario(out: V, mode?: BackwardMode): Scenario {
    const source = { name: 'twin', text: '' };
    return makeScenario({ source, title: 'twin', graph: this.g, output: out.id, mode });
  }
  private push(id: number, op: V['op'], prev: V[], data: number): V {
    const v: V = { id, op, prev, data, grad: 0 };
    this.values.push(v);
    return v;
  }
}
