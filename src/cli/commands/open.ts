import type { CommandModule } from 'yargs';
import { suggest } from '../../scenario/index.js';
import { type Builtin, builtinScenarios, DEFAULT_SCENARIO, isScenarioPath } from '../builtins.js';
import {
  breakOption,
  type CliContext,
  type ExitCode,
  type GlobalArgs,
  printError,
  setOption,
} from '../context.js';
import { openInteractive } from '../interactive.js';

export interface OpenArgs extends GlobalArgs {
  readonly scenario: string | undefined;
  readonly set: ReadonlyMap<string, number>;
  readonly break: readonly string[];
}

export const openOptions = {
  set: setOption,
  break: breakOption,
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
        .positional('scenario', { type: 'string', describe: 'A scenario file or built-in name' }),
    handler: async (args) => {
      const file = await resolveScenario(ctx, args.scenario, commandNames);
      report(typeof file === 'string' ? await openInteractive(ctx, file, args) : file);
    },
  };
}

/**
 * ARG is a file if it exists or looks like one (`.yaml`, `.yml`, `.json`), else a built-in name;
 * anything else is a usage error with a hint (a command it resembles, or the built-in names).
 */
export async function resolveScenario(
  ctx: CliContext,
  arg: string | undefined,
  commandNames: readonly string[],
): Promise<string | ExitCode> {
  const builtins = await builtinScenarios(ctx);
  const byName = (name: string): Builtin | undefined => builtins.find((b) => b.name === name);
  if (arg === undefined) {
    const seed = byName(DEFAULT_SCENARIO);
    if (seed !== undefined) return seed.file;
    return printError(ctx.io, `the built-in example is missing from ${ctx.scenariosDir}`);
  }
  if (isScenarioPath(arg) || (await ctx.io.readFile(arg)).kind !== 'missing') return arg;
  const builtin = byName(arg);
  if (builtin !== undefined) return builtin.file;

  const names = builtins.map((b) => b.name);
  const meant = suggest(arg, commandNames) ?? suggest(arg, names);
  return printError(
    ctx.io,
    `'${arg}' is not a command, a scenario file or a built-in scenario`,
    meant !== undefined
      ? `did you mean '${meant}'?`
      : `built-in scenarios: ${names.join(', ')}; commands: ${commandNames.join(', ')}`,
  );
}
