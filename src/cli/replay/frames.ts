import { type SessionState, shapeOf } from '../../session/index.js';
import type { Plan } from './drive.js';

// Types only: a static import of ui would load it for every command.
type KeyPress = import('../../ui/index.js').KeyPress;
type Frame = import('../../ui/index.js').Frame;

/** `--frames` without `--columns`/`--rows`: the size the TUI is designed at. */
export const FRAME_COLUMNS = 120;
export const FRAME_ROWS = 40;

/** The key presses of `--keys` for `--frames`, with the name of each press's frame. */
export function frameNames(presses: readonly KeyPress[]): string[] {
  return presses.map((p, i) => `key ${i + 1}: ${p.token}`);
}

/**
 * Single steps to `--to` (or every step): `n` for each. (With `--keys` the keys themselves are
 * pressed.)
 */
export function stepPresses(initial: SessionState, plan: Plan): KeyPress[] {
  const last = plan.kind === 'to' ? plan.position : shapeOf(initial).total;
  return Array.from({ length: last }, () => ({ token: 'n', keys: ['n'] }));
}

/**
 * The frames in order, each under a rule as wide as the screen that names its step, and the key
 * that led there with `--keys`: `── B3 ───…`, `── key 4: :B3 → B3 ───…`; a question's frame says
 * what it asks: `── F3 · predict n.data ───…`.
 */
export function framesText(
  frames: readonly Frame[],
  keyNames: readonly string[] | undefined,
  columns: number,
): string {
  return frames
    .map((frame) => {
      const key = frame.press === undefined ? undefined : keyNames?.[frame.press];
      const title =
        frame.question !== undefined
          ? `${frame.step} · predict ${frame.question}`
          : key === undefined
            ? frame.step
            : `${key} → ${frame.step}`;
      const head = `── ${title} `;
      const rule = head + '─'.repeat(Math.max(3, columns - head.length));
      return `${rule}\n${frame.text.replace(/\n*$/, '\n')}`;
    })
    .join('');
}
