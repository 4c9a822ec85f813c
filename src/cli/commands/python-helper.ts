import type { CommandModule } from 'yargs';
import { packageFile } from '../builtins.js';
import { type CliContext, type ExitCode, type GlobalArgs, printError } from '../context.js';
import { decodeText } from '../load.js';

/** The exporter shipped in the package, next to `scenarios/`. */
export const PYTHON_HELPER = 'python/gradstep_export.py';

export function pythonHelperCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'python-helper',
    describe: 'Print gradstep_export.py, which writes a Python Value graph as a scenario',
    builder: (yargs) =>
      yargs
        .hide('version')
        .hide('v')
        .example('$0 python-helper > gradstep_export.py', 'Install it next to your notebook'),
    handler: async () => report(await runPythonHelper(ctx)),
  };
}

export async function runPythonHelper(ctx: CliContext): Promise<ExitCode> {
  const path = packageFile(ctx, PYTHON_HELPER);
  const content = await ctx.io.readFile(path);
  const text = content.kind === 'file' ? decodeText(content.bytes) : undefined;
  if (text === undefined)
    return printError(ctx.io, `${path}: cannot be read`, 'reinstall gradstep');
  ctx.io.stdout(text);
  return 0;
}
