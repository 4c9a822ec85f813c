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
  /** The expects of the step `to`, checked there (not those of steps a jump passed). */
  readonly expects: readonly ExpectResult[];
  /** Every expect that failed on the way, with the name of its own step (for stderr). */
  readonly failed: readonly { readonly step: string; readonly expect: ExpectResult }[];
  /** The predictions asked just before this step, answered, and revealed by it. */
  readonly predictions: readonly AskedPrediction[];
  /** Autoplay stops here (a walkthrough pause): a break for discussion in a handout. */
  readonly pause: boolean;
}

/** What to replay without keys: every step, or single steps up to a step. */
export type Plan = { readonly kind: 'all' } | { readonly kind: 'to'; readonly position: number };

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

export interface BlockOptions {
  readonly precision: number | undefined;
  /** Narration costs a string per contribution: skipped when the format does not print it. */
  readonly narrate: boolean;
}

export interface DriveOptions extends BlockOptions {
  /** Answers to the predictions, by `answerKey` (a question without one is skipped). */
  readonly answers?: Answers;
}

/** The answer `--answers` gives to a prediction, or null (skipped). */
export function answerOf(answers: Answers | undefined, p: Prediction): number | null {
  return answers?.get(answerKey(p.node, p.field)) ?? null;
}

/**
 * The block for the move from `prev` to `next`, or undefined when the cursor did not move. A
 * single step forward (`single`) is headed by its step alone, any other move `FROM → TO`; the
 * predictions are those the step revealed.
 */
export function blockOf(
  prev: SessionState,
  next: SessionState,
  single: boolean,
  options: BlockOptions,
): ReplayBlock | undefined {
  if (next.position === prev.position || next.last === undefined) return undefined;
  const { from, to, step } = next.last;
  const here = walkthroughAt(next, to);
  const revealed = next.predictions.flatMap((p, i) =>
    p.position === to &&
    prev.answers[i]?.actual === undefined &&
    next.answers[i]?.actual !== undefined
      ? [askedPrediction(next, i)]
      : [],
  );
  return {
    from: single && to === nextPosition(next, from) ? undefined : stepName(next, from),
    to: stepName(next, to),
    step,
    narration: step === undefined || !options.narrate ? [] : narrate(next, step, options.precision),
    say: here.say,
    expects: next.last.expects.filter((e) => e.position === to),
    failed: next.last.expects
      .filter((e) => !e.ok)
      .map((expect) => ({ step: stepName(next, expect.position), expect })),
    predictions: revealed,
    pause: here.pause,
  };
}

/**
 * Runs every step, or single steps to a position, on a fresh session, handing each block to
 * `emit`; gives the final session. Where the session stops to ask a prediction, the answer comes
 * from `options.answers` (none: skipped), and the step that settles the value runs.
 */
export function drive(
  initial: SessionState,
  plan: Plan,
  options: DriveOptions,
  emit: BlockSink,
): SessionState {
  let state = initial;
  const opening = walkthroughAt(state, 0);
  if (opening.say.length > 0) {
    const none = { narration: [], expects: [], failed: [], predictions: [] };
    emit({ to: 'start', say: opening.say, pause: opening.pause, ...none });
  }
  const apply = (action: Action) => {
    let next = reduce(state, action);
    while (next.asking !== undefined) {
      const value = answerOf(options.answers, next.predictions[next.asking]);
      next = reduce(next, { type: 'answer', value });
    }
    const block = blockOf(state, next, true, options);
    state = next;
    if (block !== undefined) emit(block);
  };
  const last = plan.kind === 'to' ? plan.position : shapeOf(state).total;
  while (state.position < last) {
    // A whole iteration would pass a step inside it: the last ones are taken one at a time.
    const p = state.position;
    const whole = nextPosition(state, p) > last;
    apply(whole ? { type: 'goto', step: p + 1 } : { type: 'next' });
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

// Types only: the ui layer is loaded by the command, on demand.
type Ui = typeof import('../../ui/index.js');
type AppState = import('../../ui/index.js').AppState;
type KeyPress = import('../../ui/index.js').KeyPress;

/**
 * `--keys`: the keys pressed in the app as in the TUI (its modes decide what each does), a block
 * for every move they make, up to the key that quits. Gives the final session.
 */
export function driveKeys(
  pressKeys: Ui['pressKeys'],
  app: AppState,
  presses: readonly KeyPress[],
  options: DriveOptions,
  emit: BlockSink,
): SessionState {
  const { state } = pressKeys(app, presses, {
    answer: (p) => answerOf(options.answers, p),
    onInput: (before, after) => {
      const action = after.session.last?.action;
      const single = action === 'next' || action === 'answer';
      const block = blockOf(before.session, after.session, single, options);
      if (block !== undefined) emit(block);
    },
  });
  return state.session;
}
