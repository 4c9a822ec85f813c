import { parseBreakpoints } from './breakpoints.js';
import type { OpenArgs } from './commands/open.js';
import { type CliContext, colorEnabled } from './context.js';
import { loadScenarioFile, reloadScenario } from './load.js';

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
  const color = colorEnabled(args, io, 'stderr');
  const loaded = await loadScenarioFile(io, file, { set: args.set });
  const problems = loaded.ok ? loaded.warnings : loaded.problems;
  for (const p of problems) io.stderr(`${p.format(color)}\n`);
  if (!loaded.ok) return 2;
  const breakpoints = parseBreakpoints(loaded.scenario, args.break);
  if (!Array.isArray(breakpoints)) {
    for (const p of breakpoints.problems) io.stderr(`${p.format(color)}\n`);
    return 2;
  }
  if (!io.isTTY.stdin || !io.isTTY.stdout) {
    io.stderr(
      `gradstep: error: the interactive debugger needs a terminal on stdin and stdout\nhint: for a transcript, run: gradstep replay ${file}\n`,
    );
    return 2;
  }
  const { runTui } = await import('../ui/index.js');
  return runTui({
    scenario: loaded.scenario,
    file,
    reload: () => reloadScenario(io, file, { set: args.set }),
    breakpoints: args.break,
    precision: args.precision,
    color: colorEnabled(args, io, 'stdout'),
  });
}
