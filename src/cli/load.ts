import { isAscii } from 'node:buffer';
import type { BackwardMode } from '../engine/index.js';
import {
  type Diagnostic,
  fileDiagnostic,
  formatDiagnostic,
  type LoadResult,
  loadScenario,
  readNumber,
  type Scenario,
} from '../scenario/index.js';
import { colorEnabled, type GlobalArgs, type SetArgs } from './context.js';
import type { Io } from './io.js';
import { type Progress, progressOn } from './progress.js';

export type Loaded =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly problems: readonly Diagnostic[] };

export interface LoadOptions {
  readonly set?: SetArgs;
  readonly mode?: BackwardMode;
  /** Told when a big file is being read and compiled (which reports no progress of its own). */
  readonly progress?: Progress;
}

/** A file this big takes a noticeable while to compile: its loading is shown at once. */
export const BIG_FILE = 1 << 20;

/** Reads and compiles a scenario file; every failure becomes a problem, never an exception. */
export async function loadScenarioFile(
  io: Io,
  file: string,
  options: LoadOptions = {},
): Promise<Loaded> {
  const overrides = readOverrides(options.set);
  if (overrides.set === undefined) return { ok: false, problems: overrides.problems };
  const read = await readText(io, file);
  if (typeof read !== 'string') return { ok: false, problems: [read] };
  const megabytes = (read.length / 1e6).toFixed(1);
  options.progress?.phase(`loading ${file} (${megabytes} MB)`, read.length >= BIG_FILE);
  const result = loadScenario(
    { name: file, text: read },
    { mode: options.mode, set: overrides.set },
  );
  const problems = [...overrides.problems, ...result.diagnostics];
  if (!result.ok) return { ok: false, problems };
  return { ok: true, scenario: result.scenario, warnings: problems };
}

/**
 * `--set` numbers read by the scenario's rule, with its messages pointing into the options as
 * written (`<command-line>:1:9: error: Invalid number '0x10'.`); `set` is undefined after an error.
 */
function readOverrides(given: SetArgs | undefined): {
  set?: ReadonlyMap<string, number>;
  problems: Diagnostic[];
} {
  const options = [...(given ?? [])].map(([name, text]) => `--set ${name}=${text}`);
  const source = { name: '<command-line>', text: options.join(' ') };
  const set = new Map<string, number>();
  const problems: Diagnostic[] = [];
  let offset = 0;
  for (const [name, text] of given ?? []) {
    const sign = /^[+-]/.test(text) ? text[0] : '';
    const unsigned = text.slice(sign.length);
    const start = offset + `--set ${name}=${sign}`.length;
    offset += `--set ${name}=${text} `.length;
    const { value, problem } = readNumber(unsigned);
    set.set(name, sign === '-' ? -value : value);
    if (problem === undefined) continue;
    const { severity, message, hint } = problem;
    problems.push({ severity, source, start, end: start + unsigned.length, message, hint });
  }
  return { set: problems.some((p) => p.severity === 'error') ? undefined : set, problems };
}

/**
 * How every command that takes a scenario file starts: read and compile it, print its problems
 * (warnings too) as `check` prints them, and give the scenario; undefined means it had errors and
 * the command exits 2.
 */
export async function loadForCommand(
  io: Io,
  file: string,
  args: GlobalArgs & LoadOptions,
): Promise<Scenario | undefined> {
  const progress = progressOn(io);
  const loaded = await loadScenarioFile(io, file, { set: args.set, mode: args.mode, progress });
  progress.end();
  printProblems(io, args, loaded.ok ? loaded.warnings : loaded.problems);
  return loaded.ok ? loaded.scenario : undefined;
}

/** Diagnostics on stderr, colored when stderr is a terminal that wants color. */
export function printProblems(io: Io, args: GlobalArgs, problems: readonly Diagnostic[]): void {
  const color = colorEnabled(args, io, 'stderr');
  for (const p of problems) io.stderr(`${formatDiagnostic(p, { color })}\n`);
}

/** The scenario loader's own result, for the TUI's reload: a file problem becomes a diagnostic. */
export async function reloadScenario(
  io: Io,
  file: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  // The overrides were read when the file was first opened: an error would have stopped it then.
  const { set } = readOverrides(options.set);
  const read = await readText(io, file);
  if (typeof read === 'string')
    return loadScenario({ name: file, text: read }, { ...options, set });
  return { ok: false, diagnostics: [read] };
}

export async function readText(io: Io, file: string): Promise<string | Diagnostic> {
  const content = await io.readFile(file);
  switch (content.kind) {
    case 'missing':
      return fileDiagnostic(file, 'no such file');
    case 'directory':
      return fileDiagnostic(file, 'is a directory, not a scenario file');
    case 'unreadable':
      return fileDiagnostic(file, `cannot be read (${content.reason})`);
    case 'file':
      return decodeText(content.bytes) ?? fileDiagnostic(file, 'is not a text file');
  }
}

/** UTF-8 text, or undefined for bytes that are not text (invalid UTF-8 or a NUL byte). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  // ASCII (every generated scenario) is its own Latin-1 decoding: one native copy, no validation
  // pass by the UTF-8 decoder (0.6 s on a 20 MB file).
  if (isAscii(bytes))
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}
