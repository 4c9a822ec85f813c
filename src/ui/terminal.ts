/**
 * The terminal around the Ink app: the alternate screen and the cursor. Ink 6 has no
 * alternate-screen option, so the escape codes are written here, and every way out (quit, Ctrl-C,
 * SIGTERM, a crash, process exit) leads through one idempotent `restore`.
 */

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';
const CURSOR_HOME = '\u001B[H';
const CLEAR_SCREEN = '\u001B[2J';

interface Writable {
  write(text: string): unknown;
}

interface RawModeStream {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface TerminalSession {
  /** Leaves the alternate screen and shows the cursor; safe to call more than once. */
  restore(): void;
}

/**
 * Switches to a clean alternate screen with the cursor hidden, and stdin to raw mode at once: Ink
 * turns raw mode on only after its first frame, and a Ctrl-C typed in between would reach the
 * process as SIGINT instead of as a key.
 */
export function enterTerminal(stdout: Writable, stdin?: RawModeStream): TerminalSession {
  if (stdin?.isTTY === true) stdin.setRawMode?.(true);
  stdout.write(ENTER_ALTERNATE_SCREEN + CLEAR_SCREEN + CURSOR_HOME + HIDE_CURSOR);
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      if (stdin?.isTTY === true) stdin.setRawMode?.(false);
      stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    },
  };
}

interface SizedStream {
  columns?: number;
  rows?: number;
}

/**
 * A terminal that reports no size (a pty opened without one, as `script` does: columns and rows 0
 * or undefined) would make Ink lay the screen out 0 cells wide and draw blank frames. Such a
 * stream reports COLUMNS × LINES from the environment, else 80 × 24, until the terminal reports a
 * real size (a resize sets the properties again).
 */
export function ensureScreenSize(stream: SizedStream, env: NodeJS.ProcessEnv = process.env): void {
  const fallbacks = { columns: fromEnv(env.COLUMNS) ?? 80, rows: fromEnv(env.LINES) ?? 24 };
  for (const key of ['columns', 'rows'] as const) {
    if ((stream[key] ?? 0) > 0) continue;
    let reported = stream[key];
    Object.defineProperty(stream, key, {
      configurable: true,
      enumerable: true,
      get: () => (reported !== undefined && reported > 0 ? reported : fallbacks[key]),
      set: (value: number | undefined) => {
        reported = value;
      },
    });
  }
}

function fromEnv(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export interface ProcessGuards {
  /** Removes the listeners. */
  dispose(): void;
}

/** Signals that end the app through its own exit path, so the terminal is restored first. */
const GUARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];

/**
 * Routes the guarded signals (SIGINT only comes from `kill`: in raw mode Ctrl-C is a key) and uncaught
 * errors to `onSignal`/`onCrash` while the app runs, and restores the terminal on process exit as a
 * last resort.
 */
export function guardProcess(
  session: TerminalSession,
  onSignal: (signal: NodeJS.Signals) => void,
  onCrash: (error: unknown) => void,
): ProcessGuards {
  const signal = (name: NodeJS.Signals) => onSignal(name);
  const crash = (error: unknown) => onCrash(error);
  const exit = () => session.restore();
  for (const name of GUARDED_SIGNALS) process.on(name, signal);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('exit', exit);
  return {
    dispose() {
      for (const name of GUARDED_SIGNALS) process.off(name, signal);
      process.off('uncaughtException', crash);
      process.off('unhandledRejection', crash);
      process.off('exit', exit);
    },
  };
}

/** Exit status of a process ended by a signal, as shells report it. */
export function signalExitCode(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  return 128 + (numbers[signal] ?? 15);
}
