import { Text, useInput, useStdout } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { printable } from '../scenario/index.js';
import type { Controller } from './controller.js';
import { keysOf } from './keymap.js';
import { MIN_COLUMNS, MIN_ROWS, screenLines } from './screen.js';
import type { ScreenModel } from './screen-model.js';
import { AUTOPLAY_SPEEDS } from './view-state.js';

export interface ScreenProps {
  readonly controller: Controller;
  readonly columns: number;
  readonly rows: number;
  readonly precision: number;
  readonly color: boolean;
  readonly file?: string;
}

/** The whole screen as one Ink element: its lines are computed as strings. */
export function Screen(props: ScreenProps) {
  const { controller } = props;
  const model: ScreenModel = {
    session: controller.session,
    view: controller.view,
    facts: controller.facts,
    columns: props.columns,
    rows: props.rows,
    precision: props.precision,
    color: props.color,
    checkPending: controller.checkPending,
  };
  controller.tooSmall = props.columns < MIN_COLUMNS || props.rows < MIN_ROWS;
  const lines = screenLines(model, {
    layouts: controller.layouts,
    file: props.file,
    promptNote: controller.promptNote,
    onScrollMax: (pane, max) => {
      controller.scrollMax[pane] = max;
    },
    onViewport: (x, y) => controller.dispatchView({ type: 'drawnViewport', x, y }),
  });
  // The one place the UI's text is drawn: every row is made printable here (see printable).
  return <Text wrap="truncate-end">{lines.map((l) => printable(l, false)).join('\n')}</Text>;
}

export type AppProps = Omit<ScreenProps, 'columns' | 'rows'>;

/** The live app: one useInput for every key, the terminal size, the autoplay timer. */
export function App(props: AppProps) {
  const { controller } = props;
  const size = useTerminalSize();
  useSyncExternalStore(controller.subscribe, controller.getVersion);

  useInput((input, key) => {
    if (key.backspace || key.delete) return controller.press('backspace');
    for (const name of keysOf(input, key)) controller.press(name);
  });

  const { playing, speed } = controller.view;
  useEffect(() => {
    if (!playing) return;
    // Steps run between key events, so a key is never queued behind them.
    const timer = setInterval(() => controller.tick(), AUTOPLAY_SPEEDS[speed]);
    return () => clearInterval(timer);
  }, [controller, playing, speed]);

  return <Screen {...props} columns={size.columns} rows={size.rows} />;
}

function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  // The cli gives a terminal that reports no size one (ensureScreenSize); 80×24 for other streams.
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  });
  return size;
}
