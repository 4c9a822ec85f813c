/**
 * Keypress → frame latency of the real TUI: the CLI runs in a pseudo-terminal (node-pty) exactly
 * as a user starts it, and the clock runs from writing a key to the first output chunk that
 * carries the header's new step label. Keys go at least 50 ms apart, and only after the previous
 * frame has arrived, so each key meets an idle app.
 */
import pty from 'node-pty';

export interface LatencyRun {
  /** Spawn → the first complete frame (the header and the footer's `quit` written). */
  readonly firstFrameMs: number;
  /** One figure per key. */
  readonly keyMs: readonly number[];
}

export interface LatencyOptions {
  /** The command line: the node binary's arguments (an entry script, its own flags, the file). */
  readonly args: readonly string[];
  readonly cwd: string;
  /** Keys to press and, for each, the step label the header must show after it. */
  readonly keys: readonly { readonly key: string; readonly label: string }[];
  readonly cols?: number;
  readonly rows?: number;
  readonly timeoutMs?: number;
  /**
   * Wait after the first frame before the first key, as a person reads the screen that just
   * opened (0 by default: the first key right after the first frame).
   */
  readonly firstKeyAfterMs?: number;
}

const KEY_GAP_MS = 50;

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Ink draws nothing until exit under CI.
    if (value !== undefined && key !== 'CI') env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', NODE_ENV: 'production' };
}

export async function measureLatency(options: LatencyOptions): Promise<LatencyRun> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const spawned = performance.now();
  const child = pty.spawn(process.execPath, [...options.args], {
    name: 'xterm-256color',
    cols: options.cols ?? 120,
    rows: options.rows ?? 40,
    cwd: options.cwd,
    env: childEnv(),
  });
  let output = '';
  let waiter: ((chunk: string, at: number) => void) | undefined;
  let exited = false;
  child.onData((chunk) => {
    const at = performance.now();
    output += chunk;
    waiter?.(chunk, at);
  });
  child.onExit(() => {
    exited = true;
  });
  /** Resolves with the time of the first chunk (or the whole output so far) that `done` accepts. */
  const until = (what: string, done: (text: string) => boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiter = undefined;
        reject(new Error(`no ${what} within ${timeoutMs} ms${exited ? ' (the app exited)' : ''}`));
      }, timeoutMs);
      waiter = (chunk, at) => {
        if (!done(chunk)) return;
        clearTimeout(timer);
        waiter = undefined;
        resolve(at);
      };
    });
  try {
    const header = /gradstep/;
    const firstFrame = await until('first frame', () => header.test(output) && /quit/.test(output));
    const keyMs: number[] = [];
    let lastKey = performance.now() + (options.firstKeyAfterMs ?? 0) - KEY_GAP_MS;
    for (const { key, label } of options.keys) {
      await pause(Math.max(0, lastKey + KEY_GAP_MS - performance.now()));
      const frame = until(`frame with ${label}`, (chunk) => chunk.includes(label));
      lastKey = performance.now();
      child.write(key);
      keyMs.push((await frame) - lastKey);
    }
    return { firstFrameMs: firstFrame - spawned, keyMs };
  } finally {
    child.write('q');
    await Promise.race([
      new Promise<void>((resolve) => child.onExit(() => resolve())),
      pause(2000),
    ]);
    if (!exited) child.kill();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
