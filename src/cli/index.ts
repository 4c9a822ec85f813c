import { readFile } from 'node:fs/promises';
import { packageScenariosDir } from './builtins.js';
import { type CliContext, printError, UsageError } from './context.js';
import { nodeIo, printableIo } from './io.js';

export { nodeIo } from './io.js';

import { buildParser } from './parser.js';
import { guardOutputStreams } from './streams.js';

export type { CliContext, ExitCode } from './context.js';
export type { FileContent, Io } from './io.js';
export { buildParser } from './parser.js';

/** An unexpected failure: a bug, reported in one line without a stack trace. */
export const INTERNAL_ERROR = 70;

/** Runs one command line and returns its exit code; never exits the process. */
export async function run(args: readonly string[], given: CliContext): Promise<number> {
  const ctx = { ...given, io: printableIo(given.io) };
  // yargs drops a bare `-`, so `check -` would check nothing and exit 0: a false green in CI.
  if (args.some((a, i) => a === '-' && args[i - 1] !== '--keys'))
    return printError(
      ctx.io,
      "'-' (standard input) is not read: give a scenario file or a built-in name",
      'gradstep check my-graph.yaml',
    );
  const codes: number[] = [];
  const parser = buildParser(ctx, args, (code) => codes.push(code));
  try {
    await parser.parseAsync([...args], {}, (_error, _argv, output) => {
      if (output !== '') ctx.io.stdout(`${output}\n`);
    });
  } catch (error) {
    if (error instanceof UsageError) return printError(ctx.io, error.message, error.hint);
    const message = error instanceof Error ? error.message : String(error);
    ctx.io.stderr(`gradstep: internal error: ${message}\n`);
    return INTERNAL_ERROR;
  }
  return Math.max(0, ...codes);
}

/** The real process: its arguments, files and streams. */
export async function main(args: readonly string[]): Promise<number> {
  guardOutputStreams();
  const scenariosDir = packageScenariosDir();
  const pkg = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return run(args, { io: nodeIo(), version: pkg.version, scenariosDir });
}
