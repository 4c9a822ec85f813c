import { type SessionState, shapeOf } from '../../session/index.js';
import type { Plan } from './drive.js';

/** `--frames` without `--columns`/`--rows`: the size the TUI is designed at. */
export const FRAME_COLUMNS = 120;
export const FRAME_ROWS = 40;

/**
 * The keys `--frames` presses in the TUI and, with `--keys`, the name of each key's frame (the
 * first frame, `start`, has none).
 */
export interface FramePlan {
  readonly keys: readonly string[];
  readonly keyNames?: readonly string[];
}

/**
 * Every step, or single steps to `--to`: `n` for each. With `--keys`, the keys up to `q`: the
 * TUI's modes (help, search) decide what a key does there, so the step each frame shows comes
 * back with the frame.
 */
export function framePlan(initial: SessionState, plan: Plan): FramePlan {
  if (plan.kind === 'keys') {
    const quit = plan.keys.findIndex((k) => k.kind === 'quit');
    const tokens = plan.keys.slice(0, quit < 0 ? undefined : quit).map((k) => k.token);
    return { keys: tokens, keyNames: tokens.map((t, i) => `key ${i + 1}: ${t}`) };
  }
  const last = plan.kind === 'to' ? plan.position : shapeOf(initial).total;
  return { keys: Array.from({ length: last }, () => 'n') };
}

/**
 * The frames in order, each under a rule as wide as the screen that names its step, and the key
 * that led there with `--keys`: `── B3 ───…`, `── key 4: :B3 → B3 ───…`.
 */
export function framesText(
  frames: readonly { readonly step: string; readonly text: string }[],
  keyNames: readonly string[] | undefined,
  columns: number,
): string {
  return frames
    .map((frame, i) => {
      const key = i === 0 ? undefined : keyNames?.[i - 1];
      const head = `── ${key === undefined ? frame.step : `${key} → ${frame.step}`} `;
      const rule = head + '─'.repeat(Math.max(3, columns - head.length));
      return `${rule}\n${frame.text.replace(/\n*$/, '\n')}`;
    })
    .join('');
}
