/**
 * `replay --frames`: the screens the TUI would show, as plain text, drawn by the same Screen
 * component through Ink's renderToString from the states the app reducer passes through.
 */
import { renderToString } from 'ink';
import { createElement } from 'react';
import { shapeOf, stepName } from '../session/index.js';
import { Screen } from './app.js';
import type { AppOptions, AppState } from './app-state.js';
import { questionText } from './panes/predictions.js';
import { type KeyPress, type PressHooks, pressKeys } from './press-keys.js';
import { initialApp } from './reduce-app.js';
import { stripAnsi } from './text.js';

export interface FrameOptions extends AppOptions {
  readonly file?: string;
  /**
   * Keys to press; one frame after each press. Without them: a frame at `start` and one after
   * every `n` to `end`.
   */
  readonly presses?: readonly KeyPress[];
  /**
   * The answer to each question the walkthrough asks (null: skipped). Each question gets a frame
   * of its own, the screen asking it, before the frame of the step that reveals the value.
   */
  readonly answer?: PressHooks['answer'];
}

/** One screen and the step it shows (`start`, `F3`, `B0`: the last step run). */
export interface Frame {
  readonly step: string;
  readonly text: string;
  /** The index of the press that led here; none for `start` and for a question's frame. */
  readonly press?: number;
  /** On a question's frame, the value asked about: `n.grad`. */
  readonly question?: string;
}

/** renderFrames' work (see index.ts). The frames in order; each is `rows - 1` lines of at most `columns` characters, no escape codes. */
export function drawFrames(options: FrameOptions): Frame[] {
  const initial = initialApp(options);
  const file = options.file ?? options.scenario.source.name;
  const frame = (state: AppState): Frame => ({
    step: stepName(state.session, state.session.position),
    text: stripAnsi(
      renderToString(createElement(Screen, { state, color: false, file }), {
        columns: state.columns,
      }),
    ),
  });
  const frames = [frame(initial)];
  const { total } = shapeOf(initial.session);
  const presses =
    options.presses ?? Array.from({ length: total }, () => ({ token: 'n', keys: ['n'] }));
  pressKeys(initial, presses, {
    answer: options.answer ?? (() => null),
    onAsk: (state) => {
      const { session } = state;
      const asked = session.predictions[session.asking!];
      frames.push({ ...frame(state), question: questionText(session, asked) });
    },
    onPress: (state, _press, index) => frames.push({ ...frame(state), press: index }),
  });
  return frames;
}
