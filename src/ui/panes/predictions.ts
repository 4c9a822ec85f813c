/**
 * Predict-then-reveal as the TUI words it (the HTML page's words): the question being asked with
 * its hint, the verdict on each question the step just settled, and the score. Whether an answer
 * is right, the value and how close counts all come from the session.
 */
import {
  allowedError,
  formatNumber,
  formatValue,
  type Prediction,
  revealedAt,
  type SessionState,
  scenarioOf,
  scoreOf,
  stepName,
} from '../../session/index.js';
import type { ScreenModel } from '../screen-model.js';
import { painter, wrap } from '../text.js';

/** `n.grad`: the value a question asks for. */
export function questionText(session: SessionState, p: Prediction): string {
  return `${scenarioOf(session).labelOf(p.node)}.${p.field}`;
}

/** The footer prompt's label while a question is asked: `Predict n.grad: `. */
export function promptLabel(session: SessionState, p: Prediction): string {
  return `Predict ${questionText(session, p)}: `;
}

/**
 * While the session asks: the question, when its value will show, the hint, and how to answer,
 * for the top of the step panel (the footer holds the one-line input).
 */
export function questionLines(model: ScreenModel, width: number): string[] {
  const { session } = model;
  if (session.asking === undefined) return [];
  const paint = painter(model.color);
  const p = session.predictions[session.asking];
  const when = stepName(session, p.position);
  const lines = wrap(
    `? Predict ${questionText(session, p)}: its value once ${when} has run`,
    width,
  );
  const out = lines.map((line) => paint('current', line));
  if (p.hint !== undefined && p.hint !== '') out.push(...wrap(`hint: ${p.hint}`, width));
  const how = 'type a number below and ⏎, or esc to skip';
  out.push(...wrap(how, width).map((line) => paint('dim', line)), '');
  return out;
}

/**
 * The verdicts on the questions the step at the cursor settled: `✓ right: you predicted n.grad =
 * 0.5; it is 0.50000`, `✗ not quite: … (right within ±0.0050)`, `skipped: n.grad is 0.50000`.
 */
export function verdictLines(model: ScreenModel, width: number): string[] {
  const { session, precision } = model;
  const paint = painter(model.color);
  return revealedAt(session, session.position).flatMap((i) => {
    const p = session.predictions[i];
    const { answer, actual, ok } = session.answers[i] ?? { answer: null, ok: false };
    const question = questionText(session, p);
    const value = formatValue(actual, precision);
    if (answer === null) return wrap(`skipped: ${question} is ${value}`, width);
    const said = `you predicted ${question} = ${String(answer)}; it is ${value}`;
    if (ok) return wrap(`✓ right: ${said}`, width).map((line) => paint('running', line));
    const within =
      actual === undefined ? '' : ` (right within ±${formatNumber(allowedError(p, actual), 2)})`;
    return wrap(`✗ not quite: ${said}${within}`, width).map((line) => paint('error', line));
  });
}

/**
 * `predictions 2/3 right (7 in all)`: answered right, asked so far, and all there are (`short`:
 * `predictions 2/3`); '' when nothing is asked.
 */
export function scoreText(session: SessionState, short = false): string {
  const total = session.predictions.length;
  if (total === 0) return '';
  const { right, asked } = scoreOf(session);
  return `predictions ${right}/${asked}${short ? '' : ` right (${total} in all)`}`;
}
