import type { CommandModule } from 'yargs';
import { builtinScenarios } from '../builtins.js';
import {
  type CliContext,
  colorEnabled,
  type ExitCode,
  type GlobalArgs,
  printError,
} from '../context.js';
import { painter } from '../format.js';
import { loadScenarioFile } from '../load.js';

export function listCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'list',
    describe: 'List the built-in scenarios with their titles',
    builder: (yargs) => yargs.hide('version'),
    handler: async (args) => report(await runList(ctx, args)),
  };
}

/** One line per built-in: its name (what `gradstep NAME` opens), title and file. */
export async function runList(ctx: CliContext, args: GlobalArgs): Promise<ExitCode> {
  const paint = painter(colorEnabled(args, ctx.io, 'stdout'));
  const builtins = await builtinScenarios(ctx);
  if (builtins.length === 0)
    return printError(ctx.io, `no built-in scenarios found in ${ctx.scenariosDir}`);
  const rows: [string, string, string][] = [];
  let code: ExitCode = 0;
  for (const { name, file } of builtins) {
    const loaded = await loadScenarioFile(ctx.io, file);
    if (!loaded.ok) code = 2;
    const title = loaded.ok ? loaded.scenario.title : `(invalid: run gradstep check ${file})`;
    rows.push([name, title, file]);
  }
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const titleWidth = Math.max(...rows.map(([, title]) => title.length));
  for (const [name, title, file] of rows) {
    ctx.io.stdout(
      `${paint('bold', name.padEnd(nameWidth))}  ${title.padEnd(titleWidth)}  ${paint('dim', file)}\n`,
    );
  }
  return code;
}
