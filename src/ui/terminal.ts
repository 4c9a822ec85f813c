/**
 * The terminal around the Ink app, as pure pieces: the escape codes for the alternate screen and
 * the cursor, and a session over the streams it is given. Ink 6 has no alternate-screen option, so
 * the codes are written here; cli decides when to enter and routes every way out (quit, Ctrl-C, a
 * signal, a crash, process exit) through the session's one idempotent `restore`.
 */

const ALTERNATE_SCREEN_ON = '\u001B[?1049h';
const ALTERNATE_SCREEN_OFF = '\u001B[?1049l';
const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';
const CURSOR_HOME = '\u001B[H';
const CLEAR_SCREEN = '\u001B[2J';

/** A clean alternate screen, cursor at home and hidden. */
export const ENTER_ALTERNATE_SCREEN =
  ALTERNATE_SCREEN_ON + CLEAR_SCREEN + CURSOR_HOME + HIDE_CURSOR;
/** Back to the normal screen the user had, cursor shown. */
export const LEAVE_ALTERNATE_SCREEN = SHOW_CURSOR + ALTERNATE_SCREEN_OFF;

interface Writable {
  write(text: string): unknown;
}

interface RawModeStream {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** The terminal's state while the app runs: not entered yet, entered, restored (for good). */
export interface TerminalSession {
  /**
   * Puts a tty stdin in raw mode, then switches to the alternate screen. Call it before Ink draws:
   * Ink turns raw mode on only after its first frame, and a Ctrl-C typed in between would reach
   * the process as SIGINT instead of as a key.
   */
  enter(): void;
  /** Leaves raw mode and the alternate screen if entered; safe to call more than once. */
  restore(): void;
}

export function createTerminalSession(stdout: Writable, stdin?: RawModeStream): TerminalSession {
  let state: 'idle' | 'entered' | 'restored' = 'idle';
  const rawMode = (mode: boolean) => {
    if (stdin?.isTTY === true) stdin.setRawMode?.(mode);
  };
  return {
    enter() {
      if (state !== 'idle') return;
      state = 'entered';
      rawMode(true);
      stdout.write(ENTER_ALTERNATE_SCREEN);
    },
    restore() {
      const entered = state === 'entered';
      state = 'restored';
      if (!entered) return;
      rawMode(false);
      stdout.write(LEAVE_ALTERNATE_SCREEN);
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
 * stream reports COLUMNS × LINES from `env`, else 80 × 24, until the terminal reports a real size
 * (a resize sets the properties again).
 */
export function ensureScreenSize(
  stream: SizedStream,
  env: Readonly<Record<string, string | undefined>>,
): void {
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
