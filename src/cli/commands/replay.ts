import type { CommandModule } from 'yargs';
import { createSession } from '../../session/index.js';
import { parseBreakpoints } from '../breakpoints.js';
import {
  breakOption,
  type CliContext,
  type ExitCode,
  fileArgument,
  type GlobalArgs,
  printError,
  setOption,
} from '../context.js';
import { loadForCommand } from '../load.js';
import { drive, type Plan, positionOf } from '../replay/drive.js';
import { transcriptJson } from '../replay/json.js';
import { type KeyLookup, parseKeys } from '../replay/keys.js';
import { transcriptMarkdown } from '../replay/markdown.js';
import { expectText, transcriptText } from '../replay/text.js';

export const REPLAY_FORMATS = ['text', 'markdown', 'json'] as const;

export interface ReplayArgs extends GlobalArgs {
  readonly file: string;
  readonly keys: string | undefined;
  readonly to: string | undefined;
  readonly break: readonly string[];
  readonly set: ReadonlyMap<string, number>;
  readonly format: (typeof REPLAY_FORMATS)[number];
}

export const replayOptions = {
  keys: {
    type: 'string',
    requiresArg: true,
    describe: 'Space-separated keys to press, e.g. "n n N G :B3"',
  },
  to: { type: 'string', requiresArg: true, describe: 'Single steps from start to STEP' },
  break: breakOption,
  set: setOption,
  format: { choices: REPLAY_FORMATS, default: 'text', describe: 'Transcript format' },
} as const;

export function replayCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, ReplayArgs> {
  return {
    command: 'replay <file>',
    describe: 'Print a deterministic transcript of a session: every step, or --to STEP, or --keys',
    builder: (yargs) =>
      yargs
        .options(replayOptions)
        .positional('file', fileArgument)
        .conflicts('keys', 'to')
        .example('$0 replay scenarios/seed.yaml', 'Every step with its narration')
        .example(
          '$0 replay scenarios/seed.yaml --keys "f :B3 N" --format json',
          'Keys as in the TUI',
        ),
    handler: async (args) => report(await runReplay(ctx, args, loadKeymap)),
  };
}

/** The keymap lives in the ui layer, which loads Ink: import it only when keys are replayed. */
async function loadKeymap(): Promise<KeyLookup> {
  const { commandForKey } = await import('../../ui/index.js');
  return (key) => commandForKey(key, 'normal');
}

export async function runReplay(
  ctx: CliContext,
  args: ReplayArgs,
  keymap: () => Promise<KeyLookup>,
): Promise<ExitCode> {
  const { io } = ctx;
  const usage = (message: string, hint?: string) => printError(io, message, hint);
  const scenario = await loadForCommand(io, args.file, args);
  if (scenario === undefined) return 2;
  const breakpoints = parseBreakpoints(io, args, scenario);
  if (breakpoints === undefined) return 2;

  const initial = createSession(scenario, { breakpoints });
  let plan: Plan = { kind: 'all' };
  if (args.to !== undefined) {
    const position = positionOf(initial, args.to);
    if (typeof position !== 'number')
      return usage(`--to ${args.to}: ${position.message}`, position.hint);
    plan = { kind: 'to', position };
  } else if (args.keys !== undefined) {
    const parsed = parseKeys(args.keys, await keymap());
    if (!parsed.ok) return usage(parsed.message, parsed.hint);
    plan = { kind: 'keys', keys: parsed.keys };
  }
  const transcript = drive(initial, scenario, plan, args.precision);
  if (!('blocks' in transcript)) return usage(`--keys: ${transcript.message}`, transcript.hint);

  if (args.format === 'json') io.stdout(transcriptJson(transcript));
  else if (args.format === 'markdown') io.stdout(transcriptMarkdown(transcript, args.precision));
  else io.stdout(transcriptText(transcript, args.file));

  let code: ExitCode = 0;
  for (const block of transcript.blocks) {
    for (const e of block.expects.filter((x) => !x.ok)) {
      io.stderr(`${args.file}: ${block.to}: ${expectText(transcript, e)}\n`);
      code = 1;
    }
  }
  return code;
}
