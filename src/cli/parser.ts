import yargs, { type Argv } from 'yargs';
import { suggest } from '../scenario/index.js';
import { checkCommand, checkOptions } from './commands/check.js';
import { exportCommand, exportOptions } from './commands/export.js';
import { listCommand, listOptions } from './commands/list.js';
import { openCommand, openOptions } from './commands/open.js';
import { pythonHelperCommand } from './commands/python-helper.js';
import { replayCommand, replayOptions } from './commands/replay.js';
import { type CliContext, type GlobalArgs, globalOptions, UsageError } from './context.js';

export const COMMAND_NAMES = [
  'check',
  'list',
  'replay',
  'export',
  'python-helper',
  'completion',
] as const;

const OPTION_NAMES = [
  ...new Set([
    'help',
    'version',
    ...Object.keys(globalOptions),
    ...Object.keys(checkOptions),
    ...Object.keys(openOptions),
    ...Object.keys(replayOptions),
    ...Object.keys(exportOptions),
    ...Object.keys(listOptions),
  ]),
];

/**
 * The gradstep command line, built fresh on every call and free of side effects: commands report
 * their exit code through `report`, help and version text come back from `parseAsync`'s callback,
 * and usage errors are thrown as `UsageError`.
 */
export function buildParser(
  ctx: CliContext,
  args: readonly string[],
  report: (code: number) => void,
): Argv<GlobalArgs> {
  const parser: Argv<GlobalArgs> = yargs()
    .scriptName('gradstep')
    .usage('$0 [SCENARIO]\n$0 <command> [options]')
    .options(globalOptions)
    .command(checkCommand(ctx, report))
    .command(listCommand(ctx, report))
    .command(replayCommand(ctx, report))
    .command(exportCommand(ctx, report))
    .command(pythonHelperCommand(ctx, report))
    .command({
      command: 'completion',
      describe: 'print a bash/zsh completion script: gradstep completion >> ~/.bashrc',
      handler: () => {
        parser.showCompletionScript();
        report(0);
      },
    })
    .command(openCommand(ctx, COMMAND_NAMES, report))
    // yargs' own completion command would be taken by the default command (a scenario named
    // 'completion'): it only answers --get-yargs-completions here; completionCommand prints.
    .completion('completion-script', false)
    .strict()
    .version(ctx.version)
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .wrap(100)
    // yargs' type says strings, but it takes plural forms as y18n does.
    .updateStrings(YARGS_STRINGS as Record<string, string>)
    .fail((message, error) => {
      if (error instanceof UsageError) throw error;
      // An unknown option is named first: yargs may have taken the next word as its value and
      // would then report a missing FILE instead (`check --jsn seed`).
      const unknown = unknownOption(args);
      if (unknown !== undefined) throw unknown;
      // yargs rethrows a coerce function's error as a YError with the same message; it also
      // throws YErrors of its own (an option given without its value).
      if (error?.name === 'YError') throw inOurWords(error.message, args);
      if (error !== undefined && error !== null) throw error;
      throw inOurWords(message, args);
    });
  return parser;
}

/**
 * yargs lets a program set its messages. gradstep sets them to tagged fields (`␀kind␀value…`) and
 * words them itself in inOurWords, where the command line is at hand: no English of yargs' is
 * parsed, and a yargs update cannot change what gradstep says.
 */
const TAG = '\u0000';
const tagged = (kind: string, fields: number) =>
  TAG + [kind, ...Array(fields).fill('%s')].join(TAG);
const YARGS_STRINGS: Record<string, string | { one: string; other: string }> = {
  'Not enough non-option arguments: got %s, need at least %s': {
    one: tagged('missing-file', 2),
    other: tagged('missing-file', 2),
  },
  'Arguments %s and %s are mutually exclusive': tagged('conflict', 2),
  'Not enough arguments following: %s': tagged('needs-value', 1),
  // yargs writes `Invalid values:`, then a line for each option.
  'Invalid values:': tagged('invalid', 0),
  'Argument: %s, Given: %s, Choices: %s': tagged('choice', 3),
  'Unknown argument: %s': { one: tagged('unknown', 1), other: tagged('unknown', 1) },
};

/** A tagged message of YARGS_STRINGS in gradstep's words, with a way forward. */
function inOurWords(message: string, args: readonly string[]): UsageError {
  const fields = message.split(TAG).map((f) => f.trim());
  const kind = fields[1] === 'invalid' ? fields[2] : fields[1];
  const values = fields.slice(fields.indexOf(kind) + 1);
  const bare = (json: string) => json.replaceAll('"', '');
  const command = args.find((a) => !a.startsWith('-'));
  switch (kind) {
    case 'missing-file':
      return new UsageError(
        `${command}: missing FILE`,
        `try gradstep ${command} scenarios/seed.yaml, or a built-in name: gradstep ${command} seed`,
      );
    case 'conflict':
      return new UsageError(`--${values[0]} and --${values[1]} cannot be combined`);
    case 'needs-value':
      return new UsageError(`--${values[0]} needs a value`);
    case 'choice':
      return new UsageError(
        `--${values[0]} expects one of ${bare(values[2])}, got '${bare(values[1])}'`,
      );
    case 'unknown':
      return unknownWord(values[0], args);
    default:
      return new UsageError(message, "run 'gradstep --help' for usage");
  }
}

/** An unknown word (yargs lists them `a, b`), made actionable: what was probably meant. */
function unknownWord(words: string, args: readonly string[]): UsageError {
  const first = args[0];
  const command =
    first === undefined || first.startsWith('-') ? undefined : suggest(first, COMMAND_NAMES);
  if (command !== undefined && !(COMMAND_NAMES as readonly string[]).includes(first)) {
    return new UsageError(`unknown command '${first}'`, `did you mean '${command}'?`);
  }
  const word = words.split(', ')[0];
  // An option of another command (`list --precision`): unknownOption knows every command's.
  if (args.includes(`--${word}`) || args.some((a) => a.startsWith(`--${word}=`))) {
    const named = (COMMAND_NAMES as readonly string[]).includes(first) ? first : undefined;
    return new UsageError(
      `'--${word}' is not an option of ${named === undefined ? 'the debugger' : `'${named}'`}`,
      `gradstep ${named === undefined ? '' : `${named} `}--help lists its options`,
    );
  }
  // Long options were named by unknownOption already; a short one (`-x`) lands here.
  if (!args.includes(`-${word}`))
    return new UsageError(`unexpected argument '${word}'`, "run 'gradstep --help' for usage");
  return new UsageError(`unknown option '-${word}'`, "run 'gradstep --help' for usage");
}

/** The first `--name` that no command knows, with the option probably meant (`--no-X` kept). */
function unknownOption(args: readonly string[]): UsageError | undefined {
  const end = args.indexOf('--');
  for (const arg of end < 0 ? args : args.slice(0, end)) {
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0];
    const negated = name.startsWith('no-') && !OPTION_NAMES.includes(name);
    const word = negated ? name.slice(3) : name;
    if (OPTION_NAMES.includes(word)) continue;
    const option = suggest(word, OPTION_NAMES);
    return new UsageError(
      `unknown option '--${name}'`,
      option === undefined
        ? "run 'gradstep --help' for usage"
        : `did you mean '--${negated ? 'no-' : ''}${option}'?`,
    );
  }
  return undefined;
}
