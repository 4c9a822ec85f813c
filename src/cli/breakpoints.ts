import type { Diagnostic, Scenario } from '../scenario/index.js';
import { type Breakpoint, parseBreakpoint } from '../session/index.js';
import type { GlobalArgs } from './context.js';
import type { Io } from './io.js';
import { printProblems } from './load.js';

/**
 * Each `--break SPEC`; or, when any spec does not parse, undefined after printing its diagnostics
 * (positions inside the spec), and the command exits 2.
 */
export function parseBreakpoints(
  io: Io,
  args: GlobalArgs & { readonly break: readonly string[] },
  scenario: Scenario,
): Breakpoint[] | undefined {
  const breakpoints: Breakpoint[] = [];
  const problems: Diagnostic[] = [];
  for (const spec of args.break) {
    const parsed = parseBreakpoint(spec, scenario);
    if ('breakpoint' in parsed) {
      breakpoints.push(parsed.breakpoint);
      continue;
    }
    const source = { name: `--break '${spec}'`, text: spec };
    for (const d of parsed.diagnostics) problems.push({ ...d, severity: 'error', source });
  }
  printProblems(io, args, problems);
  return problems.length === 0 ? breakpoints : undefined;
}
