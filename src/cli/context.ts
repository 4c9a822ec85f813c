import type { Options, PositionalOptions } from 'yargs';
import { BACKWARD_MODES } from '../engine/index.js';
import type { Io } from './io.js';

/** What every command is given: the outside world, and where the package's files are. */
export interface CliContext {
  readonly io: Io;
  readonly version: string;
  /** The folder of built-in scenarios. */
  readonly scenariosDir: string;
}

/** A command's result: 0 all good, 1 a check failed, 2 bad input or usage. */
export type ExitCode = 0 | 1 | 2;

export const worst = (codes: readonly ExitCode[]): ExitCode => Math.max(0, ...codes) as ExitCode;

/**
 * Bad usage found while parsing arguments; reported with its hint and exit code 2. (yargs keeps
 * only the message of an error thrown by a coerce function, so those put any example in it.)
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface GlobalArgs {
  readonly color: boolean;
}

/** What a command that prints numbers for people takes (check, replay, export, the debugger). */
export interface PrecisionArgs {
  readonly precision: number | undefined;
}

export const globalOptions = {
  color: {
    type: 'boolean',
    default: true,
    describe: 'Color the output (--no-color or NO_COLOR turns it off)',
  },
} as const satisfies Record<string, Options>;

/**
 * No yargs type: yargs reads a number as one, and leaves any other text as it was given, for the
 * message (`got 'abc'`; a `number` type would make it NaN first).
 */
export const precisionOption = {
  requiresArg: true,
  describe: 'Significant digits of the numbers shown, a whole number from 1 to 17 (JSON is exact)',
  coerce: (value: unknown) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 17) {
      throw new UsageError(`--precision expects a whole number from 1 to 17, got '${value}'`);
    }
    return n;
  },
} as const satisfies Options;

export const setOption = {
  type: 'string',
  array: true,
  requiresArg: true,
  default: [],
  defaultDescription: 'none',
  describe: 'Override an input: NAME=VALUE (repeatable)',
  coerce: parseSet,
} as const satisfies Options;

export const breakOption = {
  type: 'string',
  array: true,
  requiresArg: true,
  default: [],
  defaultDescription: 'none',
  describe:
    'A breakpoint SPEC (repeatable): NODE, forward:NODE, backward:NODE, change:NODE, final:NODE, mismatch, [NODE:] COND',
} as const satisfies Options;

export const modeOption = {
  choices: BACKWARD_MODES,
  describe:
    "The backward algorithm: correct, or one of micrograd's classic bugs, compared with the correct run (default: the scenario's mode:, else correct)",
} as const satisfies Options;

/**
 * `--quiz` (every grad a backward step settles becomes a prediction) or `--quiz forward` (every
 * forward step's data).
 */
export const quizOption = {
  type: 'string',
  describe:
    'Ask the learner to predict every grad a backward step settles (or, with "forward", every forward value)',
  coerce: (value: unknown): 'backward' | 'forward' | undefined => {
    if (value === undefined) return undefined;
    if (value === '' || value === 'backward') return 'backward';
    if (value === 'forward') return 'forward';
    throw new UsageError(`--quiz takes 'forward', 'backward' or nothing, got '${value}'`);
  },
} as const satisfies Options;

/** The scenario file every command but `list` takes. */
export const fileArgument = {
  type: 'string',
  demandOption: true,
  describe: 'A scenario file or built-in name',
} as const satisfies PositionalOptions;

/** `--set` values by input name, as written: the scenario's number rule reads them (cli/load.ts). */
export type SetArgs = ReadonlyMap<string, string>;

/**
 * `--set x=3 --set y=-1.5` as a map of texts. A malformed pair and a name given twice (which value
 * was meant?) are usage errors; the numbers are read when the scenario loads, by its own rule and
 * with its messages, pointing into the options as written.
 */
export function parseSet(values: readonly unknown[] | undefined): SetArgs {
  const set = new Map<string, string>();
  for (const raw of values ?? []) {
    const text = String(raw);
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S.*?)\s*$/.exec(text);
    if (match === null) {
      throw new UsageError(`--set expects NAME=VALUE with a number (--set x=2.5), got '${text}'`);
    }
    const [, name, value] = match;
    const earlier = set.get(name);
    if (earlier !== undefined) {
      throw new UsageError(
        `--set ${name} is given twice (${name}=${earlier} and ${name}=${value}): give each input once`,
      );
    }
    set.set(name, value);
  }
  return set;
}

/** Color only on a terminal, and never when asked not to (`--no-color`, `NO_COLOR`). */
export function colorEnabled(args: GlobalArgs, io: Io, stream: 'stdout' | 'stderr'): boolean {
  const noColor = io.env.NO_COLOR;
  return args.color && (noColor === undefined || noColor === '') && io.isTTY[stream];
}

/** A usage or command-line error in the one form every command prints: message, then a hint. */
export function printError(io: Io, message: string, hint?: string): 2 {
  io.stderr(`gradstep: error: ${message}\n${hint === undefined ? '' : `hint: ${hint}\n`}`);
  return 2;
}
