import { basename, extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliContext } from './context.js';

/** The package's `scenarios/` folder: two levels above this file, in `src/cli` and `dist/cli` alike. */
export const packageScenariosDir = (): string =>
  fileURLToPath(new URL('../../scenarios/', import.meta.url));

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
