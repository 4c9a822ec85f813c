import type { CommandModule } from 'yargs';
import {
  type BackwardMode,
  DEFAULT_GRADCHECK_BUDGET,
  type GradCheckBudget,
} from '../../engine/index.js';
import { safeJson } from '../../scenario/index.js';
import { analyze } from '../analyze.js';
import { resolveScenario } from '../builtins.js';
import { checkJson } from '../check-json.js';
import { checkText } from '../check-report.js';
import { collectGarbage } from '../collect.js';
import {
  type CliContext,
  colorEnabled,
  type ExitCode,
  fileArgument,
  type GlobalArgs,
  modeOption,
  type PrecisionArgs,
  precisionOption,
  type SetArgs,
  setOption,
  UsageError,
  worst,
} from '../context.js';
import { BIG_FILE, loadScenarioFile, printProblems } from '../load.js';
import { progressOn } from '../progress.js';

export interface CheckArgs extends GlobalArgs, PrecisionArgs {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly gradcheck: GradCheckBudget;
  readonly set: SetArgs;
  readonly mode: BackwardMode | undefined;
}

export const checkOptions = {
  precision: precisionOption,
  json: { type: 'boolean', default: false, describe: 'One JSON object per file, one per line' },
  gradcheck: {
    type: 'string',
    describe: 'Grad check: all, none or N node re-evaluations at most',
    default: String(DEFAULT_GRADCHECK_BUDGET),
    defaultDescription: String(DEFAULT_GRADCHECK_BUDGET),
    coerce: parseBudget,
  },
  set: setOption,
  mode: modeOption,
} as const;

export function checkCommand(
  ctx: CliContext,
  report: (code: ExitCode) => void,
): CommandModule<GlobalArgs, CheckArgs> {
  return {
    command: 'check <files..>',
    describe: 'Validate, evaluate, back-propagate and grad-check scenario files',
    builder: (yargs) =>
      yargs
        .options(checkOptions)
        .hide('version')
        .hide('v')
        .positional('files', {
          ...fileArgument,
          array: true,
          // Not yargs' [] for a variadic positional: `<files..>` is required, help says so.
          default: undefined,
          describe: 'Scenario files or built-in names',
        })
        .example('$0 check scenarios/seed.yaml', 'Summary of the seed example')
        .example('$0 check --json scenarios/*.yaml', 'One JSON line per file'),
    handler: async (args) => report(await runCheck(ctx, args)),
  };
}

/** Checks each file in turn and returns the worst exit code. */
export async function runCheck(ctx: CliContext, args: CheckArgs): Promise<ExitCode> {
  const { io } = ctx;
  const codes: ExitCode[] = [];
  let summaries = 0;
  for (const arg of args.files) {
    const file = await resolveScenario(ctx, arg);
    if (typeof file !== 'string') {
      codes.push(file);
      continue;
    }
    const progress = progressOn(io);
    const loaded = await loadScenarioFile(io, file, { set: args.set, mode: args.mode, progress });
    const problems = loaded.ok ? loaded.warnings : loaded.problems;
    if (loaded.ok && loaded.scenario.source.text.length >= BIG_FILE) await collectGarbage();
    const analysis = loaded.ok
      ? analyze(loaded.scenario, args.gradcheck, { precision: args.precision, progress })
      : undefined;
    progress.end();
    const code = analysis?.exitCode ?? 2;
    codes.push(code);
    if (args.json) {
      io.stdout(`${safeJson(checkJson(file, analysis, problems))}\n`);
      continue;
    }
    printProblems(io, args, problems);
    if (analysis !== undefined) {
      const text = checkText(file, analysis, {
        precision: args.precision,
        color: colorEnabled(args, io, 'stdout'),
      });
      io.stdout(summaries++ > 0 ? `\n${text}` : text);
    }
  }
  return worst(codes);
}

/** `all`, `none`, or a whole number of node re-evaluations. */
export function parseBudget(value: unknown): GradCheckBudget {
  const text = String(value).trim();
  if (text === 'all' || text === 'none') return text;
  const n = Number(text);
  if (text !== '' && Number.isInteger(n) && n >= 0) return n;
  throw new UsageError(`--gradcheck expects all, none or a whole number, got '${text}'`);
}
