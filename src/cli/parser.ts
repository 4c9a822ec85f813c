import yargs, { type Argv } from 'yargs';
import { suggest } from '../scenario/index.js';
import { checkCommand, checkOptions } from './commands/check.js';
import { exportCommand, exportOptions } from './commands/export.js';
import { listCommand } from './commands/list.js';
import { openCommand, openOptions } from './commands/open.js';
import { pythonHelperCommand } from './commands/python-helper.js';
import { replayCommand, replayOptions } from './commands/replay.js';
import { type CliContext, type GlobalArgs, globalOptions, UsageError } from './context.js';

export const COMMAND_NAMES = ['check', 'list', 'replay', 'export', 'python-helper'] as const;

const OPTION_NAMES = [
  ...new Set([
    'help',
    'version',
    ...Object.keys(globalOptions),
    ...Object.keys(checkOptions),
    ...Object.keys(openOptions),
    ...Object.keys(replayOptions),
    ...Object.keys(exportOptions),
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
  return yargs()
    .scriptName('gradstep')
    .usage('$0 [SCENARIO]\n$0 <command> [options]')
    .options(globalOptions)
    .command(checkCommand(ctx, report))
    .command(listCommand(ctx, report))
    .command(replayCommand(ctx, report))
    .command(exportCommand(ctx, report))
    .command(pythonHelperCommand(ctx, report))
    .command(openCommand(ctx, COMMAND_NAMES, report))
    .strict()
    .version(ctx.version)
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .wrap(100)
    .fail((message, error) => {
      if (error instanceof UsageError) throw error;
      // yargs rethrows a coerce function's error as a YError with the same message; it also
      // throws YErrors of its own (an option given without its value).
      if (error?.name === 'YError')
        throw inOurWords(error.message, args) ?? new UsageError(error.message);
      if (error !== undefined && error !== null) throw error;
      throw inOurWords(message, args) ?? unknownWord(message, args);
    });
}

/** yargs' validation messages that have a pattern, in gradstep's words, with a way forward. */
function inOurWords(message: string, args: readonly string[]): UsageError | undefined {
  const command = args.find((a) => !a.startsWith('-'));
  if (/^Not enough non-option arguments/.test(message) && command !== undefined) {
    return new UsageError(
      `${command}: missing FILE`,
      `try gradstep ${command} scenarios/seed.yaml, or a built-in name: gradstep ${command} seed`,
    );
  }
  const conflict = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(message);
  if (conflict !== null) {
    return new UsageError(`--${conflict[1]} and --${conflict[2]} cannot be combined`);
  }
  const valueless = /^Not enough arguments following: (\S+)$/.exec(message);
  if (valueless !== null) return new UsageError(`--${valueless[1]} needs a value`);
  const choice = /^Invalid values:\s+Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(message);
  if (choice !== null) {
    const choices = choice[3].replaceAll('"', '');
    const given = choice[2].replace(/^"(.*)"$/, '$1');
    return new UsageError(`--${choice[1]} expects one of ${choices}, got '${given}'`);
  }
  return undefined;
}

/** A yargs validation message made actionable: the unknown word, and what was probably meant. */
function unknownWord(message: string, args: readonly string[]): UsageError {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown === null) return new UsageError(message, "run 'gradstep --help' for usage");
  const first = args[0];
  const command =
    first === undefined || first.startsWith('-') ? undefined : suggest(first, COMMAND_NAMES);
  if (command !== undefined && !(COMMAND_NAMES as readonly string[]).includes(first)) {
    return new UsageError(`unknown command '${first}'`, `did you mean '${command}'?`);
  }
  const word = unknown[1].split(', ')[0];
  const isOption = args.some(
    (a) => a.replace(/^-+/, '').split('=')[0] === word && a.startsWith('-'),
  );
  if (!isOption)
    return new UsageError(`unexpected argument '${word}'`, "run 'gradstep --help' for usage");
  const option = suggest(word, OPTION_NAMES);
  const flag = `${word.length === 1 ? '-' : '--'}${word}`;
  return new UsageError(
    `unknown option '${flag}'`,
    option === undefined ? "run 'gradstep --help' for usage" : `did you mean '--${option}'?`,
  );
}
