import { OpCode } from '../engine/index.js';
import { DEFAULT_PRECISION, formatNumber } from './format.js';
import { modeNote } from './mode-notes.js';
import type { Timeline } from './timeline.js';
import type { SessionState, StepInfo } from './types.js';

/**
 * The step as text with the real numbers: one line for a forward step and for B0, one per
 * contribution for a backward step, e.g.
 * `xy = x * y = 2 × 3 = 6` and
 * `x.grad += y · xy.grad = 3 × 2.4577e-5 = 7.3730e-5   (0 → 7.3730e-5)`; a constant that
 * receives a grad is written `#ID` (`#3.grad += …`), an operand constant by its value.
 */
export function narrate(
  state: SessionState,
  step: StepInfo,
  precision = DEFAULT_PRECISION,
): string[] {
  const tl = state.timeline;
  const num = (x: number) => formatNumber(x, precision);
  const name = (id: number) => operandLabel(tl, id, num);
  if (step.phase === 'forward') return [forwardLine(tl, step.node, num, name)];
  if (step.phase === 'update' && step.update !== undefined) {
    const { lr, grad, before, after } = step.update;
    const p = receiver(tl, step.node);
    return [
      `${p}.data -= lr · ${p}.grad = ${num(lr)} × ${num(grad)} = ${num(lr * grad)}   (${num(before)} → ${num(after)})`,
    ];
  }
  if (step.phase === 'iteration') {
    const updates = tl.training?.params.length ?? 0;
    const loss = receiver(tl, tl.output);
    return [
      `iteration ${step.iteration}: forward, zero grads, backward, ${updates} update${updates === 1 ? '' : 's'}; ${loss} = ${num(step.data)}`,
    ];
  }
  const note = modeNote(state, step);
  const lines = backwardLines(state, step, num, name);
  return note === undefined ? lines : [...lines, note];
}

function backwardLines(
  state: SessionState,
  step: StepInfo,
  num: (x: number) => string,
  name: (id: number) => string,
): string[] {
  const tl = state.timeline;
  if (step.phase === 'reseed') return [`${receiver(tl, step.node)}.grad = 1 again`];
  if (step.phase === 'zero') {
    let others = -1;
    for (let id = 0; id < tl.graph.size; id++) others += tl.cone[id];
    const out = receiver(tl, step.node);
    return [`${out}.grad = 1; the grads of the ${others} other nodes ${out} depends on = 0`];
  }
  const out = name(step.node);
  return step.contributions.map((c) => {
    const rule = localRule(tl, step.node, c.slot, num);
    const local = writtenLocal(tl, step.node, c.slot, num) ?? num(c.local);
    const arithmetic = `${local} × ${num(c.upstream)} = ${num(c.term)}`;
    const change = c.assigned ? `overwrote ${num(c.before)}` : `${num(c.before)} → ${num(c.after)}`;
    return `${receiver(tl, c.to)}.grad ${c.assigned ? '=' : '+='} ${rule} · ${out}.grad = ${arithmetic}   (${change})`;
  });
}

/** A custom op's derivative as the user wrote it, with the numbers put in: `sigmoid(0.5)`. */
function writtenLocal(
  tl: Timeline,
  node: number,
  slot: number,
  num: (x: number) => string,
): string | undefined {
  const g = tl.graph;
  const template = g.spec(node).written?.[slot];
  // A negative value gets parentheses unless it already sits in a call's: exp(-0.4).
  return template?.replace(/\{(a|b|out)\}/g, (match, key: string, at: number, text: string) => {
    const value = num(g.data[key === 'a' ? g.in0[node] : key === 'b' ? g.in1[node] : node]);
    const bare = text[at - 1] === '(' && text[at + match.length] === ')';
    return value.startsWith('-') && !bare ? wrap(value) : value;
  });
}

/** The local derivative of `node` for its input `slot`, in the node's names: `(1 - n²)`. */
export function localRule(
  tl: Timeline,
  node: number,
  slot: number,
  num: (x: number) => string,
): string {
  const g = tl.graph;
  const name = (id: number) => operandLabel(tl, id, num);
  const subst: Record<string, string> = {
    a: name(g.in0[node]),
    b: g.in1[node] < 0 ? '' : name(g.in1[node]),
    out: name(node),
    k: num(g.param[node]),
  };
  return g.spec(node).rule[slot].replace(/\{(a|b|out|k)\}/g, (_, key: string) => subst[key]);
}

/** `xy = x * y = 2 × 3 = 6`: an op node's forward step in names and in numbers. */
export function forwardText(tl: Timeline, id: number, precision = DEFAULT_PRECISION): string {
  const num = (x: number) => formatNumber(x, precision);
  return forwardLine(tl, id, num, (n) => operandLabel(tl, n, num));
}

function forwardLine(
  tl: Timeline,
  id: number,
  num: (x: number) => string,
  name: (id: number) => string,
): string {
  const g = tl.graph;
  const spec = g.spec(id);
  const a = g.in0[id];
  const b = g.in1[id];
  const value = (v: number) => {
    const text = num(v);
    const signed = spec.syntax === 'prefix' || spec.code === OpCode.pow;
    return signed && text.startsWith('-') ? wrap(text) : text;
  };
  const numeric = writeOp(
    tl,
    id,
    value(g.data[a]),
    b < 0 ? '' : num(g.data[b]),
    spec.code === OpCode.mul ? '×' : spec.symbol,
    num,
  );
  return `${formulaLine(tl, id, num, name)} = ${numeric} = ${num(g.data[id])}`;
}

/** `xy = x * y`: an op node in names (just `x * y` when that is already its label). */
export function formulaText(tl: Timeline, id: number, precision = DEFAULT_PRECISION): string {
  const num = (x: number) => formatNumber(x, precision);
  return formulaLine(tl, id, num, (n) => operandLabel(tl, n, num));
}

function formulaLine(
  tl: Timeline,
  id: number,
  num: (x: number) => string,
  name: (id: number) => string,
): string {
  const g = tl.graph;
  const b = g.in1[id];
  const symbolic = writeOp(tl, id, name(g.in0[id]), b < 0 ? '' : name(b), g.spec(id).symbol, num);
  const label = tl.scenario.labelOf(id);
  return label === symbolic ? symbolic : `${label} = ${symbolic}`;
}

/** An op written over two operand texts: infix, prefix, `**` with its exponent, or a call. */
function writeOp(
  tl: Timeline,
  id: number,
  x: string,
  y: string,
  times: string,
  num: (x: number) => string,
): string {
  const spec = tl.graph.spec(id);
  if (spec.code === OpCode.pow) return `${x} ** ${num(tl.graph.param[id])}`;
  if (spec.syntax === 'infix') return `${x} ${times} ${y}`;
  if (spec.syntax === 'prefix') return `${spec.symbol}${x}`;
  // An operand already in parentheses needs no second pair: `relu(b + a)`.
  return x.startsWith('(') ? `${spec.symbol}${x}` : `${spec.symbol}(${x})`;
}

/**
 * A node whose grad is written: a constant by its id, since its value reads as a number (`2.grad`
 * looks like the decimal `2.`) and two constants `2` cannot be told apart.
 */
export function receiver(tl: Timeline, id: number): string {
  return tl.graph.op[id] === OpCode.constant ? `#${id}` : operandLabel(tl, id, String);
}

/** A node as an operand: constants as their value, expressions in parentheses. */
function operandLabel(tl: Timeline, id: number, num: (x: number) => string): string {
  if (tl.graph.op[id] === OpCode.constant) {
    const text = num(tl.graph.data[id]);
    return text.startsWith('-') ? wrap(text) : text;
  }
  const label = tl.scenario.labelOf(id);
  return /^(#\d+|[\p{L}_][\p{L}\p{N}_]*)$/u.test(label) ? label : wrap(label);
}

const wrap = (text: string) => `(${text})`;
