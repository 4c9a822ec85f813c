/**
 * A real pseudo-terminal for end-to-end tests: the program runs in node-pty and its output is fed
 * into a headless xterm, so tests read the screen a user would see, escape codes interpreted.
 */
import xterm from '@xterm/headless';
import pty from 'node-pty';

export interface PtyOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

export interface PtySession {
  /** The child's process id (for signals). */
  readonly pid: number;
  /** Types text as a user would (escape sequences included). */
  write(text: string): void;
  resize(cols: number, rows: number): void;
  /** The visible screen, one line per row, trailing spaces trimmed. */
  screenText(): string;
  /** Resolves once `text` is on screen; rejects with the screen after `timeoutMs`. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Everything the program wrote, escape codes included. */
  rawOutput(): string;
  isCursorHidden(): boolean;
  isAlternateScreen(): boolean;
  kill(): void;
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
  let raw = '';
  let exitCode: number | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  child.onData((data) => {
    raw += data;
    terminal.write(data, notify);
  });
  child.onExit(({ exitCode: code }) => {
    exitCode = code;
    // Let the terminal parse the last bytes before anyone reads the screen.
    terminal.write('', notify);
  });

  const screenText = (): string => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < terminal.rows; y++) {
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return lines.join('\n');
  };

  /** Waits until `done()` holds, re-checking whenever output arrives. */
  const until = (done: () => boolean, timeoutMs: number, what: () => string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${what()}\n--- screen ---\n${screenText()}`));
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
  const midFrame = () => lastOf(raw, '\u001B[?2026h') > lastOf(raw, '\u001B[?2026l');
  const matches = (text: string | RegExp) =>
    !midFrame() &&
    (typeof text === 'string' ? screenText().includes(text) : text.test(screenText()));

  return {
    pid: child.pid,
    write: (text) => child.write(text),
    resize(newCols, newRows) {
      terminal.resize(newCols, newRows);
      child.resize(newCols, newRows);
    },
    screenText,
    waitForText: (text, timeoutMs = 5_000) =>
      until(
        () => matches(text),
        timeoutMs,
        () => `timed out waiting for ${String(text)}`,
      ),
    async waitForExit(timeoutMs = 5_000) {
      await until(
        () => exitCode !== undefined,
        timeoutMs,
        () => 'timed out waiting for exit',
      );
      return exitCode ?? -1;
    },
    rawOutput: () => raw,
    isCursorHidden: () => lastOf(raw, '\u001B[?25l') > lastOf(raw, '\u001B[?25h'),
    isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
    kill: () => {
      if (exitCode === undefined) child.kill();
    },
  };
}

function lastOf(text: string, sequence: string): number {
  return text.lastIndexOf(sequence);
}
