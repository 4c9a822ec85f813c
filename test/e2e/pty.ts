/**
 * A real pseudo-terminal for end-to-end tests: the program runs in node-pty and its output is fed
 * into a headless xterm, so tests read the screen a user would see, escape codes interpreted.
 *
 * xterm parses what it is given asynchronously, in order, calling each write's callback once that
 * chunk is on its screen. Everything the harness reports (screen text, cursor, synchronized-update
 * state, exit) is therefore read from the chunks parsed so far, never from bytes still queued.
 */
import xterm from '@xterm/headless';
import pty from 'node-pty';

export interface PtyOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

/** Generous enough for a loaded two-core CI machine; a passing wait returns as soon as it holds. */
export const DEFAULT_WAIT_MS = 30_000;

export interface PtySession {
  /** The child's process id (for signals). */
  readonly pid: number;
  /** Types text as a user would (escape sequences included). */
  write(text: string): void;
  resize(cols: number, rows: number): void;
  /** The visible screen, one line per row, trailing spaces trimmed. */
  screenText(): string;
  /**
   * Each visible cell's style, one line per row: colours (mode and value) and bold, dim, italic,
   * underline and inverse, as a code per cell, so two screens' colours can be compared.
   */
  screenStyles(): string;
  /** Resolves once `text` is on a whole frame; rejects with the screen after `timeoutMs`. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves once `holds(screen)` is true of a whole frame; rejects with the screen after `timeoutMs`. */
  waitForScreen(
    holds: (screen: string) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  /**
   * Resolves with the exit code once the child has exited and every byte it wrote is on the
   * screen, so the screen, cursor and mode can be asserted right after.
   */
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Everything the program wrote that the terminal has parsed, escape codes included. */
  rawOutput(): string;
  isCursorHidden(): boolean;
  isAlternateScreen(): boolean;
  /** Kills the child if it still runs and waits for it to go, so tests do not leave load behind. */
  close(): Promise<void>;
}

/** Environment for the child: no CI (Ink draws nothing until exit under CI), a colour terminal. */
function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'CI' && !key.startsWith('VITEST')) env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', NODE_ENV: 'production', ...extra };
}

export function spawnPty(
  file: string,
  args: readonly string[],
  options: PtyOptions = {},
): PtySession {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 40;
  const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const child = pty.spawn(file, [...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env: childEnv(options.env),
  });
  /** The output xterm has parsed: the screen shows exactly this. */
  let parsed = '';
  /** Writes handed to xterm whose callback has not run yet. */
  let queued = 0;
  let exitCode: number | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const feed = (data: string) => {
    queued++;
    terminal.write(data, () => {
      queued--;
      parsed += data;
      notify();
    });
  };
  child.onData(feed);
  // node-pty reports exit once the pty has closed, after its last data event; the empty write
  // queues a callback behind every earlier chunk, so `drained` turns true with the screen final.
  child.onExit(({ exitCode: code }) => {
    exitCode = code;
    feed('');
  });
  const drained = () => exitCode !== undefined && queued === 0;

  const screenText = (): string => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < terminal.rows; y++) {
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return lines.join('\n');
  };

  const screenStyles = (): string => {
    const buffer = terminal.buffer.active;
    const cell = buffer.getNullCell();
    const rows: string[] = [];
    for (let y = 0; y < terminal.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      const cells: string[] = [];
      for (let x = 0; x < terminal.cols; x++) {
        line?.getCell(x, cell);
        const flags = [
          cell.isBold(),
          cell.isDim(),
          cell.isItalic(),
          cell.isUnderline(),
          cell.isInverse(),
        ];
        cells.push(
          `${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:` +
            `${cell.getBgColor()}/${flags.map(Number).join('')}`,
        );
      }
      rows.push(cells.join(' '));
    }
    return rows.join('\n');
  };

  /** Waits until `done()` holds, re-checking whenever the terminal has parsed more output. */
  const until = (done: () => boolean, timeoutMs: number, what: () => string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${what()} after ${timeoutMs} ms\n--- screen ---\n${screenText()}`));
      }, timeoutMs);
      function check() {
        if (!done()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      }
      listeners.add(check);
    });

  // Ink wraps each frame in a synchronized update; a frame split across reads is not yet a screen.
  const midFrame = () => lastOf(parsed, '\u001B[?2026h') > lastOf(parsed, '\u001B[?2026l');
  const waitForScreen = (
    holds: (screen: string) => boolean,
    what: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ) =>
    until(
      () => !midFrame() && holds(screenText()),
      timeoutMs,
      () => `timed out waiting for ${what}`,
    );

  const waitForExit = async (timeoutMs = DEFAULT_WAIT_MS) => {
    await until(drained, timeoutMs, () => 'timed out waiting for exit');
    return exitCode ?? -1;
  };

  return {
    pid: child.pid,
    write: (text) => child.write(text),
    resize(newCols, newRows) {
      terminal.resize(newCols, newRows);
      child.resize(newCols, newRows);
    },
    screenText,
    screenStyles,
    waitForText: (text, timeoutMs) =>
      waitForScreen(
        (screen) => (typeof text === 'string' ? screen.includes(text) : text.test(screen)),
        String(text),
        timeoutMs,
      ),
    waitForScreen,
    waitForExit,
    rawOutput: () => parsed,
    isCursorHidden: () => lastOf(parsed, '\u001B[?25l') > lastOf(parsed, '\u001B[?25h'),
    isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
    async close() {
      if (exitCode === undefined) {
        child.kill();
        await waitForExit().catch(() => child.kill('SIGKILL'));
      }
      terminal.dispose();
    },
  };
}

function lastOf(text: string, sequence: string): number {
  return text.lastIndexOf(sequence);
}
