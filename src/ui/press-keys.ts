/**
 * The app driven without a terminal (`replay --keys`, `replay --frames`): the same reducer as the
 * TUI, its effects run at once. Autoplay's ticks follow each other with no wait, as if the user
 * watched until autoplay stopped; quit ends the run.
 */
import type { Prediction } from '../session/index.js';
import type { AppInput, AppState } from './app-state.js';
import { tooSmall } from './geometry.js';
import { reduceApp } from './reduce-app.js';

/** A `--keys` token as written and the key names it presses (`:B3` presses `:`, `B`, `3`, enter). */
export interface KeyPress {
  readonly token: string;
  readonly keys: readonly string[];
}

export interface PressHooks {
  /** Every transition, ticks included, in order. */
  readonly onInput?: (before: AppState, after: AppState) => void;
  /** After each token's keys (and the ticks they started). */
  readonly onPress?: (state: AppState, press: KeyPress, index: number) => void;
  /**
   * The answer to type when a prediction is asked (null: Esc, skipped). Without it, keys go into
   * the prompt as typed, as in the TUI.
   */
  readonly answer?: (prediction: Prediction) => number | null;
  /** A question has just been asked, before `answer`'s keys are typed. */
  readonly onAsk?: (state: AppState) => void;
}

export interface PressResult {
  readonly state: AppState;
  /** A key quit the app; the presses after it were not made. */
  readonly quit: boolean;
}

export function pressKeys(
  initial: AppState,
  presses: readonly KeyPress[],
  hooks: PressHooks = {},
): PressResult {
  let state = initial;
  let quit = false;
  const run = (key: string) => {
    const pending: AppInput[] = [{ type: 'key', key }];
    for (let input = pending.shift(); input !== undefined && !quit; input = pending.shift()) {
      const result = reduceApp(state, input);
      hooks.onInput?.(state, result.state);
      state = result.state;
      for (const effect of result.effects) {
        if (effect.type === 'quit') quit = true;
        if (effect.type === 'tick') pending.push({ type: 'tick' });
      }
      if (pending.length === 0) {
        const keys = answerKeys(state, hooks.answer);
        if (keys.length > 0 && state.view.prompt?.text === '') hooks.onAsk?.(state);
        pending.push(...keys);
      }
    }
  };
  for (const [index, press] of presses.entries()) {
    for (const key of press.keys) if (!quit) run(key);
    if (quit) break;
    hooks.onPress?.(state, press, index);
  }
  return { state, quit };
}

/** The keys that answer the question asked, if any; Esc when the answer typed was refused. */
function answerKeys(state: AppState, answer: PressHooks['answer']): AppInput[] {
  const { session, view } = state;
  if (answer === undefined || session.asking === undefined || tooSmall(state)) return [];
  const value = view.prompt?.text === '' ? answer(session.predictions[session.asking]) : null;
  const keys = value === null ? ['esc'] : [...String(value), 'enter'];
  return keys.map((key) => ({ type: 'key', key }));
}
