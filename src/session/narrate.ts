import { OpCode, opSpec } from '../engine/index.js';
import { DEFAULT_PRECISION, formatNumber } from './format.js';
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
  if (step.phase === 'forward') return [forwardLine(tl, step, num, name)];
  if (step.phase === 'zero') {
    let others = -1;
    for (let id = 0; id < tl.graph.size; id++) others += tl.cone[id];
    const out = receiver(tl, step.node);
    return [`${out}.grad = 1; the grads of the ${others} other nodes ${out} depends on = 0`];
  }
  const g = tl.graph;
  const rules = opSpec(g.op[step.node]).rule;
  const subst: Record<string, string> = {
    a: name(g.in0[step.node]),
    b: g.in1[step.node] < 0 ? '' : name(g.in1[step.node]),
    out: name(step.node),
    k: num(g.param[step.node]),
  };
  return step.contributions.map((c) => {
    const rule = rules[c.slot].replace(/\{(a|b|out|k)\}/g, (_, key: string) => subst[key]);
    const arithmetic = `${num(c.local)} × ${num(c.upstream)} = ${num(c.term)}`;
    return `${receiver(tl, c.to)}.grad += ${rule} · ${subst.out}.grad = ${arithmetic}   (${num(c.before)} → ${num(c.after)})`;
  });
}

function forwardLine(
  tl: Timeline,
  step: StepInfo,
  num: (x: number) => string,
  name: (id: number) => string,
): string {
  const g = tl.graph;
  const id = step.node;
  const spec = opSpec(g.op[id]);
  const a = g.in0[id];
  const b = g.in1[id];
  const write = (x: string, y: string, times: string): string => {
    if (spec.code === OpCode.pow) return `${x} ** ${num(g.param[id])}`;
    if (spec.syntax === 'infix') return `${x} ${times} ${y}`;
    if (spec.syntax === 'prefix') return `${spec.symbol}${x}`;
    // An operand already in parentheses needs no second pair: `relu(b + a)`.
    return x.startsWith('(') ? `${spec.symbol}${x}` : `${spec.symbol}(${x})`;
  };
  const value = (v: number) => {
    const text = num(v);
    const signed = spec.syntax === 'prefix' || spec.code === OpCode.pow;
    return signed && text.startsWith('-') ? wrap(text) : text;
  };
  const symbolic = write(name(a), b < 0 ? '' : name(b), spec.symbol);
  const numeric = write(
    value(g.data[a]),
    b < 0 ? '' : num(g.data[b]),
    spec.code === OpCode.mul ? '×' : spec.symbol,
  );
  const label = tl.scenario.labelOf(id);
  const head = label === symbolic ? symbolic : `${label} = ${symbolic}`;
  return `${head} = ${numeric} = ${num(step.data)}`;
}

/**
 * A node whose grad is written: a constant by its id, since its value reads as a number (`2.grad`
 * looks like the decimal `2.`) and two constants `2` cannot be told apart.
 */
function receiver(tl: Timeline, id: number): string {
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
