/**
 * The user's own values (a scenario's `observed:` block) against gradstep's: which nodes differ,
 * and the first place where they part, named the way a person debugs a backward(): data in
 * forward order, then grads in the order backward makes them final, with the local rule that
 * gradstep applied there. A node's grad is final once its last consumer has run; by then every
 * consumer's own grad was compared, so the first grad that differs points at its consumers' rules.
 */
import { backward, localDerivative, OpCode } from '../engine/index.js';
import { GIVEN_DATA, GIVEN_GRAD, type Observed } from '../scenario/index.js';
import { formulaText, forwardText, localRule, receiver } from './narrate.js';
import { DEFAULT_PRECISION, formatNumber } from './number-text.js';
import type { Timeline } from './timeline.js';

/** Bits of `ObservedReport.differs`. */
export const DIFFERS_DATA = 1;
export const DIFFERS_GRAD = 2;

export interface ObservedMismatch {
  readonly node: number;
  readonly field: 'data' | 'grad';
  readonly yours: number;
  readonly correct: number;
  /** `n = tanh(x): your grad on x is 0.3; (1 - n²) · n.grad = 0.5 × 1 = 0.5` */
  readonly text: string;
}

export interface ObservedReport {
  /** How many values (data and grads) were compared. */
  readonly compared: number;
  /** Per node: DIFFERS_DATA, DIFFERS_GRAD. */
  readonly differs: Uint8Array;
  /** Nodes with a value that differs. */
  readonly count: number;
  /** gradstep's final grads, by node id, whatever step the session is at. */
  readonly correctGrad: Float64Array;
  /** gradstep's data, by node id, as it was when compared. */
  readonly correctData: Float64Array;
  readonly firstData?: ObservedMismatch;
  readonly firstGrad?: ObservedMismatch;
  /** The sentence for any node's data or grad, as the first ones are worded. */
  explain(id: number, field: 'data' | 'grad'): ObservedMismatch;
}

/** Whether the user's value is gradstep's, within tol (NaN agrees with NaN, ∞ with itself). */
export function agrees(yours: number, correct: number, tol: number): boolean {
  if (yours === correct || (Number.isNaN(yours) && Number.isNaN(correct))) return true;
  return Math.abs(yours - correct) <= tol + tol * Math.abs(correct);
}

export function compareObserved(
  tl: Timeline,
  observed: Observed,
  precision = DEFAULT_PRECISION,
): ObservedReport {
  const g = tl.graph;
  const correctGrad = finalGrads(tl);
  const differs = new Uint8Array(g.size);
  let compared = 0;
  let count = 0;
  for (let id = 0; id < g.size; id++) {
    const given = observed.given[id];
    if (given & GIVEN_DATA && !agrees(observed.data[id], g.data[id], observed.tol))
      differs[id] |= DIFFERS_DATA;
    if (given & GIVEN_GRAD && !agrees(observed.grad[id], correctGrad[id], observed.tol))
      differs[id] |= DIFFERS_GRAD;
    compared += (given & GIVEN_DATA ? 1 : 0) + (given & GIVEN_GRAD ? 1 : 0);
    if (differs[id] !== 0) count++;
  }
  const text = new MismatchText(tl, observed, correctGrad, precision);
  const dataAt = differs.findIndex((d) => (d & DIFFERS_DATA) !== 0);
  const gradAt = firstGradMismatch(tl, differs);
  return {
    compared,
    differs,
    count,
    correctGrad,
    correctData: g.data.slice(0, g.size),
    firstData: dataAt === -1 ? undefined : text.data(dataAt),
    firstGrad: gradAt === undefined ? undefined : text.grad(gradAt),
    explain: (id, field) => (field === 'data' ? text.data(id) : text.grad(id)),
  };
}

/** The final grads, computed on the side: the timeline's own arrays stay at its cursor. */
function finalGrads(tl: Timeline): Float64Array {
  const g = tl.graph;
  const saved = g.grad.slice(0, g.size);
  backward(g, tl.output, tl.cone);
  const result = g.grad.slice(0, g.size);
  g.grad.set(saved);
  return result;
}

/**
 * The first node whose grad differs, in the order backward finishes grads: the output at B0, then
 * at each step the inputs it finishes; nodes outside the cone come last.
 */
function firstGradMismatch(tl: Timeline, differs: Uint8Array): number | undefined {
  const g = tl.graph;
  const wrong = (id: number) => (differs[id] & DIFFERS_GRAD) !== 0;
  if (wrong(tl.output)) return tl.output;
  const finalAt = finalPositions(tl);
  for (let j = 0; j < tl.backwardIds.length; j++) {
    const node = tl.backwardIds[j];
    for (const input of [g.in0[node], g.in1[node]]) {
      if (input >= 0 && finalAt[input] === tl.zeroPosition + j + 1 && wrong(input)) return input;
    }
  }
  for (let id = g.size - 1; id >= 0; id--) if (tl.cone[id] === 0 && wrong(id)) return id;
  return undefined;
}

/**
 * The position after which each node's grad is final: B0 for the output, else the backward step
 * of its last consumer (steps run in backward order, so the last one that names it); total + 1
 * for nodes outside the cone.
 */
export function finalPositions(tl: Timeline): Int32Array {
  const g = tl.graph;
  const at = new Int32Array(g.size).fill(tl.total + 1);
  at[tl.output] = tl.zeroPosition;
  tl.backwardIds.forEach((node, j) => {
    for (const input of [g.in0[node], g.in1[node]]) {
      if (input >= 0) at[input] = tl.zeroPosition + j + 1;
    }
  });
  return at;
}

/** The sentences of a mismatch, with enough digits that yours and gradstep's visibly differ. */
class MismatchText {
  constructor(
    private readonly tl: Timeline,
    private readonly observed: Observed,
    private readonly correctGrad: Float64Array,
    private readonly precision: number,
  ) {}

  data(id: number): ObservedMismatch {
    const { tl } = this;
    const yours = this.observed.data[id];
    const correct = tl.graph.data[id];
    const p = this.digits(yours, correct);
    const name = receiver(tl, id);
    const how =
      tl.graph.op[id] <= OpCode.constant
        ? `the scenario has ${name} = ${formatNumber(correct, p)}`
        : forwardText(tl, id, p);
    const text = `your data on ${name} is ${formatNumber(yours, p)}; ${how}`;
    return { node: id, field: 'data', yours, correct, text };
  }

  grad(id: number): ObservedMismatch {
    const { tl } = this;
    const g = tl.graph;
    const yours = this.observed.grad[id];
    const correct = this.correctGrad[id];
    const p = this.digits(yours, correct);
    const num = (x: number) => formatNumber(x, p);
    const name = receiver(tl, id);
    const yourText = `your grad on ${name} is ${num(yours)}`;
    if (id === tl.output) {
      return {
        node: id,
        field: 'grad',
        yours,
        correct,
        text: `${name} is the output: ${yourText}; backward starts with ${name}.grad = 1`,
      };
    }
    const consumers: string[] = [];
    const rules: string[] = [];
    const terms: string[] = [];
    for (const node of tl.backwardIds) {
      const slots = [0, 1].filter((s) => (s === 0 ? g.in0[node] : g.in1[node]) === id);
      if (slots.length === 0) continue;
      consumers.push(formulaText(tl, node, p));
      for (const slot of slots) {
        rules.push(`${localRule(tl, node, slot, num)} · ${receiver(tl, node)}.grad`);
        terms.push(`${num(localDerivative(g, node, slot))} × ${num(this.correctGrad[node])}`);
      }
    }
    const where =
      consumers.length === 0
        ? `${name} is used by no node the output depends on`
        : consumers.join(' and ');
    const expected =
      rules.length === 0
        ? `its grad is ${num(correct)}`
        : `${rules.join(' + ')} = ${terms.join(' + ')} = ${num(correct)}`;
    return { node: id, field: 'grad', yours, correct, text: `${where}: ${yourText}; ${expected}` };
  }

  /** From the session's precision up, the fewest digits that tell the two values apart. */
  private digits(yours: number, correct: number): number {
    let p = this.precision;
    while (p < 17 && formatNumber(yours, p) === formatNumber(correct, p)) p++;
    return p;
  }
}
