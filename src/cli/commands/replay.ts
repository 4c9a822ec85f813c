import type { CommandModule } from 'yargs';
import type { BackwardMode } from '../../engine/index.js';
import type { Scenario } from '../../scenario/index.js';
import { createSession, type Prediction, type SessionState } from '../../session/index.js';
import { readAnswers } from '../answers.js';
import { parseBreakpoints } from '../breakpoints.js';
import { resolveScenario } from '../builtins.js';
import {
  breakOption,
  type CliContext,
  type ExitCode,
  fileArgument,
  type GlobalArgs,
  modeOption,
  type PrecisionArgs,
  precisionOption,
  printError,
  quizOption,
  type SetArgs,
  setOption,
  UsageError,
} from '../context.js';
import { loadForCommand } from '../load.js';
import { describeFormats, formatNames } from '../output-format.js';
import {
  answerOf,
  drive,
  driveKeys,
  type Plan,
  positionOf,
  type ReplayBlock,
} from '../replay/drive.js';
import { REPLAY_FORMATS, type ReplayFormat } from '../replay/formats.js';
import {
  FRAME_COLUMNS,
  FRAME_ROWS,
  frameNames,
  framesText,
  stepPresses,
} from '../replay/frames.js';
import { type KeyRules, parseKeys } from '../replay/keys.js';
import { expectText } from '../replay/text.js';
import { ChunkedWriter, type TranscriptFormat } from '../replay/writer.js';

// Types only: a static import of ui (or Ink, React) would load them for every command.
type KeyPress = import('../../ui/index.js').KeyPress;

export interface ReplayArgs extends GlobalArgs, PrecisionArgs {
  readonly frames: boolean;
  readonly columns: number | undefined;
  readonly rows: number | undefined;
  readonly file: string;
  readonly keys: string | undefined;
  readonly to: string | undefined;
  readonly break: readonly string[];
  readonly set: SetArgs;
  readonly mode: BackwardMode | undefined;
  readonly format: ReplayFormat | undefined;
  readonly quiz: 'backward' | 'forward' | undefined;
  readonly answers: string | undefined;
  readonly for: 'students' | undefined;
}

export const replayOptions = {
  precision: precisionOption,
  keys: {
    type: 'string',
    requiresArg: true,
    describe: 'Space-separated keys to press, e.g. "n n N G :B3"',
  },
  to: { type: 'string', requiresArg: true, describe: 'Single steps from start to STEP' },
  break: breakOption,
  set: setOption,
  mode: modeOption,
  format: { choices: formatNames(REPLAY_FORMATS), describe: describeFormats(REPLAY_FORMATS) },
  quiz: quizOption,
  answers: {
    type: 'string',
    requiresArg: true,
    describe:
      'Answers to the predictions: "x1.grad=-1.5,w1.grad=1", or a FILE with one NODE.FIELD=VALUE a line (none: skipped)',
  },
  for: {
    choices: ['students'] as const,
    describe: 'With --format markdown: leave out the expects and the answer key',
  },
  frames: {
    type: 'boolean',
    default: false,
    describe:
      "Print the debugger's screen after each step (or key) as plain text, instead of a transcript",
  },
  columns: {
    type: 'string',
    requiresArg: true,
    describe: `With --frames: the screen's width (default ${FRAME_COLUMNS})`,
    coerce: screenSize('--columns'),
  },
  rows: {
    type: 'string',
    requiresArg: true,
    describe: `With --frames: the screen's height (default ${FRAME_ROWS})`,
    coerce: screenSize('--rows'),
  },
} as const;

/** A whole number of character cells; the TUI's own minimum is checked once the UI is loaded. */
function screenSize(option: string) {
  return (value: unknown): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (Number.isInteger(n) && n > 0 && n <= 1000) return n;
    throw new UsageError(`${option} expects a whole number of characters, got '${value}'`);
  };
}

export function replayCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, ReplayArgs> {
  return {
    command: 'replay <file>',
    describe:
      'Print a deterministic transcript of a session (every step, --to STEP or --keys), or its screens (--frames)',
    builder: (yargs) =>
      yargs
        .options(replayOptions)
        .hide('version')
        .hide('v')
        .positional('file', fileArgument)
        .conflicts('keys', 'to')
        // yargs gives an example's command at most half the help's width: keep them short.
        .example('$0 replay scenarios/seed.yaml', 'Every step with its narration')
        .example('$0 replay seed --keys "f :B3 N"', 'Keys as in the TUI, on the built-in seed')
        .example('$0 replay seed --to B3 --format json', 'Steps up to B3 as JSON Lines')
        .example('$0 replay seed --frames --columns 80', 'The screen after each step, for slides')
        .example('$0 replay neuron --quiz', 'Predict each grad, then see it'),
    handler: async (args) => report(await runReplay(ctx, args)),
  };
}

/** The keymap and the frames come from the ui layer: imported only when keys or frames need it. */
const loadUi = () => import('../../ui/index.js');

export async function runReplay(ctx: CliContext, given: ReplayArgs): Promise<ExitCode> {
  const { io } = ctx;
  const file = await resolveScenario(ctx, given.file);
  if (typeof file !== 'string') return file;
  const args = { ...given, file };
  const usage = (message: string, hint?: string) => printError(io, message, hint);
  const conflict = optionConflict(args);
  if (conflict !== undefined) return usage(conflict.message, conflict.hint);
  const scenario = await loadForCommand(io, args.file, args);
  if (scenario === undefined) return 2;
  const breakpoints = parseBreakpoints(io, args, scenario);
  if (breakpoints === undefined) return 2;

  const initial = createSession(scenario, { breakpoints, quiz: args.quiz, ask: true });
  const answers =
    args.answers === undefined ? new Map() : await readAnswers(io, args, args.answers, initial);
  if (answers === undefined) return 2;
  const route = await routeOf(args, initial);
  if ('message' in route) return usage(route.message, route.hint);
  const { plan, presses } = route;
  // Without --frames the transcript is written as the session steps through it.
  const format = args.frames ? undefined : formatOf(args, scenario, initial, ctx.version);
  const out = new ChunkedWriter((text) => io.stdout(text));
  const failed: string[] = [];
  format?.head(out.write);
  const options = { precision: args.precision, narrate: format?.narrates ?? false, answers };
  const onBlock = (block: ReplayBlock) => {
    format?.block(block, out.write);
    for (const f of block.failed) {
      failed.push(`${args.file}: ${f.step}: ${expectText(scenario, f.expect)}\n`);
    }
  };
  let final = initial;
  if (presses === undefined) final = drive(initial, plan, options, onBlock);
  else {
    const ui = await loadUi();
    const app = ui.initialApp({
      ...appOptions(args, scenario),
      ask: true,
      quiz: args.quiz,
    });
    final = driveKeys(ui.pressKeys, app, presses, options, onBlock);
  }
  format?.tail(final, out.write);
  out.flush();
  // The frames replay the session again in the ui layer, after this run (they share the graph).
  if (args.frames) {
    const output = await framesOutput(args, scenario, {
      presses: presses ?? stepPresses(initial, plan),
      named: presses !== undefined,
      answer: (p) => answerOf(answers, p),
    });
    if (typeof output !== 'string') return usage(output.message);
    io.stdout(output);
  }
  for (const line of failed) io.stderr(line);
  return failed.length > 0 ? 1 : 0;
}

/** What `--keys` accepts: the ui's key names, ctrl- keys, and `:STEP` with a step that exists. */
function keyRules(initial: SessionState, names: readonly string[]): KeyRules {
  return {
    isKeyName: (token) => names.includes(token) || /^ctrl-[a-z]$/.test(token),
    stepProblem: (step) => {
      const found = positionOf(initial, step);
      return typeof found === 'number'
        ? undefined
        : { ...found, message: `--keys: ${found.message}` };
    },
  };
}

/** The app as replay runs it: the screen of --frames (the TUI's design size for a transcript). */
/** Options that contradict each other, said before the file is read. */
function optionConflict(args: ReplayArgs): { message: string; hint?: string } | undefined {
  if (args.frames && args.format !== undefined)
    return { message: '--frames replaces --format: give one of them' };
  if (!args.frames && (args.columns !== undefined || args.rows !== undefined))
    return { message: '--columns and --rows size the screens of --frames', hint: 'add --frames' };
  if (args.for !== undefined && args.format !== 'markdown')
    return {
      message: '--for students shapes the Markdown handout',
      hint: 'add --format markdown',
    };
  return undefined;
}

/** Where the replay goes: every step, single steps `--to` a step, or the `--keys` pressed. */
async function routeOf(
  args: ReplayArgs,
  initial: SessionState,
): Promise<{ plan: Plan; presses?: readonly KeyPress[] } | { message: string; hint?: string }> {
  if (args.to !== undefined) {
    const position = positionOf(initial, args.to);
    if (typeof position !== 'number')
      return { message: `--to ${args.to}: ${position.message}`, hint: position.hint };
    return { plan: { kind: 'to', position } };
  }
  if (args.keys !== undefined) {
    const parsed = parseKeys(args.keys, keyRules(initial, (await loadUi()).KEY_NAMES));
    if (!parsed.ok) return { message: parsed.message, hint: parsed.hint };
    return { plan: { kind: 'all' }, presses: parsed.presses };
  }
  return { plan: { kind: 'all' } };
}

function appOptions(args: ReplayArgs, scenario: Scenario) {
  return {
    scenario,
    breakpoints: args.break,
    precision: args.precision,
    columns: args.columns ?? FRAME_COLUMNS,
    rows: args.rows ?? FRAME_ROWS,
  };
}

function formatOf(
  args: ReplayArgs,
  scenario: Scenario,
  session: SessionState,
  version: string,
): TranscriptFormat {
  const input = {
    file: args.file,
    scenario,
    session,
    version,
    precision: args.precision,
    forStudents: args.for === 'students',
  };
  return REPLAY_FORMATS[args.format ?? 'text'].render(input);
}

/** The TUI's screens, drawn by the ui layer at the size asked for (the TUI's minimum at least). */
async function framesOutput(
  args: ReplayArgs,
  scenario: Scenario,
  how: { presses: readonly KeyPress[]; named: boolean; answer: (p: Prediction) => number | null },
): Promise<string | { message: string }> {
  const { presses, named, answer } = how;
  const { columns, rows } = appOptions(args, scenario);
  const { renderFrames, MIN_COLUMNS, MIN_ROWS } = await loadUi();
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    const message = `--frames needs a screen of at least ${MIN_COLUMNS}×${MIN_ROWS}, got ${columns}×${rows}`;
    return { message };
  }
  const options = { ...appOptions(args, scenario), file: args.file, presses, answer };
  const frames = await renderFrames({ ...options, ask: true, quiz: args.quiz });
  return framesText(frames, named ? frameNames(presses) : undefined, columns);
}
