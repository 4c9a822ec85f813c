import type { Diagnostic, Scenario } from '../scenario/index.js';
import { type Breakpoint, parseBreakpoint } from '../session/index.js';
import { fromDiagnostic, type Problem } from './load.js';

/** Each `--break SPEC`, or the problems of the specs that do not parse (positions inside the spec). */
export function parseBreakpoints(
  scenario: Scenario,
  specs: readonly string[],
): Breakpoint[] | { problems: Problem[] } {
  const breakpoints: Breakpoint[] = [];
  const problems: Problem[] = [];
  for (const spec of specs) {
    const parsed = parseBreakpoint(spec, scenario);
    if ('breakpoint' in parsed) {
      breakpoints.push(parsed.breakpoint);
      continue;
    }
    const source = { name: `--break '${spec}'`, text: spec };
    for (const d of parsed.diagnostics) {
      const diagnostic: Diagnostic = { ...d, severity: 'error', source };
      problems.push(fromDiagnostic(diagnostic));
    }
  }
  return problems.length === 0 ? breakpoints : { problems };
}
