/** The live debugger: Ink, React, the terminal and the process signals; index.ts loads it on demand. */
import { render } from 'ink';
import { createElement } from 'react';
import type { LoadResult, Scenario } from '../scenario/index.js';
import { DEFAULT_PRECISION } from '../session/index.js';
import { App } from './app.js';
import { Controller } from './controller.js';
import { ensureScreenSize, enterTerminal, guardProcess, signalExitCode } from './terminal.js';
import { runWhenIdle } from './warm-up.js';

export interface TuiOptions {
  readonly scenario: Scenario;
  /** The file name shown in the header (the scenario's source name by default). */
  readonly file?: string;
  /** Loads the scenario again for `r`; without it `r` says there is nothing to reload. */
  readonly reload?: () => Promise<LoadResult>;
  /** Breakpoint specs (`--break`). */
  readonly breakpoints?: readonly string[];
  readonly precision?: number;
  readonly color?: boolean;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  readonly stderr?: NodeJS.WriteStream;
}

/** Frames per second Ink may draw: above its default 30, so a key's frame is not held back. */
const MAX_FPS = 60;

/** The Ink part of runTui (see index.ts), loaded on demand. */
export async function startTui(options: TuiOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  // Piped stdin cannot be put in raw mode (Ink's isRawModeSupported would be false).
  if (stdin.isTTY !== true || typeof stdin.setRawMode !== 'function') return 2;
  ensureScreenSize(stdout);
  const terminal = enterTerminal(stdout, stdin);
  let finish: (code: number) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<number>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const controller = new Controller({
    scenario: options.scenario,
    breakpoints: options.breakpoints,
    reload: options.reload,
    onQuit: () => finish(0),
    deferCheck: true,
  });
  const guards = guardProcess(
    terminal,
    (signal) => finish(signalExitCode(signal)),
    (error) => fail(error),
  );
  const look = {
    precision: options.precision ?? DEFAULT_PRECISION,
    color: options.color ?? true,
    file: options.file ?? options.scenario.source.name,
  };
  const app = createElement(App, { controller, ...look });
  const instance = render(app, {
    stdin,
    stdout,
    stderr: options.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: MAX_FPS,
  });
  // render() has written the first frame: the user reads it while the check and warm-up run.
  const cancelIdle = runWhenIdle(controller, {
    ...look,
    columns: () => stdout.columns || 80,
    rows: () => stdout.rows || 24,
  });
  instance.waitUntilExit().then(
    () => finish(0),
    (error: unknown) => fail(error),
  );
  try {
    return await done;
  } finally {
    cancelIdle();
    instance.unmount();
    guards.dispose();
    terminal.restore();
  }
}
