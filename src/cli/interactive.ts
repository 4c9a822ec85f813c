import { DEFAULT_GRADCHECK_BUDGET } from '../engine/index.js';
import { runCheck } from './commands/check.js';
import type { OpenArgs } from './commands/open.js';
import type { CliContext, ExitCode } from './context.js';

/**
 * The seam where the interactive TUI starts. Until `src/ui` provides it, opening a scenario
 * prints its `check` summary. The TUI must be imported here with a dynamic `import()` only, so
 * the headless commands never load Ink or React.
 */
export async function openInteractive(
  ctx: CliContext,
  file: string,
  args: OpenArgs,
): Promise<ExitCode> {
  return runCheck(ctx, {
    ...args,
    files: [file],
    json: false,
    gradcheck: DEFAULT_GRADCHECK_BUDGET,
  });
}
