/** The live debugger's React element; index.ts loads this module (and so Ink and React) on demand. */
import { createElement, type ReactElement, useEffect } from 'react';
import type { LoadResult, Scenario } from '../scenario/index.js';
import type { Quiz } from '../session/index.js';
import { App, type AppProps } from './app.js';
import { AppStore } from './store.js';
import { runWhenIdle } from './warm-up.js';

export interface TuiOptions {
  readonly scenario: Scenario;
  /** The file name shown in the header (the scenario's source name by default). */
  readonly file?: string;
  /** Loads the scenario again for `r`; without it `r` says there is nothing to reload. */
  readonly reload?: () => Promise<LoadResult>;
  /** Breakpoint specs (`--break`). */
  readonly breakpoints?: readonly string[];
  /** Ask the walkthrough's predictions (and `--quiz`'s) before the steps that settle them. */
  readonly ask?: boolean;
  readonly quiz?: Quiz;
  readonly precision?: number;
  readonly color?: boolean;
  /** The terminal's size for the first frame (the app follows resizes after). */
  readonly columns?: number;
  readonly rows?: number;
}

export interface TuiCallbacks {
  /** The user quit (q, Ctrl-C): the exit code the app asks for. */
  onExit(code: number): void;
}

/**
 * The app to render on the terminal. Once mounted, it runs the grad check and the off-screen
 * warm-up while the user reads the first frame (see warm-up.ts), and stops them when unmounted.
 */
export function createTuiElement(options: TuiOptions, callbacks: TuiCallbacks): ReactElement {
  const store = new AppStore({
    ...options,
    onQuit: () => callbacks.onExit(0),
    deferCheck: true,
  });
  return createElement(LiveApp, {
    store,
    color: options.color ?? true,
    file: options.file ?? options.scenario.source.name,
  });
}

function LiveApp(props: AppProps) {
  const { store, color, file } = props;
  useEffect(() => runWhenIdle(store, { color, file }), [store, color, file]);
  return createElement(App, props);
}
