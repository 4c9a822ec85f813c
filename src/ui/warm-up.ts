/**
 * Work the live TUI does while it is idle after its first frame: the grad check, in slices of a
 * few milliseconds (2 to 3 s of it on a 10k-node random DAG), and a few frames drawn off-screen.
 * The first keys after start ran through code V8 had not compiled yet (100 to 450 ms for the very
 * first frame, p95 84 to 154 ms over all keys); frames drawn through the same path (our panes,
 * React, Ink's layout and output) while the user reads the first screen let the JIT compile it
 * before the first key.
 */
import { renderToString } from 'ink';
import { createElement } from 'react';
import { reduce, shapeOf } from '../session/index.js';
import { Screen } from './app.js';
import { type AppState, follow } from './app-state.js';
import { settleGeometry } from './geometry.js';
import type { AppStore } from './store.js';

/** Off-screen frames to draw: enough for V8 to optimise what runs once or a few times per frame. */
const WARM_UP_FRAMES = 24;

export interface IdleOptions {
  readonly color: boolean;
  readonly file?: string;
  /** Told when the idle work is over (done, or stopped by a key). */
  readonly onDone?: () => void;
}

/**
 * Runs the idle work one slice per immediate, so a key that arrives meanwhile is handled between
 * slices (an immediate runs after the I/O of its tick). Check slices and off-screen frames take
 * turns, so the frames are drawn before the first key even when the check is long; the frames stop
 * at the user's first key, whose own frames then do the warming, and the check goes on whenever
 * keys pause. Returns a function that cancels what is left.
 */
export function runWhenIdle(store: AppStore, options: IdleOptions): () => void {
  const pressesAtStart = store.presses;
  let frame = 0;
  let turn = 0;
  let timer: NodeJS.Immediate | undefined;
  let later: NodeJS.Timeout | undefined;
  const slice = () => {
    const warming = store.presses === pressesAtStart && frame < WARM_UP_FRAMES;
    const checking = store.state.checkPending;
    if (!warming && !checking) return options.onDone?.();
    // Keys in a run hold the check off (store.checkWait): it resumes once they pause.
    const wait = checking ? store.checkWait() : 0;
    if (checking && wait === 0 && (!warming || turn++ % 2 === 0)) store.checkSlice();
    else if (warming) offScreenFrame(store.state, options, frame++);
    else {
      later = setTimeout(slice, wait);
      return;
    }
    timer = setImmediate(slice);
  };
  timer = setImmediate(slice);
  return () => {
    clearImmediate(timer);
    clearTimeout(later);
  };
}

/**
 * The frame a step `k + 1` past the cursor would show (wrapping round the timeline), drawn by the
 * live app's own Screen through Ink's renderer into a string; then the graph's arrays go back
 * where the cursor is: the live state is never replaced, and reduce syncs the arrays to the state
 * it is given.
 */
export function offScreenFrame(live: AppState, options: IdleOptions, k: number): string {
  const { total } = shapeOf(live.session);
  if (total === 0) return '';
  const position = (live.session.position + k + 1) % (total + 1);
  const session = reduce(live.session, { type: 'goto', step: position });
  const state = settleGeometry(follow({ ...live, session }));
  const frame = renderToString(
    createElement(Screen, { state, color: options.color, file: options.file }),
    { columns: live.columns },
  );
  reduce(live.session, { type: 'goto', step: live.session.position });
  return frame;
}
