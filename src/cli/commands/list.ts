import type { CommandModule } from 'yargs';
import { cut, painter } from '../../scenario/index.js';
import { builtinScenarios } from '../builtins.js';
import {
  type CliContext,
  colorEnabled,
  type ExitCode,
  type GlobalArgs,
  printError,
} from '../context.js';
import { loadScenarioFile } from '../load.js';

export const listOptions = {
  paths: { type: 'boolean', default: false, describe: 'Show each scenario file too' },
} as const;

export function listCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, ListArgs> {
  return {
    command: 'list',
    describe: 'List the built-in scenarios with their titles',
    builder: (yargs) => yargs.hide('version').hide('v').options(listOptions),
    handler: async (args) => report(await runList(ctx, args)),
  };
}

export interface ListArgs extends GlobalArgs {
  /** Show the file of each built-in (it lives deep in node_modules after an npm install). */
  readonly paths: boolean;
}

/** One line per built-in: its name (what `gradstep NAME` opens), title, and with --paths its file. */
export async function runList(ctx: CliContext, args: ListArgs): Promise<ExitCode> {
  const paint = painter(colorEnabled(args, ctx.io, 'stdout'));
  const builtins = await builtinScenarios(ctx);
  if (builtins.length === 0)
    return printError(ctx.io, `no built-in scenarios found in ${ctx.scenariosDir}`);
  const rows: [string, string, string][] = [];
  let code: ExitCode = 0;
  for (const { name, file } of builtins) {
    const loaded = await loadScenarioFile(ctx.io, file);
    if (!loaded.ok) code = 2;
    const title = loaded.ok ? loaded.scenario.title : `(invalid: run gradstep check ${name})`;
    rows.push([name, title, args.paths ? file : '']);
  }
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const fileWidth = Math.max(...rows.map(([, , file]) => file.length));
  const gaps = fileWidth > 0 ? 4 : 2;
  const room = Math.max(MIN_TITLE, LINE_WIDTH - nameWidth - fileWidth - gaps);
  const titles = rows.map(([, title]) => cut(title, room));
  const titleWidth = Math.max(...titles.map((t) => [...t].length));
  rows.forEach(([name, , file], i) => {
    const title =
      file === '' ? titles[i] : titles[i] + ' '.repeat(titleWidth - [...titles[i]].length);
    const path = file === '' ? '' : `  ${paint('dim', file)}`;
    ctx.io.stdout(`${paint('bold', name.padEnd(nameWidth))}  ${title}${path}\n`);
  });
  return code;
}

/** The list fits a standard terminal: titles give way, names and files (to be typed) do not. */
const LINE_WIDTH = 80;
const MIN_TITLE = 12;
