import type { CommandModule } from 'yargs';
import type { GradCheckBudget } from '../../engine/index.js';
import { nodeValue, reduce } from '../../session/index.js';
import { analyze } from '../analyze.js';
import { resolveScenario } from '../builtins.js';
import { failureReasons } from '../check-report.js';
import {
  type CliContext,
  type ExitCode,
  fileArgument,
  type GlobalArgs,
  printError,
  setOption,
} from '../context.js';
import { toDot, toMermaid } from '../export/render.js';
import { type NodeValues, nodesJson } from '../graph-json.js';
import { loadForCommand } from '../load.js';
import { positionOf } from '../replay/drive.js';
import { checkOptions } from './check.js';

export const EXPORT_FORMATS = ['dot', 'mermaid', 'json'] as const;

export interface ExportArgs extends GlobalArgs {
  readonly file: string;
  readonly format: (typeof EXPORT_FORMATS)[number];
  readonly at: string;
  readonly set: ReadonlyMap<string, number>;
  readonly gradcheck: GradCheckBudget;
}

export const exportOptions = {
  format: { choices: EXPORT_FORMATS, default: 'dot', describe: 'Graphviz, Mermaid or JSON' },
  at: { type: 'string', default: 'end', requiresArg: true, describe: 'Show the values at STEP' },
  set: setOption,
  gradcheck: checkOptions.gradcheck,
} as const;

export function exportCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, ExportArgs> {
  return {
    command: 'export <file>',
    describe: 'Write the graph as Graphviz dot, Mermaid or JSON, with its values at a step',
    builder: (yargs) =>
      yargs
        .options(exportOptions)
        .hide('version')
        .positional('file', fileArgument)
        .example('$0 export seed | dot -Tsvg > seed.svg', 'Draw the built-in seed example'),
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
  const position = positionOf(analysis.session, args.at);
  if (typeof position !== 'number')
    return printError(io, `--at ${args.at}: ${position.message}`, position.hint);
  const state = reduce(analysis.session, { type: 'goto', step: position });
  const values: NodeValues = {
    data: (id) => nodeValue(state, id, 'data') ?? null,
    grad: (id) => nodeValue(state, id, 'grad') ?? null,
  };
  if (args.format === 'dot') io.stdout(toDot(scenario, values, args.precision));
  else if (args.format === 'mermaid') io.stdout(toMermaid(scenario, values, args.precision));
  else {
    const json = {
      title: scenario.title,
      output: scenario.output,
      nodes: nodesJson(scenario, values),
    };
    io.stdout(`${JSON.stringify(json)}\n`);
  }
  const reasons = failureReasons(analysis);
  if (reasons.length > 0) {
    io.stderr(`${file}: check failed: ${reasons.join('; ')} (details: gradstep check ${file})\n`);
  }
  return analysis.exitCode;
}
