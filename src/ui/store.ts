/**
 * The live TUI's store: holds the app state, sends it every input through reduceApp and runs the
 * effects that come back (quit, reload, autoplay's timer, the deferred grad check, which runs in
 * slices so a key is answered between them). The session
 * updates the graph's arrays in place, so the state lives here, outside React (which may call
 * reducers twice); React only subscribes and redraws.
 */
import type { LoadResult } from '../scenario/index.js';
import { advanceGradCheck, gradCheckOf } from '../session/index.js';
import type { AppInput, AppOptions, AppState, Effect } from './app-state.js';
import { initialApp, reduceApp } from './reduce-app.js';

/**
 * Milliseconds of grad check per slice: a key that arrives meanwhile waits at most about this long
 * (plus one node's probe) before it is handled, half a 60 Hz frame.
 */
export const CHECK_SLICE_MS = 8;
/**
 * Milliseconds after a key before the grad check's next slice: keys that come in a run (a held
 * key, someone stepping fast) are answered with no slice between them, and the check goes on
 * once they pause. It is idle work, and its results show only once grads are final.
 */
export const KEY_QUIET_MS = 100;

export interface StoreOptions extends Omit<AppOptions, 'reloadable'> {
  readonly reload?: () => Promise<LoadResult>;
  readonly onQuit: () => void;
  /** CHECK_SLICE_MS by default; 0 probes one node per slice (tests count slices that way). */
  readonly checkSliceMs?: number;
  /** KEY_QUIET_MS by default. */
  readonly keyQuietMs?: number;
}

export class AppStore {
  state: AppState;
  /** Keys pressed so far (idle work after the first frame stops at the first). */
  presses = 0;
  /** Grad-check slices run so far. */
  checkSlices = 0;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastPress = Number.NEGATIVE_INFINITY;
  private checking: NodeJS.Immediate | undefined;
  private checkingLater: NodeJS.Timeout | undefined;

  constructor(private readonly options: StoreOptions) {
    this.state = initialApp({ ...options, reloadable: options.reload !== undefined });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything on screen may have changed (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  /** One key name (`n`, `space`, `ctrl-n`, `backspace`); see keymap.keysOf. */
  press(key: string): void {
    this.presses++;
    this.lastPress = performance.now();
    this.dispatch({ type: 'key', key });
  }

  dispatch(input: AppInput): void {
    const { state, effects } = reduceApp(this.state, input);
    if (state !== this.state) {
      this.state = state;
      this.version++;
      for (const listener of this.listeners) listener();
    }
    for (const effect of effects) this.run(effect);
  }

  /** Runs the grad check now if it waits (the session keeps it per timeline), then redraws. */
  checkNow(): void {
    if (!this.state.checkPending) return;
    gradCheckOf(this.state.session);
    this.dispatch({ type: 'checked' });
  }

  /**
   * Runs one slice of the waiting grad check (the session keeps what is done per timeline, so
   * the next slice goes on from there); when the check is over, redraws with its results. Returns
   * whether the check still waits.
   */
  checkSlice(): boolean {
    if (!this.state.checkPending) return false;
    this.checkSlices++;
    const now = () => performance.now();
    const deadline = now() + (this.options.checkSliceMs ?? CHECK_SLICE_MS);
    if (!advanceGradCheck(this.state.session, deadline, now)) return true;
    this.dispatch({ type: 'checked' });
    return false;
  }

  /** Milliseconds until the grad check may run its next slice: 0 unless a key came just now. */
  checkWait(): number {
    const quiet = this.options.keyQuietMs ?? KEY_QUIET_MS;
    return Math.max(0, this.lastPress + quiet - performance.now());
  }

  /** Stops autoplay's timer and the grad check's slices (the app is unmounted). */
  dispose(): void {
    clearTimeout(this.timer);
    this.stopChecking();
  }

  private stopChecking(): void {
    clearImmediate(this.checking);
    clearTimeout(this.checkingLater);
  }

  private run(effect: Effect): void {
    switch (effect.type) {
      case 'quit':
        this.options.onQuit();
        return;
      case 'reload':
        void this.options.reload?.().then((result) => this.dispatch({ type: 'reloaded', result }));
        return;
      case 'tick':
        // Steps run between key events, so a key is never queued behind them.
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.dispatch({ type: 'tick' }), effect.ms);
        return;
      case 'check': {
        // Ink writes a frame in the same tick as the change that causes it; an immediate runs
        // after that tick's I/O, so the frame is out before the check starts, and a key that
        // arrives between two slices is handled before the next.
        this.stopChecking();
        const slice = () => {
          const wait = this.checkWait();
          if (wait > 0) this.checkingLater = setTimeout(slice, wait);
          else if (this.checkSlice()) this.checking = setImmediate(slice);
        };
        this.checking = setImmediate(slice);
        return;
      }
    }
  }
}
