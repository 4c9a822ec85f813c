import type { CommandModule } from 'yargs';
import type { BackwardMode, GradCheckBudget } from '../../engine/index.js';
import { DEFAULT_PRECISION } from '../../session/index.js';
import { type Analysis, analyze } from '../analyze.js';
import { resolveScenario } from '../builtins.js';
import { failureReasons } from '../check-report.js';
import {
  type CliContext,
  type ExitCode,
  fileArgument,
  type GlobalArgs,
  modeOption,
  type PrecisionArgs,
  precisionOption,
  printError,
  type SetArgs,
  setOption,
} from '../context.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatEntry } from '../export/formats.js';
import { loadForCommand } from '../load.js';
import { describeFormats, formatNames } from '../output-format.js';
import { positionOf } from '../replay/drive.js';
import { checkOptions } from './check.js';

export interface ExportArgs extends GlobalArgs, PrecisionArgs {
  readonly file: string;
  readonly format: ExportFormat;
  readonly at?: string;
  readonly set: SetArgs;
  readonly mode: BackwardMode | undefined;
  readonly gradcheck: GradCheckBudget;
}

export const exportOptions = {
  precision: precisionOption,
  format: {
    choices: formatNames(EXPORT_FORMATS),
    default: 'dot',
    describe: describeFormats(EXPORT_FORMATS),
  },
  at: {
    type: 'string',
    requiresArg: true,
    describe: 'Show the values at STEP (default: end; html: the page opens at start)',
  },
  set: setOption,
  mode: modeOption,
  gradcheck: checkOptions.gradcheck,
} as const;

export function exportCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, ExportArgs> {
  return {
    command: 'export <file>',
    describe: 'Write the graph as Graphviz dot, Mermaid or JSON, or as a step-through web page',
    builder: (yargs) =>
      yargs
        .options(exportOptions)
        .hide('version')
        .hide('v')
        .positional('file', fileArgument)
        .example('$0 export seed | dot -Tsvg > seed.svg', 'Draw the built-in seed example')
        .example('$0 export seed --format html > seed.html', 'A page to step through offline'),
    handler: async (args) => report(await runExport(ctx, args)),
  };
}

/**
 * Writes the graph with its values at `--at`. The scenario is analyzed as `check` analyzes it, so
 * the exit code is `check`'s: 1 (with the reasons on stderr) when a check fails, the export printed
 * all the same.
 */
export async function runExport(ctx: CliContext, args: ExportArgs): Promise<ExitCode> {
  const { io } = ctx;
  const file = await resolveScenario(ctx, args.file);
  if (typeof file !== 'string') return file;
  const scenario = await loadForCommand(io, file, args);
  if (scenario === undefined) return 2;
  const analysis = analyze(scenario, args.gradcheck, { revisit: true });
  const at = args.at ?? (args.format === 'html' ? 'start' : 'end');
  const position = positionOf(analysis.session, at);
  if (typeof position !== 'number')
    return printError(io, `--at ${at}: ${position.message}`, position.hint);
  const input = {
    file,
    scenario,
    session: analysis.session,
    position,
    precision: args.precision,
    defaultPrecision: DEFAULT_PRECISION,
  };
  const format: ExportFormatEntry = EXPORT_FORMATS[args.format];
  const output = await format.render(input);
  io.stdout(output);
  for (const note of format.notes?.(output) ?? []) io.stderr(`${file}: ${args.format}: ${note}\n`);
  return reportFailures(io, file, analysis);
}

/** `check`'s verdict after the export: the reasons on stderr and its exit code. */
function reportFailures(io: CliContext['io'], file: string, analysis: Analysis): ExitCode {
  const reasons = failureReasons(analysis);
  if (reasons.length > 0) {
    io.stderr(`${file}: check failed: ${reasons.join('; ')} (details: gradstep check ${file})\n`);
  }
  return analysis.exitCode;
}
