import type { CommandModule } from 'yargs';
import { createSession, nodeValue, reduce } from '../../session/index.js';
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

export const EXPORT_FORMATS = ['dot', 'mermaid', 'json'] as const;

export interface ExportArgs extends GlobalArgs {
  readonly file: string;
  readonly format: (typeof EXPORT_FORMATS)[number];
  readonly at: string;
  readonly set: ReadonlyMap<string, number>;
}

export const exportOptions = {
  format: { choices: EXPORT_FORMATS, default: 'dot', describe: 'Graphviz, Mermaid or JSON' },
  at: { type: 'string', default: 'end', requiresArg: true, describe: 'Show the values at STEP' },
  set: setOption,
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
        .positional('file', fileArgument)
        .example('$0 export scenarios/seed.yaml | dot -Tsvg > seed.svg', 'Draw the seed example'),
    handler: async (args) => report(await runExport(ctx, args)),
  };
}

export async function runExport(ctx: CliContext, args: ExportArgs): Promise<ExitCode> {
  const { io } = ctx;
  const scenario = await loadForCommand(io, args.file, args);
  if (scenario === undefined) return 2;
  const start = createSession(scenario);
  const position = positionOf(start, args.at);
  if (typeof position !== 'number')
    return printError(io, `--at ${args.at}: ${position.message}`, position.hint);
  const state = reduce(start, { type: 'goto', step: position });
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
  return 0;
}
