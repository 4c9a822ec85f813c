import type { CommandModule } from 'yargs';
import type { BackwardMode } from '../../engine/index.js';
import { resolveScenario } from '../builtins.js';
import {
  breakOption,
  type CliContext,
  type GlobalArgs,
  modeOption,
  type PrecisionArgs,
  precisionOption,
  quizOption,
  type SetArgs,
  setOption,
} from '../context.js';
import { openInteractive } from '../interactive.js';

export interface OpenArgs extends GlobalArgs, PrecisionArgs {
  readonly scenario: string | undefined;
  readonly set: SetArgs;
  readonly mode: BackwardMode | undefined;
  readonly break: readonly string[];
  readonly quiz: 'backward' | 'forward' | undefined;
}

export const openOptions = {
  precision: precisionOption,
  set: setOption,
  mode: modeOption,
  break: breakOption,
  quiz: quizOption,
} as const;

/** The default command: `gradstep [SCENARIO]`, a file or a built-in name. */
export function openCommand(
  ctx: CliContext,
  commandNames: readonly string[],
  /** A number, not only 0/1/2: the TUI exits 128 + n on a signal. */
  report: (code: number) => void,
): CommandModule<GlobalArgs, OpenArgs> {
  return {
    command: '$0 [scenario]',
    describe: 'Open a scenario (a file or a built-in name; default: the built-in seed example)',
    builder: (yargs) =>
      yargs
        .options(openOptions)
        // Top-level help lists them too: say that they are the debugger's, not every command's.
        .group(Object.keys(openOptions), 'Options of gradstep SCENARIO (the debugger):')
        .positional('scenario', { type: 'string', describe: 'A scenario file or built-in name' }),
    handler: async (args) => {
      const file = await resolveScenario(ctx, args.scenario, commandNames);
      report(typeof file === 'string' ? await openInteractive(ctx, file, args) : file);
    },
  };
}
