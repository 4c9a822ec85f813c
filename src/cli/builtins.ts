import { basename, extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggest } from '../scenario/index.js';
import { type CliContext, type ExitCode, printError } from './context.js';

/** The package's `scenarios/` folder: two levels above this file, in `src/cli` and `dist/cli` alike. */
export const packageScenariosDir = (): string =>
  fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A file shipped in the package, found from the scenarios folder (its sibling). */
export const packageFile = (ctx: CliContext, path: string): string =>
  join(ctx.scenariosDir, '..', path);

export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
export const DEFAULT_SCENARIO = 'seed';

export interface Builtin {
  /** The file name without its extension: `seed`, `neuron`. */
  readonly name: string;
  /** The path to show and to load: relative to the working directory when it is inside it. */
  readonly file: string;
}

/** The built-in scenarios, sorted by name; `schema.json` is the format's schema, not a scenario. */
export async function builtinScenarios(ctx: CliContext): Promise<Builtin[]> {
  const names = await ctx.io.listDirectory(ctx.scenariosDir);
  return names
    .filter((f) => f !== 'schema.json' && isScenarioPath(f))
    .sort()
    .map((f) => ({
      name: basename(f, extname(f)),
      file: displayPath(ctx, join(ctx.scenariosDir, f)),
    }));
}

export function isScenarioPath(path: string): boolean {
  return SCENARIO_EXTENSIONS.some((ext) => path.endsWith(ext));
}

function displayPath(ctx: CliContext, path: string): string {
  const rel = relative(ctx.io.cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * What a command's scenario argument names: a file if it exists or looks like one (`.yaml`,
 * `.yml`, `.json`), else a built-in name; no argument is the built-in seed. Anything else is a
 * usage error with a hint: a command it resembles (for the default command, which is given
 * `commandNames`), a built-in name, or the list of them.
 */
export async function resolveScenario(
  ctx: CliContext,
  arg: string | undefined,
  commandNames: readonly string[] = [],
): Promise<string | ExitCode> {
  const builtins = await builtinScenarios(ctx);
  const byName = (name: string): Builtin | undefined => builtins.find((b) => b.name === name);
  if (arg === undefined) {
    const seed = byName(DEFAULT_SCENARIO);
    if (seed !== undefined) return seed.file;
    return printError(ctx.io, `the built-in example is missing from ${ctx.scenariosDir}`);
  }
  if (isScenarioPath(arg) || (await ctx.io.exists(arg))) return arg;
  const builtin = byName(arg);
  if (builtin !== undefined) return builtin.file;

  const names = builtins.map((b) => b.name);
  const meant = suggest(arg, commandNames) ?? suggest(arg, names);
  const kinds = commandNames.length > 0 ? 'a command, a scenario file' : 'a scenario file';
  const commands = commandNames.length > 0 ? `; commands: ${commandNames.join(', ')}` : '';
  return printError(
    ctx.io,
    `'${arg}' is not ${kinds} or a built-in scenario`,
    meant !== undefined
      ? `did you mean '${meant}'?`
      : `built-in scenarios: ${names.join(', ')}${commands}`,
  );
}
