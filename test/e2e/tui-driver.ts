/**
 * gradstep's TUI from the sources in a pseudo-terminal, as the end-to-end tests drive it: open it
 * on some arguments, type keys and wait for what the screen should show. Each test file calls
 * `tuiSessions()` once; the session it opened is closed after every test.
 */
import { afterEach } from 'vitest';
import { type PtyOptions, type PtySession, spawnPty } from './pty.js';

export const ENTRY = ['--import', 'tsx', 'src/bin.ts'];
// A loaded two-core CI machine can take many seconds to start tsx and draw; a wait that holds
// returns at once, so these bounds only decide how long a real failure takes to report.
export const FIRST_FRAME_MS = 60_000;
export const FRAME_MS = 30_000;

export const KEYS = {
  right: '\u001B[C',
  left: '\u001B[D',
  esc: '\u001B',
  home: '\u001B[H',
  end: '\u001B[F',
} as const;

export function tuiSessions() {
  let session: PtySession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return {
    /** Any program in a pseudo-terminal, closed after the test like the others. */
    spawn(file: string, args: readonly string[], options: PtyOptions): PtySession {
      session = spawnPty(file, [...args], options);
      return session;
    },
    /** gradstep ARGS in a cols × rows terminal, once its first frame (`[start]`) is drawn. */
    async open(args: readonly string[], cols = 120, rows = 40): Promise<PtySession> {
      session = spawnPty(process.execPath, [...ENTRY, ...args], { cols, rows });
      await session.waitForText('[start]', FIRST_FRAME_MS);
      return session;
    },
  };
}

/** Types `keys` and waits until the screen shows `expected`. */
export async function type(tui: PtySession, keys: string, expected: string | RegExp) {
  tui.write(keys);
  await tui.waitForText(expected, FRAME_MS);
}
