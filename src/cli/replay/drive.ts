import {
  type Action,
  type ExpectResult,
  narrate,
  nextPosition,
  type Prediction,
  parseStep,
  reduce,
  type SessionState,
  type StepInfo,
  shapeOf,
  stepName,
  walkthroughAt,
} from '../../session/index.js';
import { type Answers, answerKey } from '../answers.js';
import type { ReplayKey } from './keys.js';

/** A prediction as the transcript tells it: the question, the answer given, the value, the verdict. */
export interface AskedPrediction {
  readonly prediction: Prediction;
  /** null: skipped (no answer given). */
  readonly answer: number | null;
  readonly actual: number;
  readonly ok: boolean;
}

/** One block of a transcript: where the cursor went and what the step there tells. */
export interface ReplayBlock {
  /** The step name before the move, or undefined for a single step forward or the opening block. */
  readonly from?: string;
  readonly to: string;
  /** The step that ran last at `to`; none at `start`. */
  readonly step?: StepInfo;
  readonly narration: readonly string[];
  readonly say: readonly string[];
  readonly expects: readonly ExpectResult[];
  /** The predictions asked just before this step, answered, and revealed by it. */
  readonly predictions: readonly AskedPrediction[];
  /** Autoplay stops here (a walkthrough pause): a break for discussion in a handout. */
  readonly pause: boolean;
}

/** What to replay: every step, single steps up to a step, or keys. */
export type Plan =
  | { readonly kind: 'all' }
  | { readonly kind: 'to'; readonly position: number }
  | { readonly kind: 'keys'; readonly keys: readonly ReplayKey[] };

/** A step name or node for `--to` and `:STEP`, as a position or a message. */
export function positionOf(
  state: SessionState,
  text: string,
): number | { message: string; hint?: string } {
  const found = parseStep(state, text);
  return 'position' in found ? found.position : found;
}

/** Where the blocks go, one at a time as the session steps; nothing is kept. */
export type BlockSink = (block: ReplayBlock) => void;

/**
 * The goto targets of a keys plan, checked before anything runs (step names depend only on the
 * graph, not on where the cursor is): a transcript is printed as it is produced, so a bad name
 * must stop it before its first line.
 */
export function gotoTargets(
  initial: SessionState,
  plan: Plan,
): Map<string, number> | { message: string; hint?: string } {
  const targets = new Map<string, number>();
  if (plan.kind !== 'keys') return targets;
  for (const key of plan.keys) {
    if (key.kind === 'quit') break;
    if (key.kind !== 'goto') continue;
    const target = positionOf(initial, key.step);
    if (typeof target !== 'number') return target;
    targets.set(key.step, target);
  }
  return targets;
}

export interface DriveOptions {
  readonly precision: number | undefined;
  /** Narration costs a string per contribution: skipped when the format does not print it. */
  readonly narrate: boolean;
  readonly targets: ReadonlyMap<string, number>;
  /** Answers to the predictions, by `answerKey` (a question without one is skipped). */
  readonly answers?: Answers;
}

/**
 * Runs the plan on a fresh session, handing each block to `emit`; gives the final session. Where
 * the session stops to ask a prediction, the answer comes from `options.answers` (none: skipped),
 * and the step that settles the value runs.
 */
export function drive(
  initial: SessionState,
  plan: Plan,
  options: DriveOptions,
  emit: BlockSink,
): SessionState {
  let state = initial;
  const opening = walkthroughAt(state, 0);
  if (plan.kind !== 'keys' && opening.say.length > 0) {
    const none = { narration: [], expects: [], predictions: [] };
    emit({ to: 'start', say: opening.say, pause: opening.pause, ...none });
  }
  const record = (next: SessionState, single: boolean, asked: readonly number[]) => {
    const still = next.position === state.position;
    state = next;
    if (still || next.last === undefined) return;
    const { from, to, step } = next.last;
    const moved = single && to === nextPosition(next, from) ? undefined : stepName(next, from);
    const here = walkthroughAt(next, to);
    emit({
      from: moved,
      to: stepName(next, to),
      step,
      narration:
        step === undefined || !options.narrate ? [] : narrate(next, step, options.precision),
      say: here.say,
      expects: next.last.expects,
      predictions: asked.map((i) => askedPrediction(next, i)),
      pause: here.pause,
    });
  };
  const apply = (action: Action, single: boolean) => {
    record(reduce(state, action), single, []);
    const asked: number[] = [];
    while (state.asking !== undefined) {
      const p = state.predictions[state.asking];
      asked.push(state.asking);
      const value = options.answers?.get(answerKey(p.node, p.field)) ?? null;
      record(reduce(state, { type: 'answer', value }), true, asked);
    }
  };
  if (plan.kind === 'all')
    while (state.position < shapeOf(state).total) apply({ type: 'next' }, true);
  while (plan.kind === 'to' && state.position < plan.position) {
    // A whole iteration would pass a step inside it: the last ones are taken one at a time.
    const p = state.position;
    const whole = nextPosition(state, p) > plan.position;
    apply(whole ? { type: 'goto', step: p + 1 } : { type: 'next' }, true);
  }
  if (plan.kind === 'keys') {
    for (const key of plan.keys) {
      if (key.kind === 'quit') break;
      if (key.kind === 'action') apply({ type: key.action }, key.action === 'next');
      if (key.kind === 'goto')
        apply({ type: 'goto', step: options.targets.get(key.step) ?? 0 }, false);
    }
  }
  return state;
}

function askedPrediction(state: SessionState, i: number): AskedPrediction {
  const result = state.answers[i];
  return {
    prediction: state.predictions[i],
    answer: result?.answer ?? null,
    actual: result?.actual ?? Number.NaN,
    ok: result?.ok ?? false,
  };
}
