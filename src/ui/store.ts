/**
 * The live TUI's store: holds the app state, sends it every input through reduceApp and runs the
 * effects that come back (quit, reload, autoplay's timer, the deferred grad check). The session
 * updates the graph's arrays in place, so the state lives here, outside React (which may call
 * reducers twice); React only subscribes and redraws.
 */
import type { LoadResult } from '../scenario/index.js';
import { gradCheckOf } from '../session/index.js';
import type { AppInput, AppOptions, AppState, Effect } from './app-state.js';
import { initialApp, reduceApp } from './reduce-app.js';

export interface StoreOptions extends Omit<AppOptions, 'reloadable'> {
  readonly reload?: () => Promise<LoadResult>;
  readonly onQuit: () => void;
}

export class AppStore {
  state: AppState;
  /** Keys pressed so far (idle work after the first frame stops at the first). */
  presses = 0;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private timer: NodeJS.Timeout | undefined;

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

  /** Stops autoplay's timer (the app is unmounted). */
  dispose(): void {
    clearTimeout(this.timer);
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
      case 'check':
        // Ink writes a frame in the same tick as the change that causes it; an immediate runs
        // after that tick's I/O, so the frame is out before the check starts.
        setImmediate(() => this.checkNow());
        return;
    }
  }
}
