import { parseBreakpoints } from './breakpoints.js';
import type { OpenArgs } from './commands/open.js';
import { type CliContext, colorEnabled, printError } from './context.js';
import { loadForCommand, reloadScenario } from './load.js';

/**
 * Opens the interactive debugger on a scenario file. Scenario errors are printed as `check`
 * prints them and the app does not start. The TUI is imported here, with a dynamic `import()`
 * only, so the headless commands never load Ink or React.
 */
export async function openInteractive(
  ctx: CliContext,
  file: string,
  args: OpenArgs,
): Promise<number> {
  const { io } = ctx;
  const scenario = await loadForCommand(io, file, args);
  if (scenario === undefined || parseBreakpoints(io, args, scenario) === undefined) return 2;
  if (!io.isTTY.stdin || !io.isTTY.stdout) {
    return printError(
      io,
      'the interactive debugger needs a terminal on stdin and stdout',
      `for a transcript, run: gradstep replay ${file}`,
    );
  }
  const { runTui } = await import('../ui/index.js');
  return runTui({
    scenario,
    file,
    reload: () => reloadScenario(io, file, { set: args.set }),
    breakpoints: args.break,
    precision: args.precision,
    color: colorEnabled(args, io, 'stdout'),
  });
}
