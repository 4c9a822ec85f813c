import { Text, useInput, useStdout } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import { printable } from '../scenario/index.js';
import type { AppState } from './app-state.js';
import { keysOf } from './keymap.js';
import { screenLines } from './screen.js';
import type { AppStore } from './store.js';

export interface ScreenProps {
  readonly state: AppState;
  readonly color: boolean;
  readonly file?: string;
}

/** The whole screen of a settled app state as one Ink element: its lines are computed as strings. */
export function Screen({ state, color, file }: ScreenProps) {
  const lines = screenLines({ ...state, color }, { layouts: state.layouts, file });
  // The one place the UI's text is drawn: every row is made printable here (see printable).
  return <Text wrap="truncate-end">{lines.map((l) => printable(l, false)).join('\n')}</Text>;
}

export interface AppProps {
  readonly store: AppStore;
  readonly color: boolean;
  readonly file?: string;
}

/** The live app: one useInput for every key, and the terminal's size sent to the store. */
export function App({ store, color, file }: AppProps) {
  useSyncExternalStore(store.subscribe, store.getVersion);
  useTerminalSize(store);
  useEffect(() => () => store.dispose(), [store]);

  useInput((input, key) => {
    if (key.backspace || key.delete) return store.press('backspace');
    for (const name of keysOf(input, key)) store.press(name);
  });

  return <Screen state={store.state} color={color} file={file} />;
}

/** Sends the terminal's size now and on every resize. */
function useTerminalSize(store: AppStore): void {
  const { stdout } = useStdout();
  useEffect(() => {
    // The cli gives a terminal that reports no size one (ensureScreenSize); 80×24 for other streams.
    const send = () =>
      store.dispatch({ type: 'resize', columns: stdout.columns || 80, rows: stdout.rows || 24 });
    send();
    stdout.on('resize', send);
    return () => {
      stdout.off('resize', send);
    };
  }, [store, stdout]);
}
