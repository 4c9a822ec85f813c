import { type Graph, OpCode } from '../engine/index.js';
import { evaluateShown } from './evaluate.js';
import { modeNote } from './mode-notes.js';
import { DEFAULT_PRECISION, formatNumber } from './number-text.js';
import { timelineOf } from './seek.js';
import { agrees, MAX_DIGITS } from './shown.js';
import type { Timeline } from './timeline.js';
import type { Contribution, SessionState, StepInfo } from './types.js';

/**
 * The step as text with the real numbers: one line for a forward step and for B0, one per
 * contribution for a backward step, e.g.
 * `xy = x * y = 2 × 3 = 6` and
 * `xy.grad += (1 - tanh_xy²) · tanh_xy.grad = (1 - 0.9999877117²) × 1 = 2.4577e-5   (0 → 2.4577e-5)`:
 * every rule is written twice, with names and with the numbers put in, and the operands get as many
 * digits as the line needs to check by hand (see shown.ts); a constant that receives a grad is
 * written `#ID` (`#3.grad += …`), an operand constant by its value.
 */
export function narrate(
  state: SessionState,
  step: StepInfo,
  precision = DEFAULT_PRECISION,
): string[] {
  const tl = timelineOf(state);
  const num = (x: number) => formatNumber(x, precision);
  if (step.phase === 'forward') return [forwardText(tl, step.node, precision)];
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
  const lines = backwardLines(state, step, precision);
  return note === undefined ? lines : [...lines, note];
}

function backwardLines(state: SessionState, step: StepInfo, precision: number): string[] {
  const tl = timelineOf(state);
  if (step.phase === 'reseed') return [`${receiver(tl, step.node)}.grad = 1 again`];
  if (step.phase === 'zero') {
    let others = -1;
    for (let id = 0; id < tl.graph.size; id++) others += tl.cone[id];
    const out = receiver(tl, step.node);
    return [`${out}.grad = 1; the grads of the ${others} other nodes ${out} depends on = 0`];
  }
  const num = (x: number) => formatNumber(x, precision);
  const out = operandLabel(tl, step.node, num);
  return step.contributions.map((c) => {
    const rule = localRule(tl, step.node, c.slot, num);
    const arithmetic = contributionArithmetic(state, step.node, c, precision);
    return `${receiver(tl, c.to)}.grad ${c.assigned ? '=' : '+='} ${rule} · ${out}.grad = ${arithmetic}`;
  });
}

/**
 * `(1 - 0.99998771165²) × 1 = 2.4577e-5   (0 → 2.4577e-5)`: one contribution's rule with the
 * numbers put in, times the upstream grad, and how the receiver's grad changed. The narration and
 * the inspector's ledger both write contributions this way. The line holds two sums, `local ×
 * upstream = term` and `before + term = after`: the results keep `precision` if the operands can
 * be given enough digits, else the results get more too (a term that nearly cancels `before`).
 */
export function contributionArithmetic(
  state: SessionState,
  node: number,
  c: Contribution,
  precision = DEFAULT_PRECISION,
): string {
  const g = timelineOf(state).graph;
  // A custom op's derivative as the user wrote it (`sigmoid({a})`), else the op table's rule.
  const rule = g.spec(node).written?.[c.slot] ?? g.spec(node).rule[c.slot];
  const b = g.in1[node];
  const exact = {
    a: g.data[g.in0[node]],
    b: b < 0 ? 0 : g.data[b],
    out: g.data[node],
    k: g.param[node],
  };
  const keys = (Object.keys(exact) as (keyof Operands)[]).filter((key) =>
    rule.includes(`{${key}}`),
  );
  const last = Math.max(precision, MAX_DIGITS);
  for (let results = precision; results <= last; results++) {
    const term = formatNumber(c.term, results);
    const after = formatNumber(c.after, results);
    for (let digits = results; digits <= last; digits++) {
      const shown: Operands = { a: '', b: '', out: '', k: '' };
      for (const key of keys) shown[key] = formatNumber(exact[key], digits);
      const local = substitute(rule, shown, true);
      const upstream = formatNumber(c.upstream, digits);
      const before = formatNumber(c.before, digits);
      // The rule is evaluated as written, so the check is the reader's, not the engine's.
      const value = evaluateShown(local) ?? c.local;
      // A grad overwritten (`=`, a backward-mode bug) is the term itself: no sum to check.
      const sum = c.assigned || agrees(Number(before) + Number(term), after);
      if (agrees(value * Number(upstream), term) && sum) {
        const change = c.assigned ? `overwrote ${before}` : `${before} → ${after}`;
        return `${local} × ${signed(upstream)} = ${term}   (${change})`;
      }
    }
  }
  const num = (x: number) => formatNumber(x, precision);
  const shown = { a: num(exact.a), b: num(exact.b), out: num(exact.out), k: num(exact.k) };
  const change = c.assigned ? `overwrote ${num(c.before)}` : `${num(c.before)} → ${num(c.after)}`;
  return `${substitute(rule, shown, true)} × ${signed(num(c.upstream))} ≈ ${num(c.term)}   (${change})`;
}

/** `xy = x * y = 2 × 3 = 6`: an op node's forward step in names and in numbers. */
export function forwardText(tl: Timeline, id: number, precision = DEFAULT_PRECISION): string {
  const g = tl.graph;
  const spec = g.spec(id);
  const a = g.in0[id];
  const b = g.in1[id];
  const result = formatNumber(g.data[id], precision);
  // The operands get the digits their result needs (see shown.ts).
  let digits: number | undefined;
  for (let d = precision; d <= Math.max(precision, MAX_DIGITS) && digits === undefined; d++) {
    const x = Number(formatNumber(g.data[a], d));
    const y = b < 0 ? 0 : Number(formatNumber(g.data[b], d));
    if (agrees(spec.forward(x, y, g.param[id]), result)) digits = d;
  }
  const num = (x: number) => formatNumber(x, digits ?? precision);
  // A negative number after an operator is wrapped, as a reader writes it: `1.5 - (-0.5)`.
  const first = spec.syntax === 'prefix' || spec.code === OpCode.pow;
  const left = first ? signed(num(g.data[a])) : num(g.data[a]);
  const times = spec.code === OpCode.mul ? '×' : spec.symbol;
  const numeric = writeOp(tl, id, left, b < 0 ? '' : signed(num(g.data[b])), times, num);
  const equals = digits === undefined ? '≈' : '=';
  return `${formulaText(tl, id, digits ?? precision)} = ${numeric} ${equals} ${result}`;
}

/** `xy = x * y`: an op node in names (just `x * y` when that is already its label). */
export function formulaText(tl: Timeline, id: number, precision = DEFAULT_PRECISION): string {
  const g = tl.graph;
  const num = (x: number) => formatNumber(x, precision);
  const name = (n: number) => operandLabel(tl, n, num);
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
  if (spec.code === OpCode.pow) return `${x} ** ${signed(num(tl.graph.param[id]))}`;
  if (spec.syntax === 'infix') return `${x} ${times} ${y}`;
  if (spec.syntax === 'prefix') return `${spec.symbol}${x}`;
  // An operand already in parentheses needs no second pair: `relu(b + a)`.
  return x.startsWith('(') ? `${spec.symbol}${x}` : `${spec.symbol}(${x})`;
}

/** The local derivative of `node` for its input `slot`, in the node's names: `(1 - n²)`. */
export function localRule(
  tl: Timeline,
  node: number,
  slot: number,
  num: (x: number) => string,
): string {
  const names = operandNames(tl, node, (id) => operandLabel(tl, id, num), num);
  return substitute(tl.graph.spec(node).rule[slot], names, false);
}

type Operands = Record<'a' | 'b' | 'out' | 'k', string>;

/** What the rule's `{a}`, `{b}`, `{out}` and `{k}` stand for: names, or numbers. */
function operandNames(
  source: Timeline | Graph,
  node: number,
  operand: (id: number) => string,
  num: (x: number) => string,
): Operands {
  const g = 'graph' in source ? source.graph : source;
  return {
    a: operand(g.in0[node]),
    b: g.in1[node] < 0 ? '' : operand(g.in1[node]),
    out: operand(node),
    k: num(g.param[node]),
  };
}

/**
 * A rule template with its operands put in. With numbers, a negative one inside a formula is
 * wrapped (`1/(-1.5)`, `-(-2)/4²`); a rule that is one operand stays bare (`-2`), and so does one
 * that is alone in a call's parentheses (`exp(-0.4)`).
 */
function substitute(template: string, operands: Operands, numbers: boolean): string {
  const whole = /^\{(a|b|out|k)\}$/.test(template);
  return template.replace(
    /\{(a|b|out|k)\}/g,
    (match, key: keyof Operands, at: number, text: string) => {
      const bare = whole || (text[at - 1] === '(' && text[at + match.length] === ')');
      return numbers && !bare ? signed(operands[key]) : operands[key];
    },
  );
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
  if (tl.graph.op[id] === OpCode.constant) return signed(num(tl.graph.data[id]));
  const label = tl.scenario.labelOf(id);
  return /^(#\d+|[\p{L}_][\p{L}\p{N}_]*)$/u.test(label) ? label : wrap(label);
}

const wrap = (text: string) => `(${text})`;
/** A number after an operator: negative ones in parentheses. */
const signed = (text: string) => (text.startsWith('-') ? wrap(text) : text);
