/**
 * Predict-then-reveal: questions about a node's value, each asked just before the step that
 * settles it (the session stops there), answered or skipped, then checked once the step has run.
 */
import { DEFAULT_PREDICTION_TOLERANCE, positionOf } from '../scenario/index.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { Position, Prediction, PredictionResult, Quiz, SessionState } from './types.js';

/** Predictions by the position of the step that settles them, once per prediction list. */
const indexes = new WeakMap<readonly Prediction[], Map<Position, number[]>>();

export function predictionIndex(predictions: readonly Prediction[]): Map<Position, number[]> {
  let index = indexes.get(predictions);
  if (index !== undefined) return index;
  index = new Map();
  predictions.forEach((p, i) => {
    const list = index.get(p.position);
    if (list === undefined) index.set(p.position, [i]);
    else list.push(i);
  });
  indexes.set(predictions, index);
  return index;
}

/**
 * The walkthrough's predictions, then the quiz's (`backward`: every grad a backward step
 * settles; `forward`: every forward step's data) for values the walkthrough does not ask about.
 */
export function predictionsOf(tl: Timeline, quiz: Quiz | undefined): Prediction[] {
  const predictions: Prediction[] = [];
  const asked = new Set<string>();
  tl.scenario.walkthrough.forEach((item, i) => {
    if (item.predict === undefined) return;
    const { node, field, tol, hint } = item.predict;
    // The scenario attached the item to the step that settles the value.
    predictions.push({ node, field, tol, hint, position: positionOf(tl, item.at), item: i });
    asked.add(`${node}.${field}`);
  });
  const add = (node: number, field: 'data' | 'grad', position: Position) => {
    if (asked.has(`${node}.${field}`)) return;
    asked.add(`${node}.${field}`);
    predictions.push({ node, field, tol: DEFAULT_PREDICTION_TOLERANCE, position });
  };
  if (quiz === 'forward') for (let k = 1; k <= tl.forwardCount; k++) add(tl.nodeOf(k), 'data', k);
  if (quiz === 'backward') {
    const settles = tl.settlePositions();
    for (let j = 1; j <= tl.backwardIds.length; j++) {
      const position = tl.zeroPosition + j;
      for (const input of tl.graph.inputsOf(tl.nodeOf(position))) {
        if (settles[input] === position) add(input, 'grad', position);
      }
    }
  }
  return predictions.sort((a, b) => a.position - b.position);
}

/**
 * The state with the walkthrough's questions (and the quiz's) still to ask, as a session created
 * with `ask` has them: the cursor then stops before each settling step until answered or skipped.
 */
export function askingQuestions(state: SessionState, quiz?: Quiz): SessionState {
  const predictions = predictionsOf(timelineOf(state), quiz);
  return { ...state, predictions, answers: predictions.map(() => undefined), asking: undefined };
}

/** The first prediction at `position` not yet answered or skipped. */
export function openPredictionAt(state: SessionState, position: Position): number | undefined {
  const at = predictionIndex(state.predictions).get(position);
  return at?.find((i) => state.answers[i] === undefined);
}

/** How far an answer may be from the value and still be right: max(tol · |value|, 1e-6). */
export function allowedError(prediction: Prediction, actual: number): number {
  return Math.max(prediction.tol * Math.abs(actual), 1e-6);
}

/** Whether the answer is within allowedError of the value. */
export function isRight(prediction: Prediction, answer: number | null, actual: number): boolean {
  if (answer === null) return false;
  if (Object.is(answer, actual)) return true;
  return Math.abs(answer - actual) <= allowedError(prediction, actual);
}

/** Fills in the value and verdict of the answers given for the step that just ran at `position`. */
export function revealAt(
  tl: Timeline,
  state: SessionState,
  position: Position,
): readonly (PredictionResult | undefined)[] {
  const at = predictionIndex(state.predictions).get(position);
  if (at === undefined || !at.some((i) => state.answers[i]?.actual === undefined)) {
    return state.answers;
  }
  const answers = [...state.answers];
  for (const i of at) {
    const given = answers[i];
    if (given === undefined || given.actual !== undefined) continue;
    const p = state.predictions[i];
    const actual = p.field === 'data' ? tl.graph.data[p.node] : tl.graph.grad[p.node];
    answers[i] = { ...given, actual, ok: isRight(p, given.answer, actual) };
  }
  return answers;
}

/** Right answers, questions asked (answered or skipped) and skipped ones so far. */
export function scoreOf(state: SessionState): { right: number; asked: number; skipped: number } {
  let right = 0;
  let asked = 0;
  let skipped = 0;
  for (const a of state.answers) {
    if (a === undefined) continue;
    asked++;
    if (a.answer === null) skipped++;
    else if (a.ok) right++;
  }
  return { right, asked, skipped };
}

/** Predictions by node and field (`id * 2`, `+ 1` for grad), once per prediction list. */
const byValue = new WeakMap<readonly Prediction[], Map<number, number[]>>();

function valueKey(node: number, field: 'data' | 'grad'): number {
  return node * 2 + (field === 'grad' ? 1 : 0);
}

/**
 * Whether a question about the node's `field` still waits for the step that settles it. Until
 * that step has run, a screen shows the value as unknown, and nothing that gives it away.
 */
export function isAwaited(state: SessionState, node: number, field: 'data' | 'grad'): boolean {
  if (state.predictions.length === 0) return false;
  let index = byValue.get(state.predictions);
  if (index === undefined) {
    index = new Map();
    for (const [i, p] of state.predictions.entries()) {
      const key = valueKey(p.node, p.field);
      const list = index.get(key);
      if (list === undefined) index.set(key, [i]);
      else list.push(i);
    }
    byValue.set(state.predictions, index);
  }
  return (index.get(valueKey(node, field)) ?? []).some(
    (i) => state.answers[i]?.actual === undefined,
  );
}

/** The predictions the step at `position` settled, answered or skipped, once it has run. */
export function revealedAt(state: SessionState, position: Position): number[] {
  const at = predictionIndex(state.predictions).get(position) ?? [];
  return at.filter((i) => state.answers[i]?.actual !== undefined);
}

/**
 * A new session's questions answered as `from` answered them, matched by the value asked about
 * (a node's label and the field): a reloaded scenario does not ask them again, and each is
 * checked afresh when its step runs.
 */
export function carryAnswers(state: SessionState, from: SessionState): SessionState {
  const label = (s: SessionState, node: number) => timelineOf(s).scenario.labelOf(node);
  const given = new Map<string, number | null>();
  from.predictions.forEach((p, i) => {
    const a = from.answers[i];
    if (a !== undefined) given.set(`${label(from, p.node)}.${p.field}`, a.answer);
  });
  if (given.size === 0) return state;
  const answers = state.predictions.map((p, i) => {
    const answer = given.get(`${label(state, p.node)}.${p.field}`);
    return answer === undefined ? state.answers[i] : { answer, ok: false };
  });
  return { ...state, answers };
}
