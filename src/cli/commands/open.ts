import type { CommandModule } from 'yargs';
import { type Builtin, builtinScenarios, DEFAULT_SCENARIO, isScenarioPath } from '../builtins.js';
import { type CliContext, type ExitCode, type GlobalArgs, setOption } from '../context.js';
import { closest } from '../hint.js';
import { openInteractive } from '../interactive.js';

export interface OpenArgs extends GlobalArgs {
  readonly scenario: string | undefined;
  readonly set: ReadonlyMap<string, number>;
  readonly break: readonly string[];
}

export const openOptions = {
  set: setOption,
  break: {
    type: 'string',
    array: true,
    requiresArg: true,
    default: [],
    defaultDescription: 'none',
    describe: 'A breakpoint SPEC (repeatable)',
  },
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
    ctx.io.stderr(`gradstep: error: the built-in example is missing from ${ctx.scenariosDir}\n`);
    return 2;
  }
  if (isScenarioPath(arg) || (await ctx.io.readFile(arg)).kind !== 'missing') return arg;
  const builtin = byName(arg);
  if (builtin !== undefined) return builtin.file;

  const command = closest(arg, commandNames);
  const builtinName = closest(
    arg,
    builtins.map((b) => b.name),
  );
  const hint =
    command !== undefined
      ? `did you mean '${command}'?`
      : builtinName !== undefined
        ? `did you mean '${builtinName}'?`
        : `built-in scenarios: ${builtins.map((b) => b.name).join(', ')}; commands: ${commandNames.join(', ')}`;
  ctx.io.stderr(
    `gradstep: error: '${arg}' is not a command, a scenario file or a built-in scenario\nhint: ${hint}\n`,
  );
  return 2;
}
