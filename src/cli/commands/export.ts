import type { CommandModule } from 'yargs';
import type { BackwardMode, GradCheckBudget } from '../../engine/index.js';
import { safeJson } from '../../scenario/index.js';
import { DEFAULT_PRECISION, reduce } from '../../session/index.js';
import { type Analysis, analyze } from '../analyze.js';
import { resolveScenario } from '../builtins.js';
import { failureReasons } from '../check-report.js';
import {
  type CliContext,
  type ExitCode,
  fileArgument,
  type GlobalArgs,
  modeOption,
  printError,
  type SetArgs,
  setOption,
} from '../context.js';
import { htmlPage } from '../export/html/page.js';
import { pageData } from '../export/html/page-data.js';
import { toDot, toMermaid } from '../export/render.js';
import { nodesJson, outputJson, sessionValues } from '../graph-json.js';
import { loadForCommand } from '../load.js';
import { positionOf } from '../replay/drive.js';
import { checkOptions } from './check.js';

export const EXPORT_FORMATS = ['dot', 'mermaid', 'json', 'html'] as const;

export interface ExportArgs extends GlobalArgs {
  readonly file: string;
  readonly format: (typeof EXPORT_FORMATS)[number];
  readonly at?: string;
  readonly set: SetArgs;
  readonly mode: BackwardMode | undefined;
  readonly gradcheck: GradCheckBudget;
}

export const exportOptions = {
  format: {
    choices: EXPORT_FORMATS,
    default: 'dot',
    describe: 'Graphviz, Mermaid, JSON, or a step-through page (html)',
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
  const analysis = analyze(scenario, args.gradcheck);
  const at = args.at ?? (args.format === 'html' ? 'start' : 'end');
  const position = positionOf(analysis.session, at);
  if (typeof position !== 'number')
    return printError(io, `--at ${at}: ${position.message}`, position.hint);
  if (args.format === 'html') {
    const data = await pageData(scenario, analysis.session, args.precision ?? DEFAULT_PRECISION);
    io.stdout(htmlPage({ ...data, start: position }));
    return reportFailures(io, file, analysis);
  }
  const state = reduce(analysis.session, { type: 'goto', step: position });
  const values = sessionValues(state);
  if (args.format === 'dot') io.stdout(toDot(scenario, values, args.precision));
  else if (args.format === 'mermaid') io.stdout(toMermaid(scenario, values, args.precision));
  else {
    const json = {
      file,
      title: scenario.title,
      output: outputJson(scenario, values),
      nodes: nodesJson(scenario, values),
    };
    io.stdout(`${safeJson(json)}\n`);
  }
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
