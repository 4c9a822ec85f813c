import { type SessionState, stepName } from '../../session/index.js';
import type { Plan } from './drive.js';

/** `--frames` without `--columns`/`--rows`: the size the TUI is designed at. */
export const FRAME_COLUMNS = 120;
export const FRAME_ROWS = 40;

/** The keys `--frames` presses in the TUI, and the title of each frame (the first is `start`). */
export interface FramePlan {
  readonly keys: readonly string[];
  readonly titles: readonly string[];
}

/**
 * Every step, or single steps to `--to`: one frame per step, titled by its step. With `--keys`, one
 * frame per key up to `q`, titled by the key: the TUI's modes (help, search) decide what a key
 * does there, so its step is on the frame's header rather than known here.
 */
export function framePlan(initial: SessionState, plan: Plan): FramePlan {
  if (plan.kind === 'keys') {
    const quit = plan.keys.findIndex((k) => k.kind === 'quit');
    const tokens = plan.keys.slice(0, quit < 0 ? undefined : quit).map((k) => k.token);
    return { keys: tokens, titles: ['start', ...tokens.map((t, i) => `key ${i + 1}: ${t}`)] };
  }
  const last = plan.kind === 'to' ? plan.position : initial.timeline.total;
  const positions = Array.from({ length: last + 1 }, (_, p) => p);
  return {
    keys: positions.slice(1).map(() => 'n'),
    titles: positions.map((p) => stepName(initial.timeline, p)),
  };
}

/** The frames in order, each under a rule as wide as the screen that names it: `── B3 ─────…`. */
export function framesText(
  frames: readonly string[],
  titles: readonly string[],
  columns: number,
): string {
  return frames
    .map((frame, i) => {
      const head = `── ${titles[i]} `;
      const rule = head + '─'.repeat(Math.max(3, columns - head.length));
      return `${rule}\n${frame.replace(/\n*$/, '\n')}`;
    })
    .join('');
}
