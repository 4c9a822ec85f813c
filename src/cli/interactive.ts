import { parseBreakpoints } from './breakpoints.js';
import type { OpenArgs } from './commands/open.js';
import { type CliContext, colorEnabled, printError } from './context.js';
import type { Io } from './io.js';
import { loadForCommand, reloadScenario } from './load.js';

// Types only: a static import of ui (or Ink, React) would load them for every command.
type TuiOptions = import('../ui/index.js').TuiOptions;

/**
 * Opens the interactive debugger on a scenario file. Scenario errors are printed as `check`
 * prints them and the app does not start. The TUI is imported here, with a dynamic `import()`
 * only, so the headless commands never load Ink or React.
 */
export async function openInteractive(
  ctx: CliContext,
  file: string,
  args: OpenArgs,
): Promise<number> {
  const { io } = ctx;
  const scenario = await loadForCommand(io, file, args);
  if (scenario === undefined || parseBreakpoints(io, args, scenario) === undefined) return 2;
  if (!io.isTTY.stdin || !io.isTTY.stdout) {
    return printError(
      io,
      'the interactive debugger needs a terminal on stdin and stdout',
      `for a transcript, run: gradstep replay ${file}`,
    );
  }
  const host: TuiHost = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: io.env,
    events: process,
  };
  return runTui(host, {
    scenario,
    file,
    reload: () => reloadScenario(io, file, { set: args.set, mode: args.mode }),
    breakpoints: args.break,
    // The walkthrough's questions (and --quiz's) are asked before the steps that settle them.
    ask: true,
    quiz: args.quiz,
    precision: args.precision,
    color: colorEnabled(args, io, 'stdout'),
  });
}

/** The process the TUI runs in: the real one, or fakes in tests. */
export interface TuiHost {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Io['env'];
  /** Where signals, uncaught errors and the exit are reported: `process`. */
  readonly events: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

/** Frames per second Ink may draw: above its default 30, so a key's frame is not held back. */
const MAX_FPS = 60;

/**
 * Signals that end the app through its own exit path, so the terminal is restored first, with
 * the status shells report (128 + n). SIGINT only comes from `kill`: in raw mode Ctrl-C is a key.
 */
const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;

/**
 * Runs the debugger on the alternate screen until the user quits. Resolves with the exit code: 0
 * on q / Ctrl-C, 128 + n on a signal, 2 when stdin cannot be put in raw mode. A crash restores
 * the terminal first and then rejects with the error.
 */
export async function runTui(host: TuiHost, options: TuiOptions): Promise<number> {
  const { stdin, stdout } = host;
  // Piped stdin cannot be put in raw mode (Ink's isRawModeSupported would be false).
  if (stdin.isTTY !== true || typeof stdin.setRawMode !== 'function') return 2;
  const [{ render }, ui] = await Promise.all([import('ink'), import('../ui/index.js')]);
  const { createTuiElement } = await ui.loadTui();
  ui.ensureScreenSize(stdout, host.env);
  const terminal = ui.createTerminalSession(stdout, stdin);
  // Raw mode and the alternate screen before Ink's first frame (see TerminalSession.enter).
  terminal.enter();
  let finish: (code: number) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<number>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const unguard = guardProcess(host.events, {
    exit: finish,
    crash: fail,
    restore: () => terminal.restore(),
  });
  try {
    const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    const instance = render(createTuiElement({ ...size, ...options }, { onExit: finish }), {
      stdin,
      stdout,
      stderr: host.stderr,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: MAX_FPS,
    });
    instance.waitUntilExit().then(() => finish(0), fail);
    try {
      return await done;
    } finally {
      instance.unmount();
    }
  } finally {
    unguard();
    terminal.restore();
  }
}

/**
 * While the app runs, routes the guarded signals to `exit` with their status and uncaught errors
 * to `crash`, and restores the terminal on process exit as a last resort. Returns the undo.
 */
function guardProcess(
  events: TuiHost['events'],
  to: {
    exit: (code: number) => void;
    crash: (error: unknown) => void;
    restore: () => void;
  },
): () => void {
  const listeners: [string, (payload: unknown) => void][] = [
    ...Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]): [string, () => void] => [
      signal,
      () => to.exit(code),
    ]),
    ['uncaughtException', to.crash],
    ['unhandledRejection', to.crash],
    ['exit', to.restore],
  ];
  for (const [event, listener] of listeners) events.on(event, listener);
  return () => {
    for (const [event, listener] of listeners) events.off(event, listener);
  };
}
