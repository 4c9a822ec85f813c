/**
 * The ui layer's public surface. Importing it loads no Ink and no React (about 3 s of start-up
 * under tsx): the keymap and the terminal pieces are plain code, and the Ink parts are imported
 * when a TUI or a frame is first drawn. Drawing on the real terminal (Ink's render, the process's
 * signals, exit codes) is cli's work.
 */
import type { Frame, FrameOptions } from './frames.js';

export type {
  AppInput,
  AppOptions,
  AppResult,
  AppState,
  Effect,
} from './app-state.js';
export type { Frame, FrameOptions } from './frames.js';
export { MIN_COLUMNS, MIN_ROWS } from './geometry.js';
export { layoutGraph } from './graph/layout.js';
export { FLAGS, type Flag } from './graph/style.js';
export {
  COMMANDS,
  type Command,
  type CommandName,
  commandForKey,
  commandsIn,
  KEY_NAMES,
  keysOf,
  type Mode,
} from './keymap.js';
export { paneTexts } from './page-text.js';
export { type KeyPress, type PressHooks, pressKeys } from './press-keys.js';
export { initialApp, reduceApp } from './reduce-app.js';
export {
  createTerminalSession,
  ENTER_ALTERNATE_SCREEN,
  ensureScreenSize,
  LEAVE_ALTERNATE_SCREEN,
  type TerminalSession,
} from './terminal.js';
export type { TuiCallbacks, TuiOptions } from './tui.js';

/**
 * Loads the live debugger's Ink parts: `createTuiElement(options, { onExit })` gives the React
 * element to render on the terminal; it calls `onExit(0)` when the user quits (q, Ctrl-C).
 */
export async function loadTui(): Promise<typeof import('./tui.js')> {
  return import('./tui.js');
}

/**
 * `replay --frames`: for each key (or each step), the screen the TUI would show, as plain text of
 * `rows - 1` lines of at most `columns` cells, drawn by the same components, with the step it shows.
 */
export async function renderFrames(options: FrameOptions): Promise<Frame[]> {
  const { drawFrames } = await import('./frames.js');
  return drawFrames(options);
}
