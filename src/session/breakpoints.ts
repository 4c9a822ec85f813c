import type { LocalDiagnostic } from '../scenario/ast.js';
import type { Scenario } from '../scenario/types.js';
import type { Breakpoint } from './types.js';

/**
 * Parses `NODE | forward:NODE | backward:NODE | change:NODE | [NODE:] COND`; diagnostics carry
 * offsets into `spec`.
 */
export function parseBreakpoint(
  spec: string,
  scenario: Scenario,
): { breakpoint: Breakpoint } | { diagnostics: readonly LocalDiagnostic[] } {
  throw new Error(`TODO ${spec} ${scenario.title}`);
}
