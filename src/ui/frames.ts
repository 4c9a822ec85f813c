/**
 * `replay --frames`: the screens the TUI would show, as plain text, drawn by the same Screen
 * component through Ink's renderToString.
 */
import { renderToString } from 'ink';
import { createElement } from 'react';
import type { Scenario } from '../scenario/index.js';
import { DEFAULT_PRECISION, stepName } from '../session/index.js';
import { Screen } from './app.js';
import { Controller } from './controller.js';
import { stripAnsi } from './text.js';

export interface FrameOptions {
  readonly scenario: Scenario;
  readonly columns?: number;
  readonly rows?: number;
  readonly precision?: number;
  readonly file?: string;
  /** Breakpoint specs (`--break`). */
  readonly breakpoints?: readonly string[];
  /**
   * Key names to press (`n`, `space`, `ctrl-n`, and `:B3` for a goto); one frame after each. Without
   * keys: a frame at `start` and one after every step to `end`.
   */
  readonly keys?: readonly string[];
}

/** One screen and the step it shows (`start`, `F3`, `B0`: the last step run). */
export interface Frame {
  readonly step: string;
  readonly text: string;
}

/** renderFrames' work (see index.ts). The frames in order; each is `rows - 1` lines of at most `columns` characters, no escape codes. */
export function drawFrames(options: FrameOptions): Frame[] {
  const columns = options.columns ?? 120;
  const rows = options.rows ?? 40;
  const controller = new Controller({
    scenario: options.scenario,
    breakpoints: options.breakpoints,
    onQuit: () => {},
  });
  const frame = (): Frame => ({
    step: stepName(controller.session, controller.session.position),
    text: stripAnsi(
      renderToString(
        createElement(Screen, {
          controller,
          columns,
          rows,
          precision: options.precision ?? DEFAULT_PRECISION,
          color: false,
          file: options.file ?? options.scenario.source.name,
        }),
        { columns },
      ),
    ),
  });
  const frames = [frame()];
  const keys = options.keys ?? Array.from({ length: controller.session.timeline.total }, () => 'n');
  for (const key of keys) {
    for (const name of expandGoto(key)) controller.press(name);
    frames.push(frame());
  }
  return frames;
}

/** `:B3` is typed as `:`, `B`, `3`, enter. */
function expandGoto(token: string): string[] {
  if (!token.startsWith(':') || token.length === 1) return [token];
  return [':', ...token.slice(1), 'enter'];
}
