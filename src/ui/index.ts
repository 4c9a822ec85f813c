/**
 * The ui layer's public surface. Importing it loads no Ink and no React (about 3 s of start-up
 * under tsx): the keymap is pure data, and the Ink parts are imported when a TUI or a frame is
 * first drawn.
 */
import type { Frame, FrameOptions } from './frames.js';
import type { TuiOptions } from './tui.js';

export type { Frame, FrameOptions } from './frames.js';
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
export { MIN_COLUMNS, MIN_ROWS } from './screen.js';
export type { TuiOptions } from './tui.js';

/**
 * Runs the interactive debugger on the alternate screen until the user quits. Resolves with the
 * exit code: 0 on q / Ctrl-C, 128 + n on a signal, 2 when stdin cannot be put in raw mode. A crash
 * restores the terminal first and then rejects with the error.
 */
export async function runTui(options: TuiOptions): Promise<number> {
  const { startTui } = await import('./tui.js');
  return startTui(options);
}

/**
 * `replay --frames`: for each key (or each step), the screen the TUI would show, as plain text of
 * `rows - 1` lines of at most `columns` cells, drawn by the same components, with the step it shows.
 */
export async function renderFrames(options: FrameOptions): Promise<Frame[]> {
  const { drawFrames } = await import('./frames.js');
  return drawFrames(options);
}
